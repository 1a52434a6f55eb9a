package dev.fn4j.conformance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A request {@link Call} refuses to build, sent by {@link RawPaths} in each platform's own form:
 * any request target (percent-encoded as on the wire, so {@code /..%2Fetc%2Fpasswd} or a name with
 * spaces), header values with line breaks, a body sent chunked, the headers a path adds itself left
 * out ({@code ce-id}, {@code x-fc-request-id}), and an envelope body given as the envelope carries
 * it (a base64 text that is not base64). Immutable.
 *
 * @param method the method, as sent
 * @param target the request target as on the wire, starting with {@code /}
 * @param headers the headers in order, values as they are (line breaks included)
 * @param body the body
 * @param chunked whether a socket path sends the body chunked, without {@code Content-Length}
 * @param omitted lower-case names of headers the path would add, to leave out
 * @param envelopeBody for an envelope path (Lambda, FC's HTTP trigger event, the Azure host's
 *     payload): the body member as the envelope carries it, in place of the one derived from {@code
 *     body}; null to derive it
 */
record RawRequest(
    String method,
    String target,
    List<Map.Entry<String, String>> headers,
    byte[] body,
    boolean chunked,
    Set<String> omitted,
    EnvelopeBody envelopeBody) {

  /**
   * A body member as an envelope carries it.
   *
   * @param text the member's text
   * @param base64 whether the envelope marks it base64
   */
  record EnvelopeBody(String text, boolean base64) {}

  RawRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(target, "target");
    headers = List.copyOf(headers);
    body = body.clone();
    omitted = Set.copyOf(omitted);
  }

  /**
   * Creates a {@code POST} with a body.
   *
   * @param target the target, for example {@code /uppercase}
   * @param contentType the content type, or null for none
   * @param body the body
   * @return the request
   */
  static RawRequest post(String target, String contentType, byte[] body) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    if (contentType != null) {
      headers.add(Map.entry("Content-Type", contentType));
    }
    return new RawRequest("POST", target, headers, body, false, Set.of(), null);
  }

  /**
   * Creates a {@code POST} with a text body, sent as UTF-8.
   *
   * @param target the target
   * @param contentType the content type, or null
   * @param body the text
   * @return the request
   */
  static RawRequest post(String target, String contentType, String body) {
    return post(target, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Returns the request with another method.
   *
   * @param newMethod for example {@code GET}
   * @return the request
   */
  RawRequest withMethod(String newMethod) {
    return new RawRequest(newMethod, target, headers, body, chunked, omitted, envelopeBody);
  }

  /**
   * Returns the request with one more header, its value as it is.
   *
   * @param name the name
   * @param value the value; may hold line breaks
   * @return the request
   */
  RawRequest withHeader(String name, String value) {
    List<Map.Entry<String, String>> more = new ArrayList<>(headers);
    more.add(Map.entry(name, value));
    return new RawRequest(method, target, more, body, chunked, omitted, envelopeBody);
  }

  /**
   * Returns the request sent chunked by the socket paths.
   *
   * @return the request
   */
  RawRequest sentChunked() {
    return new RawRequest(method, target, headers, body, true, omitted, envelopeBody);
  }

  /**
   * Returns the request without headers the path would add.
   *
   * @param names lower-case names, for example {@code ce-id}
   * @return the request
   */
  RawRequest omitting(String... names) {
    return new RawRequest(method, target, headers, body, chunked, Set.of(names), envelopeBody);
  }

  /**
   * Returns the request with the envelope's body member given.
   *
   * @param text the member's text
   * @param base64 whether the envelope marks it base64
   * @return the request
   */
  RawRequest withEnvelopeBody(String text, boolean base64) {
    return new RawRequest(
        method, target, headers, body, chunked, omitted, new EnvelopeBody(text, base64));
  }

  /**
   * Returns the first value of a header.
   *
   * @param name the name, in any case
   * @return the value, or null
   */
  String header(String name) {
    for (Map.Entry<String, String> header : headers) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return header.getValue();
      }
    }
    return null;
  }

  /**
   * Returns the target's path without a query, percent-decoded as UTF-8 (invalid escapes kept).
   *
   * @return for example {@code /../etc/passwd} for {@code /..%2Fetc%2Fpasswd}
   */
  String decodedPath() {
    String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '%' && i + 2 < path.length()) {
        int high = Character.digit(path.charAt(i + 1), 16);
        int low = Character.digit(path.charAt(i + 2), 16);
        if (high >= 0 && low >= 0) {
          bytes.write(high * 16 + low);
          i += 2;
          continue;
        }
      }
      byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
      bytes.write(encoded, 0, encoded.length);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /**
   * Returns the function the target names, as the routers read it: the decoded first segment.
   *
   * @return for example {@code ..} for {@code /..%2Fetc%2Fpasswd}
   */
  String functionName() {
    String path = decodedPath().substring(1);
    int slash = path.indexOf('/');
    return slash < 0 ? path : path.substring(0, slash);
  }

  /**
   * Describes the request for messages.
   *
   * @return for example {@code POST /uppercase (3 bytes)}
   */
  @Override
  public String toString() {
    String shown = target.length() > 60 ? target.substring(0, 60) + "..." : target;
    return method
        + " "
        + shown
        + " ("
        + body.length
        + " bytes"
        + (chunked ? ", chunked" : "")
        + ")";
  }
}
