package dev.fn4j.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request an {@link AzureFunctionsHostFake} sent to a custom handler, as it went on the wire.
 * Immutable.
 *
 * @param invocationId the {@code X-Azure-Functions-InvocationId} sent; empty for a readiness probe
 * @param kind what the request was
 * @param functionName the function invoked, for example {@code orders}; empty for a readiness probe
 *     and a proxied HTTP request (the host forwards those by path)
 * @param trigger the function's trigger; empty for a readiness probe
 * @param method the HTTP method, for example {@code POST}
 * @param target the path and query, for example {@code /orders} or {@code /api/orders?id=1}
 * @param headers every header sent; lookups ignore the case of names, values keep their order
 * @param payload the JSON payload ({@code {"Data":...,"Metadata":...}}) of a payload request; empty
 *     for proxied HTTP requests and readiness probes
 * @param httpOutput the HTTP output binding whose value the answer is checked for ({@code res},
 *     {@code $return}); empty when none applies
 * @param challenge what the answer has to echo: the validation code of a {@link
 *     Kind#SUBSCRIPTION_VALIDATION}, the origin of an {@link Kind#ABUSE_PROTECTION} request; empty
 *     otherwise
 */
public record AzureInvocation(
    String invocationId,
    Kind kind,
    String functionName,
    Optional<AzureTrigger> trigger,
    String method,
    String target,
    Map<String, List<String>> headers,
    String payload,
    String httpOutput,
    String challenge) {

  /** What a request of the fake was. */
  public enum Kind {
    /** {@code POST /{FunctionName}} with a {@code Data}/{@code Metadata} payload. */
    INVOCATION,
    /**
     * An HTTP trigger invocation carrying Event Grid's subscription validation event ({@code
     * aeg-event-type: SubscriptionValidation}); the answer has to echo the validation code.
     */
    SUBSCRIPTION_VALIDATION,
    /**
     * An HTTP trigger invocation carrying the CloudEvents webhook validation request ({@code
     * OPTIONS} with {@code WebHook-Request-Origin}); the answer has to grant the origin.
     */
    ABUSE_PROTECTION,
    /** A raw HTTP request, forwarded as the host does with {@code enableProxyingHttpRequest}. */
    PROXIED_HTTP,
    /** The host's readiness probe, {@code GET /}. */
    READINESS;

    /**
     * Tells whether the request carries a {@code Data}/{@code Metadata} payload and expects an
     * {@code Outputs}/{@code Logs}/{@code ReturnValue} answer.
     *
     * @return true for the invocation kinds, false for proxied requests and readiness probes
     */
    public boolean hasPayload() {
      return this == INVOCATION || this == SUBSCRIPTION_VALIDATION || this == ABUSE_PROTECTION;
    }
  }

  /**
   * Checks the parts and copies the headers.
   *
   * @param invocationId the invocation id
   * @param kind the kind
   * @param functionName the function
   * @param trigger the trigger
   * @param method the method
   * @param target the path and query
   * @param headers the headers sent
   * @param payload the payload
   * @param httpOutput the HTTP output checked
   * @param challenge the challenge
   */
  public AzureInvocation {
    Objects.requireNonNull(invocationId, "invocationId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(functionName, "functionName");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(httpOutput, "httpOutput");
    Objects.requireNonNull(challenge, "challenge");
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
   * Returns the payload's {@code Data} member, parsed: JSON objects as maps, arrays as lists,
   * strings, numbers, booleans and nulls as themselves.
   *
   * @return binding name to value, unmodifiable; empty when the request had no payload
   */
  public Map<String, Object> data() {
    return AzureJson.member(payload, "Data");
  }

  /**
   * Returns the payload's {@code Metadata} member, parsed like {@link #data()}.
   *
   * @return name to value, unmodifiable; empty when the request had no payload
   */
  public Map<String, Object> metadata() {
    return AzureJson.member(payload, "Metadata");
  }

  /**
   * Describes the request without its headers and payload.
   *
   * @return for example {@code POST /orders (QUEUE, invocation 5f0c...)}
   */
  @Override
  public String toString() {
    return method
        + " "
        + target
        + " ("
        + (kind == Kind.INVOCATION ? trigger.map(Enum::name).orElse("") : kind.name())
        + (invocationId.isEmpty() ? "" : ", invocation " + invocationId)
        + ")";
  }
}
