package dev.fn4j.testkit;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP reply as a test sees it: status, headers (names compared without regard to case) and
 * body. Immutable; the body is copied in and out.
 */
public final class Reply {

  private final int status;
  private final Map<String, List<String>> headers;
  private final byte[] body;

  private Reply(int status, Map<String, List<String>> headers, byte[] body) {
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  /**
   * Creates a reply.
   *
   * @param status the HTTP status
   * @param headers the headers; names are compared without regard to case, values keep their order
   * @param body the body, copied
   * @return the reply
   */
  public static Reply of(int status, Map<String, ? extends List<String>> headers, byte[] body) {
    Objects.requireNonNull(headers, "headers");
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(
        (name, values) -> {
          if (name != null) { // the JDK client may report the status line under a null name
            copy.computeIfAbsent(name, key -> new ArrayList<>()).addAll(values);
          }
        });
    copy.replaceAll((name, values) -> List.copyOf(values));
    return new Reply(status, Collections.unmodifiableMap(copy), body.clone());
  }

  /**
   * Returns the HTTP status.
   *
   * @return the status, for example 200
   */
  public int status() {
    return status;
  }

  /**
   * Returns every header, by name; the map's lookups ignore the case of names.
   *
   * @return the headers, unmodifiable
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * Returns a header's first value.
   *
   * @param name the header name, in any case
   * @return the value, or empty when the header is absent
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Returns every value of a header, for multi-value headers such as {@code Set-Cookie}.
   *
   * @param name the header name, in any case
   * @return the values, in order; empty when the header is absent
   */
  public List<String> headerValues(String name) {
    return headers.getOrDefault(name, List.of());
  }

  /**
   * Returns the {@code Content-Type} header.
   *
   * @return the content type, for example {@code text/plain; charset=utf-8}, or empty
   */
  public Optional<String> contentType() {
    return header("Content-Type");
  }

  /**
   * Returns the media type of the body: the content type without parameters, in lower case.
   *
   * @return for example {@code application/json}, or empty when there is no content type
   */
  public Optional<String> mediaType() {
    return contentType()
        .map(type -> type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT))
        .filter(type -> !type.isEmpty());
  }

  /**
   * Returns the body as text, decoded with the content type's charset (UTF-8 when none is given).
   *
   * @return the text; empty when there is no body
   */
  public String body() {
    return new String(body, charset());
  }

  /**
   * Returns the body's bytes.
   *
   * @return a fresh copy
   */
  public byte[] bytes() {
    return body.clone();
  }

  private Charset charset() {
    return charsetOf(contentType().orElse(null), false);
  }

  /**
   * Returns the charset a content type names.
   *
   * @param contentType for example {@code text/plain; charset=ISO-8859-1}, or null
   * @param strict whether an unknown charset is an error rather than UTF-8
   * @return the charset; UTF-8 when none is named
   * @throws IllegalArgumentException when strict and the charset is unknown
   */
  static Charset charsetOf(String contentType, boolean strict) {
    for (String parameter : (contentType == null ? "" : contentType).split(";")) {
      String[] pair = parameter.split("=", 2);
      if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
        String name = pair[1].strip().replace("\"", "");
        try {
          return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
          if (strict) {
            throw new IllegalArgumentException(
                "Unknown charset '" + name + "' in content type '" + contentType + "'", e);
          }
          return StandardCharsets.UTF_8;
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  /**
   * Describes the reply for assertion messages: status, content type and the start of the body.
   *
   * @return for example {@code 200 text/plain: HELLO}
   */
  @Override
  public String toString() {
    String text = body();
    return status
        + " "
        + contentType().orElse("(no content type)")
        + ": "
        + (text.length() > 200 ? text.substring(0, 200) + "..." : text);
  }
}
