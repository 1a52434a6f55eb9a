package dev.fn4j.conformance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A neutral HTTP request to one function, which every {@link AdapterPath} sends in its platform's
 * form: the function's name (routed by the path {@code /<name>}), the method, the content type, the
 * body and extra headers. Immutable; the body is copied in and out.
 *
 * <pre>{@code
 * Call.post("uppercase", "text/plain", "hello")
 * Call.json("greet", "{\"name\":\"Ada\"}")
 * Call.get("fortune")
 * Call.post("checksum", "application/octet-stream", new byte[] {1, 2, 3}).withHeader("X-Trace", "1")
 * }</pre>
 */
public final class Call {

  /**
   * Headers a call may not set: the HTTP client and the platforms own them, and the content type
   * has its own parameter.
   */
  private static final Set<String> RESERVED =
      Set.of(
          "host",
          "content-length",
          "content-type",
          "connection",
          "keep-alive",
          "transfer-encoding",
          "expect",
          "upgrade",
          "te",
          "trailer");

  private final String function;
  private final String method;
  private final String contentType;
  private final byte[] body;
  private final Map<String, List<String>> headers;

  private Call(
      String function,
      String method,
      String contentType,
      byte[] body,
      Map<String, List<String>> headers) {
    this.function = function;
    this.method = method;
    this.contentType = contentType;
    this.body = body;
    this.headers = headers;
  }

  /**
   * Creates a call with any method.
   *
   * @param method for example {@code POST}; upper-cased
   * @param function the function's name, or a composition such as {@code uppercase,reverse}
   * @param contentType the body's content type, or null for none
   * @param body the body, copied; empty for none
   * @return the call
   * @throws IllegalArgumentException when the method is blank, or the name is not a function name
   *     (letters, digits, {@code -}, {@code _}, {@code .}) or a composition of them ({@code |} or
   *     {@code ,} between names)
   */
  public static Call of(String method, String function, String contentType, byte[] body) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(body, "body");
    if (method.isBlank()) {
      throw new IllegalArgumentException("A call needs a method");
    }
    if (!function.matches("[A-Za-z0-9._-]+([|,][A-Za-z0-9._-]+)*")) {
      throw new IllegalArgumentException(
          "Not a function name or a composition of names: '" + function + "'");
    }
    return new Call(function, method.toUpperCase(Locale.ROOT), contentType, body.clone(), Map.of());
  }

  /**
   * Creates a {@code POST} with a text body, sent as UTF-8.
   *
   * @param function the function's name
   * @param contentType for example {@code text/plain}
   * @param body the text
   * @return the call
   */
  public static Call post(String function, String contentType, String body) {
    Objects.requireNonNull(body, "body");
    return of("POST", function, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Creates a {@code POST} with a byte body.
   *
   * @param function the function's name
   * @param contentType for example {@code application/octet-stream}
   * @param body the bytes, copied
   * @return the call
   */
  public static Call post(String function, String contentType, byte[] body) {
    return of("POST", function, contentType, body);
  }

  /**
   * Creates a {@code POST} of a JSON document, as {@code application/json}.
   *
   * @param function the function's name
   * @param json the document, sent as UTF-8 as it is (it may be malformed on purpose)
   * @return the call
   */
  public static Call json(String function, String json) {
    return post(function, "application/json", json);
  }

  /**
   * Creates a {@code GET} without a body, as a supplier is called.
   *
   * @param function the function's name
   * @return the call
   */
  public static Call get(String function) {
    return of("GET", function, null, new byte[0]);
  }

  /**
   * Returns a call with one more header value.
   *
   * @param name the header name; not one the HTTP client or the platform sets ({@code Host}, {@code
   *     Content-Length}, {@code Content-Type}, {@code Connection} and the like), nor {@code ce-*}
   *     or {@code x-fc-*}
   * @param value the value
   * @return the new call
   * @throws IllegalArgumentException when the name is reserved or not a token, or the value holds a
   *     line break
   */
  public Call withHeader(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    String lower = name.toLowerCase(Locale.ROOT);
    if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")
        || RESERVED.contains(lower)
        || lower.startsWith("ce-")
        || lower.startsWith("x-fc-")) {
      throw new IllegalArgumentException("A call may not set the header '" + name + "'");
    }
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("A header value may not hold a line break");
    }
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((key, values) -> copy.put(key, new ArrayList<>(values)));
    String existing =
        copy.keySet().stream().filter(name::equalsIgnoreCase).findFirst().orElse(name);
    copy.computeIfAbsent(existing, key -> new ArrayList<>()).add(value);
    copy.replaceAll((key, values) -> List.copyOf(values));
    return new Call(function, method, contentType, body, Collections.unmodifiableMap(copy));
  }

  /**
   * Returns the function's name.
   *
   * @return for example {@code uppercase}
   */
  public String function() {
    return function;
  }

  /**
   * Returns the path that routes the call.
   *
   * @return {@code /} and the function's name, for example {@code /uppercase}
   */
  public String path() {
    return "/" + function;
  }

  /**
   * Returns the path as it goes on the wire, percent-encoded.
   *
   * @return for example {@code /uppercase%7Creverse} for {@code uppercase|reverse}
   */
  public String rawPath() {
    return path().replace("|", "%7C");
  }

  /**
   * Returns the HTTP method.
   *
   * @return for example {@code POST}
   */
  public String method() {
    return method;
  }

  /**
   * Returns the body's content type.
   *
   * @return the content type, or empty for none
   */
  public Optional<String> contentType() {
    return Optional.ofNullable(contentType);
  }

  /**
   * Returns the body.
   *
   * @return a copy of the bytes; empty for none
   */
  public byte[] body() {
    return body.clone();
  }

  /**
   * Tells whether the call has a body.
   *
   * @return true when the body is not empty
   */
  public boolean hasBody() {
    return body.length > 0;
  }

  /**
   * Returns the extra headers.
   *
   * @return the names in the order first set, each with its values in order; unmodifiable
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * Returns every request header the call sends: the extra headers, then {@code Content-Type} when
   * the call has one.
   *
   * @return the headers; unmodifiable
   */
  public Map<String, List<String>> allHeaders() {
    Map<String, List<String>> all = new LinkedHashMap<>(headers);
    if (contentType != null) {
      all.put("Content-Type", List.of(contentType));
    }
    return Collections.unmodifiableMap(all);
  }

  /**
   * Tells whether the body is text by its content type, as the platforms decide whether to carry it
   * in base64: {@code text/*}, JSON, XML and form data are text; everything else, and a body
   * without a content type, is binary.
   *
   * @return true when the body travels as text
   */
  public boolean hasTextBody() {
    return contentType != null && MediaRanges.isText(contentType);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Call call
        && function.equals(call.function)
        && method.equals(call.method)
        && Objects.equals(contentType, call.contentType)
        && Arrays.equals(body, call.body)
        && headers.equals(call.headers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(function, method, contentType, Arrays.hashCode(body), headers);
  }

  /**
   * Describes the call for assertion messages.
   *
   * @return for example {@code POST /uppercase (text/plain, 5 bytes)}
   */
  @Override
  public String toString() {
    return method
        + " "
        + path()
        + (contentType == null && body.length == 0
            ? ""
            : " ("
                + (contentType == null ? "no content type" : contentType)
                + ", "
                + body.length
                + " bytes)");
  }
}
