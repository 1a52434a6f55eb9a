package dev.fn4j.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request an {@link FcHostFake} sent to a custom runtime, as it went on the wire (the body
 * excepted: the test has it). Immutable. {@link #toString()} leaves the headers out, since they
 * carry the credentials.
 *
 * @param requestId the {@code x-fc-request-id} sent, fresh for every request
 * @param method the HTTP method, for example {@code POST}
 * @param target the path and query, for example {@code /invoke} or {@code /orders?id=1}
 * @param controlPath the {@code x-fc-control-path} sent: {@code /invoke}, {@code /initialize},
 *     {@code /pre-freeze}, {@code /pre-stop} or {@code /http-invoke}
 * @param headers every header sent, the forwarded ones of an HTTP function included; lookups ignore
 *     the case of names, values keep their order
 */
public record FcInvocation(
    String requestId,
    String method,
    String target,
    String controlPath,
    Map<String, List<String>> headers) {

  /**
   * Checks the parts and copies the headers.
   *
   * @param requestId the request id
   * @param method the method
   * @param target the path and query
   * @param controlPath the control path
   * @param headers the headers sent
   */
  public FcInvocation {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(controlPath, "controlPath");
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
   * @return the value, or empty when the header was not sent
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Describes the request without its headers.
   *
   * @return for example {@code POST /invoke (x-fc-control-path /invoke, request 1-65e5...)}
   */
  @Override
  public String toString() {
    return method
        + " "
        + target
        + " (x-fc-control-path "
        + controlPath
        + ", request "
        + requestId
        + ")";
  }
}
