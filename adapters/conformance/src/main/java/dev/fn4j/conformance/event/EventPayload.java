package dev.fn4j.conformance.event;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Bytes with an optional content type: one item of an {@link EventCall}, or a reply a platform
 * carried back ({@link EventOutcome#replies()}). Immutable; the bytes are copied in and out.
 *
 * <p>Two payloads are equal when their bytes and media types (the content type without parameters,
 * lower-cased) are. A platform that carries no content type with its replies (a Lambda response, an
 * FC built-in runtime's output, an Azure {@code ReturnValue}) gives payloads without one; {@link
 * #differencesFrom} then compares the bytes alone.
 */
public final class EventPayload {

  private static final int SHOWN = 80;

  private final String contentType;
  private final byte[] bytes;

  private EventPayload(String contentType, byte[] bytes) {
    this.contentType = contentType == null || contentType.isBlank() ? null : contentType;
    this.bytes = bytes;
  }

  /**
   * Creates a payload.
   *
   * @param contentType for example {@code application/octet-stream}, or null for none
   * @param bytes the bytes, copied
   * @return the payload
   */
  public static EventPayload of(String contentType, byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    return new EventPayload(contentType, bytes.clone());
  }

  /**
   * Creates a text payload, {@code text/plain; charset=utf-8}.
   *
   * @param text the text, encoded as UTF-8
   * @return the payload
   */
  public static EventPayload text(String text) {
    return text("text/plain; charset=utf-8", text);
  }

  /**
   * Creates a text payload of a given type.
   *
   * @param contentType for example {@code text/csv}
   * @param text the text, encoded as UTF-8
   * @return the payload
   */
  public static EventPayload text(String contentType, String text) {
    Objects.requireNonNull(text, "text");
    return new EventPayload(contentType, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Creates a JSON payload, {@code application/json}.
   *
   * @param json the document, sent as UTF-8 as it is (it may be malformed on purpose)
   * @return the payload
   */
  public static EventPayload json(String json) {
    return text("application/json", json);
  }

  /**
   * Returns the content type as given.
   *
   * @return for example {@code text/plain; charset=utf-8}; empty when there is none
   */
  public Optional<String> contentType() {
    return Optional.ofNullable(contentType);
  }

  /**
   * Returns the media type: the content type without parameters, lower-cased.
   *
   * @return for example {@code text/plain}; empty when there is no content type
   */
  public Optional<String> mediaType() {
    if (contentType == null) {
      return Optional.empty();
    }
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return Optional.of(type.trim().toLowerCase(Locale.ROOT));
  }

  /**
   * Returns the bytes.
   *
   * @return a copy
   */
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * Returns the bytes as UTF-8 text.
   *
   * @return the text
   */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * Tells whether the payload has no bytes.
   *
   * @return true for an empty payload
   */
  public boolean isEmpty() {
    return bytes.length == 0;
  }

  /**
   * Tells whether the content type is a text one: {@code text/*}, JSON ({@code application/json},
   * {@code +json}), XML or form data. Platforms whose messages are strings (SQS, Azure Storage
   * queues) carry only these.
   *
   * @return false without a content type
   */
  public boolean isText() {
    String type = mediaType().orElse("");
    return type.startsWith("text/")
        || isJson()
        || type.equals("application/xml")
        || type.endsWith("+xml")
        || type.equals("application/x-www-form-urlencoded");
  }

  /**
   * Tells whether the content type is JSON.
   *
   * @return true for {@code application/json}, {@code text/json} and {@code +json} types
   */
  public boolean isJson() {
    String type = mediaType().orElse("");
    return type.equals("application/json") || type.equals("text/json") || type.endsWith("+json");
  }

  /**
   * Lists how this payload differs from a reference: the bytes, and the media types when both have
   * one.
   *
   * @param reference the payload expected
   * @return for example {@code [bytes "hello", expected "HELLO"]}; empty when they agree
   */
  public List<String> differencesFrom(EventPayload reference) {
    Objects.requireNonNull(reference, "reference");
    List<String> differences = new ArrayList<>();
    if (!Arrays.equals(bytes, reference.bytes)) {
      differences.add("bytes " + describeBytes() + ", expected " + reference.describeBytes());
    }
    if (contentType != null
        && reference.contentType != null
        && !mediaType().equals(reference.mediaType())) {
      differences.add(
          "media type " + mediaType().get() + ", expected " + reference.mediaType().get());
    }
    return differences;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EventPayload payload
        && Arrays.equals(bytes, payload.bytes)
        && mediaType().equals(payload.mediaType());
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(bytes) + mediaType().hashCode();
  }

  /**
   * Describes the payload for assertion messages.
   *
   * @return for example {@code text/plain "HELLO"} or {@code (no type) [3 bytes: 01 02 03]}
   */
  @Override
  public String toString() {
    return (contentType == null ? "(no type)" : mediaType().get()) + " " + describeBytes();
  }

  private String describeBytes() {
    if (isText() || (contentType == null && isPrintable())) {
      String text = text();
      return "\"" + (text.length() > SHOWN ? text.substring(0, SHOWN) + "..." : text) + "\"";
    }
    StringBuilder hex = new StringBuilder("[").append(bytes.length).append(" bytes:");
    for (int i = 0; i < Math.min(bytes.length, SHOWN / 3); i++) {
      hex.append(' ').append(String.format("%02x", bytes[i] & 0xff));
    }
    return hex.append(bytes.length > SHOWN / 3 ? " ...]" : "]").toString();
  }

  private boolean isPrintable() {
    String text = text();
    return !text.contains("\uFFFD") && text.chars().noneMatch(c -> c < 0x20 && c != '\n');
  }
}
