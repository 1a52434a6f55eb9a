package dev.fn4j.conformance;

import dev.fn4j.core.convert.MediaTypes;

/** Content-type rules the paths share: the essence of a type, and whether a body is text. */
final class MediaRanges {

  private MediaRanges() {}

  /**
   * Returns the type and subtype, lower-cased, without parameters.
   *
   * @param contentType a header value, or null
   * @return for example {@code text/plain}; null for a null or blank value
   */
  static String essence(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return null;
    }
    return MediaTypes.essence(contentType);
  }

  /**
   * Tells whether a body of this type is text, as the HTTP envelopes of API Gateway, FC and the
   * adapters decide when to use base64: {@code text/*}, JSON, XML and form data.
   *
   * @param contentType a header value, or null
   * @return false for null and every other type
   */
  static boolean isText(String contentType) {
    String essence = essence(contentType);
    if (essence == null) {
      return false;
    }
    return essence.startsWith("text/")
        || essence.equals("application/json")
        || essence.endsWith("+json")
        || essence.equals("application/xml")
        || essence.endsWith("+xml")
        || essence.equals("application/x-www-form-urlencoded");
  }
}
