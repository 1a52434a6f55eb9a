package dev.fn4j.azure;

import dev.fn4j.core.convert.JsonCodec;
import dev.fn4j.core.convert.JsonTree;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the Functions host writes values into {@code Data} and {@code Metadata}: its code sends a
 * value that is not a JSON object as that value's JSON text inside a string ({@code "\"hello\""},
 * {@code "1"}), while its documentation shows plain values; both are accepted. Binary HTTP bodies
 * ({@code application/octet-stream}, {@code multipart/*}) and blobs bound with {@code "dataType":
 * "binary"} arrive as base64.
 */
final class HostValues {

  private HostValues() {}

  /**
   * Removes the host's JSON-in-a-string layer: a string that holds a JSON value becomes that value;
   * any other value is returned as it is.
   *
   * @param value a value of {@code Data} or {@code Metadata}
   * @return the plain value
   */
  static Object unwrap(Object value) {
    if (!(value instanceof String text) || text.isEmpty()) {
      return value;
    }
    char first = text.charAt(0);
    if (first != '"'
        && first != '{'
        && first != '['
        && first != '-'
        && !Character.isDigit(first)
        && !text.equals("true")
        && !text.equals("false")
        && !text.equals("null")) {
      return value;
    }
    try {
      Object parsed = JsonTree.parse(text);
      return parsed == null ? value : parsed;
    } catch (JsonCodec.JsonDecodeException notJson) {
      return value;
    }
  }

  /**
   * Tells whether an invocation is a blob trigger's, from its metadata ({@code Uri} and {@code
   * Properties} of the blob).
   *
   * @param metadata the invocation's metadata
   * @return true for a blob trigger
   */
  static boolean isBlob(Map<String, Object> metadata) {
    return metadata.containsKey("Uri") && metadata.containsKey("Properties");
  }

  /**
   * Returns an HTTP request body: base64-decoded for binary and multipart content types, else the
   * text as UTF-8.
   *
   * @param body {@code Data.req.Body}
   * @param contentType the request's content type
   * @return the bytes
   */
  static byte[] httpBody(Object body, Optional<String> contentType) {
    if (body == null) {
      return new byte[0];
    }
    if (!(body instanceof String text)) {
      return JsonTree.write(body).getBytes(StandardCharsets.UTF_8);
    }
    String type = contentType.orElse("").toLowerCase(Locale.ROOT);
    if (type.startsWith("application/octet-stream") || type.startsWith("multipart/")) {
      try {
        return Base64.getDecoder().decode(text);
      } catch (IllegalArgumentException notBase64) {
        // The host sends binary bodies in base64; anything else is not a body we can trust.
        throw new IllegalArgumentException(
            "the " + type + " body is not base64, as the Functions host sends binary bodies");
      }
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
