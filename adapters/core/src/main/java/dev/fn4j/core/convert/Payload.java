package dev.fn4j.core.convert;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A request or reply body as an adapter has it: text (a JSON string field of an event envelope) or
 * bytes (an HTTP body, a raw invocation). Keeping whichever form arrived avoids copies: a {@code
 * String} function on a text payload receives the very same string.
 */
public sealed interface Payload {

  /** The empty payload. */
  Payload EMPTY = new Bytes(new byte[0]);

  /**
   * Wraps text.
   *
   * @param text the text
   * @return the payload
   */
  static Payload ofText(String text) {
    return new Text(Objects.requireNonNull(text, "text"));
  }

  /**
   * Wraps bytes without copying them; the caller hands them over.
   *
   * @param bytes the bytes
   * @return the payload
   */
  static Payload ofBytes(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new Bytes(bytes);
  }

  /**
   * Tells whether the payload has no content.
   *
   * @return true when empty
   */
  boolean isEmpty();

  /**
   * Returns the payload as text.
   *
   * @param charset the charset of byte content; ignored for text
   * @return the text
   */
  String asText(Charset charset);

  /**
   * Returns the payload as bytes (text is encoded as UTF-8). Callers must not modify the array.
   *
   * @return the bytes
   */
  byte[] asBytes();

  /** A text payload. */
  record Text(String text) implements Payload {
    @Override
    public boolean isEmpty() {
      return text.isEmpty();
    }

    @Override
    public String asText(Charset charset) {
      return text;
    }

    @Override
    public byte[] asBytes() {
      return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return "Payload.Text[" + text.length() + " chars]";
    }
  }

  /** A byte payload. */
  record Bytes(byte[] bytes) implements Payload {
    @Override
    public boolean isEmpty() {
      return bytes.length == 0;
    }

    @Override
    public String asText(Charset charset) {
      return new String(bytes, charset);
    }

    @Override
    public byte[] asBytes() {
      return bytes;
    }

    @Override
    public String toString() {
      return "Payload.Bytes[" + bytes.length + " bytes]";
    }
  }
}
