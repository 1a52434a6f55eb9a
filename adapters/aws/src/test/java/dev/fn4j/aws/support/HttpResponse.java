package dev.fn4j.aws.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.core.convert.JsonTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An HTTP response as an adapter wrote it for API Gateway, a function URL or an ALB, parsed; fails
 * at once when the bytes are not a JSON object.
 *
 * @param json the parsed response
 */
public record HttpResponse(Map<String, Object> json) {

  /**
   * Parses a response.
   *
   * @param bytes what the adapter returned
   * @return the response
   */
  @SuppressWarnings("unchecked")
  public static HttpResponse parse(byte[] bytes) {
    Object parsed = JsonTree.parse(bytes);
    assertThat(parsed).as("HTTP response JSON").isInstanceOf(Map.class);
    return new HttpResponse((Map<String, Object>) parsed);
  }

  /**
   * Returns the top-level field names.
   *
   * @return the names
   */
  public Set<String> fields() {
    return json.keySet();
  }

  /**
   * Returns {@code statusCode}.
   *
   * @return the status
   */
  public int status() {
    return ((Number) json.get("statusCode")).intValue();
  }

  /**
   * Returns {@code statusDescription} (ALB only).
   *
   * @return the description, or null
   */
  public String statusDescription() {
    return (String) json.get("statusDescription");
  }

  /**
   * Returns the single-value {@code headers} object.
   *
   * @return the headers, empty when absent
   */
  @SuppressWarnings("unchecked")
  public Map<String, String> headers() {
    Object headers = json.get("headers");
    return headers == null ? Map.of() : (Map<String, String>) headers;
  }

  /**
   * Returns the {@code multiValueHeaders} object.
   *
   * @return the headers, empty when absent
   */
  @SuppressWarnings("unchecked")
  public Map<String, List<String>> multiValueHeaders() {
    Object headers = json.get("multiValueHeaders");
    return headers == null ? Map.of() : (Map<String, List<String>>) headers;
  }

  /**
   * Returns the {@code cookies} array (payload format 2.0).
   *
   * @return the cookies, empty when absent
   */
  @SuppressWarnings("unchecked")
  public List<String> cookies() {
    Object cookies = json.get("cookies");
    return cookies == null ? List.of() : (List<String>) cookies;
  }

  /**
   * Returns every value of a header, from {@code headers} and {@code multiValueHeaders}, matching
   * the name case-insensitively.
   *
   * @param name the header name
   * @return the values
   */
  public List<String> header(String name) {
    List<String> values = new ArrayList<>();
    headers().forEach((key, value) -> add(values, name, key, List.of(value)));
    multiValueHeaders().forEach((key, list) -> add(values, name, key, list));
    return values;
  }

  private static void add(List<String> values, String wanted, String key, List<String> found) {
    if (key.toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))) {
      values.addAll(found);
    }
  }

  /**
   * Returns the body field as written.
   *
   * @return the body
   */
  public String body() {
    return (String) json.get("body");
  }

  /**
   * Returns {@code isBase64Encoded}.
   *
   * @return the flag
   */
  public boolean base64() {
    return Boolean.TRUE.equals(json.get("isBase64Encoded"));
  }

  /**
   * Returns the body's bytes, base64-decoded when the response says so.
   *
   * @return the bytes
   */
  public byte[] bodyBytes() {
    return base64() ? Base64.getDecoder().decode(body()) : body().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Parses the body as a problem (RFC 9457) object.
   *
   * @return the problem's fields
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> problem() {
    assertThat(header("Content-Type")).containsExactly("application/problem+json");
    return new LinkedHashMap<>((Map<String, Object>) JsonTree.parse(body()));
  }
}
