package dev.fn4j.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The HTTP response a custom handler gave an HTTP trigger: the {@code {statusCode, headers, body}}
 * object of its HTTP output binding ({@code Outputs.res} or {@code ReturnValue}), or the raw answer
 * to a proxied request. Immutable.
 *
 * @param statusCode the status; 200 when the output names none
 * @param headers the headers; lookups ignore the case of names, values keep their order
 * @param body the body as the handler wrote it: a string, a JSON object (map) or array (list), a
 *     number, a boolean, or null; the raw answer's text for a proxied request
 */
public record AzureHttpResponse(int statusCode, Map<String, List<String>> headers, Object body) {

  /**
   * Checks the status and copies the headers.
   *
   * @param statusCode the status
   * @param headers the headers
   * @param body the body
   * @throws IllegalArgumentException when the status is not between 100 and 599
   */
  public AzureHttpResponse {
    if (statusCode < 100 || statusCode > 599) {
      throw new IllegalArgumentException("Not an HTTP status: " + statusCode);
    }
    Objects.requireNonNull(headers, "headers");
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(
        (name, values) -> copy.computeIfAbsent(name, key -> new ArrayList<>()).addAll(values));
    copy.replaceAll((name, values) -> List.copyOf(values));
    headers = Collections.unmodifiableMap(copy);
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
   * Returns the body as text: a string as it is, nothing for null, anything else as JSON.
   *
   * @return the text; empty when there is no body
   */
  public String bodyText() {
    if (body == null) {
      return "";
    }
    return body instanceof String text ? text : AzureJson.write(body);
  }
}
