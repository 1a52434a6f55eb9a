package dev.fn4j.conformance;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reading and writing the parts every JSON HTTP envelope has: headers and a body. */
final class Envelopes {

  private Envelopes() {}

  /**
   * Returns a body as an envelope carries it: as text for a text type, else in base64.
   *
   * @param call the call
   * @return the text or the base64 of the body
   */
  static String bodyText(Call call) {
    byte[] body = call.body();
    return call.hasTextBody()
        ? new String(body, StandardCharsets.UTF_8)
        : Base64.getEncoder().encodeToString(body);
  }

  /**
   * Reads an envelope's body.
   *
   * @param path the path's name, for failures
   * @param body the {@code body} member, or null
   * @param base64 whether the envelope marks it base64
   * @return the bytes; empty for none
   * @throws PathFailure when a body marked base64 is not
   */
  static byte[] body(String path, Object body, boolean base64) {
    if (body == null) {
      return new byte[0];
    }
    if (!(body instanceof String text)) {
      throw new PathFailure(path, "the response's body is not a string: " + body, null);
    }
    if (!base64) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new PathFailure(path, "the response's body is marked base64 but is not", e);
    }
  }

  /**
   * Finds a header in an envelope's {@code headers} object, ignoring the case of names.
   *
   * @param headers the object, or null
   * @param name the header name
   * @return the first value, or null; a list's first element
   */
  static String header(Object headers, String name) {
    if (!(headers instanceof Map<?, ?> map)) {
      return null;
    }
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (String.valueOf(entry.getKey()).equalsIgnoreCase(name)) {
        Object value = entry.getValue();
        if (value instanceof List<?> values) {
          return values.isEmpty() ? null : String.valueOf(values.get(0));
        }
        return value == null ? null : String.valueOf(value);
      }
    }
    return null;
  }

  /**
   * Reads a status member, a JSON number or a string of digits.
   *
   * @param path the path's name, for failures
   * @param value the member
   * @return the status
   * @throws PathFailure when it is neither
   */
  static int status(String path, Object value) {
    if (value instanceof Number number) {
      return number.intValue();
    }
    if (value instanceof String text && text.matches("\\d{3}")) {
      return Integer.parseInt(text);
    }
    throw new PathFailure(path, "the response has no usable status: " + value, null);
  }

  /**
   * Lower-cases a header name, as API Gateway's HTTP APIs pass them.
   *
   * @param name the name
   * @return the name in lower case
   */
  static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
