package dev.fn4j.knative.event;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The percent-encoding of attribute values in binary-mode {@code ce-} headers (CloudEvents HTTP
 * protocol binding, 3.1.3.2): space, double quote, percent and everything outside printable ASCII
 * travel as {@code %XX} escapes of their UTF-8 bytes.
 */
public final class HeaderValues {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private HeaderValues() {}

  /**
   * Encodes a value for a header.
   *
   * @param value the attribute value
   * @return the header value
   */
  public static String encode(String value) {
    if (isPlain(value)) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int unsigned = b & 0xff;
      if (unsigned > 0x20 && unsigned < 0x7f && unsigned != '"' && unsigned != '%') {
        out.append((char) unsigned);
      } else {
        out.append('%').append(HEX[unsigned >> 4]).append(HEX[unsigned & 0xf]);
      }
    }
    return out.toString();
  }

  /**
   * Decodes a header value; a value with a malformed escape, or whose escapes are not UTF-8, is
   * taken as it is.
   *
   * @param value the header value
   * @return the attribute value
   */
  public static String decode(String value) {
    if (value.indexOf('%') < 0) {
      return value;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%') {
        if (i + 2 >= value.length()) {
          return value;
        }
        int high = Character.digit(value.charAt(i + 1), 16);
        int low = Character.digit(value.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return value;
        }
        bytes.write(high << 4 | low);
        i += 2;
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return value;
    }
  }

  private static boolean isPlain(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= 0x20 || c >= 0x7f || c == '"' || c == '%') {
        return false;
      }
    }
    return true;
  }
}
