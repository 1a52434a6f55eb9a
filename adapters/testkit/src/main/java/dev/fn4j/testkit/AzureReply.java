package dev.fn4j.testkit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a custom handler answered one request of an {@link AzureFunctionsHostFake}, with the request
 * it answers. Immutable.
 *
 * <p>For an invocation, the host reads a JSON object {@code {"Outputs": {...}, "Logs": [...],
 * "ReturnValue": ...}} from a 2xx answer and fails the invocation on any other status ({@link
 * #succeeded()}); {@link #outputs()}, {@link #logs()}, {@link #returnValue()} and {@link
 * #httpResponse()} read it, and {@link #violations()} checks it against the documented contract.
 *
 * @param invocation the request that was sent
 * @param response the answer: status, headers and body
 */
public record AzureReply(AzureInvocation invocation, Reply response) {

  /**
   * Checks that no part is null.
   *
   * @param invocation the request
   * @param response the answer
   */
  public AzureReply {
    Objects.requireNonNull(invocation, "invocation");
    Objects.requireNonNull(response, "response");
  }

  /**
   * Returns the HTTP status.
   *
   * @return for example 200
   */
  public int status() {
    return response.status();
  }

  /**
   * Returns a response header's first value.
   *
   * @param name the header name, in any case
   * @return the value, or empty when the header is absent
   */
  public Optional<String> header(String name) {
    return response.header(name);
  }

  /**
   * Returns every response header, by name; lookups ignore the case of names.
   *
   * @return the headers, unmodifiable
   */
  public Map<String, List<String>> headers() {
    return response.headers();
  }

  /**
   * Returns the body as text, decoded with the content type's charset (UTF-8 when none is given).
   *
   * @return the text; empty when there is no body
   */
  public String text() {
    return response.body();
  }

  /**
   * Returns the body's bytes.
   *
   * @return a fresh copy
   */
  public byte[] bytes() {
    return response.bytes();
  }

  /**
   * Tells whether the host would count the invocation as done: for a payload request, a 2xx answer
   * with {@code Content-Type: application/json} and a JSON object body; a proxied request or a
   * readiness probe succeeds with any HTTP answer.
   *
   * @return true when the invocation succeeded; false when the host would fail it (and retry a
   *     queue or Service Bus message, answer an HTTP client 500)
   */
  public boolean succeeded() {
    return AzureContract.succeeded(this);
  }

  /**
   * Returns the answer's {@code Outputs}: output binding name to value.
   *
   * @return the outputs, unmodifiable; empty when there are none or the answer is unreadable
   */
  public Map<String, Object> outputs() {
    return AzureContract.outputs(this);
  }

  /**
   * Returns one output binding's value.
   *
   * @param name the binding name, for example {@code message}
   * @return the value; empty when the output is absent or null
   */
  public Optional<Object> output(String name) {
    return Optional.ofNullable(outputs().get(name));
  }

  /**
   * Returns the answer's {@code Logs}, the lines the host writes to the invocation's log.
   *
   * @return the lines in order (a value that is not a string as its JSON text); empty when there
   *     are none
   */
  public List<String> logs() {
    return AzureContract.logs(this);
  }

  /**
   * Returns the answer's {@code ReturnValue}, which the host uses when an output is named {@code
   * $return}.
   *
   * @return the value (a string, map, list, number or boolean); empty when absent or null
   */
  public Optional<Object> returnValue() {
    return AzureContract.returnValue(this);
  }

  /**
   * Returns the HTTP response the HTTP client gets: for an HTTP trigger, the value of the HTTP
   * output binding named in the invocation ({@code Outputs.res}, or {@code ReturnValue} for {@code
   * $return}); for a proxied request, the raw answer.
   *
   * @return the response; empty for other triggers, or when the output is missing or malformed (see
   *     {@link #violations()})
   */
  public Optional<AzureHttpResponse> httpResponse() {
    return AzureContract.httpResponse(this);
  }

  /**
   * Lists where the answer breaks the custom handler contract, for {@code
   * assertThat(reply.violations()).isEmpty()}: a 2xx answer that is empty, not {@code
   * application/json} or not a JSON object; {@code Outputs} that is not an object; {@code Logs}
   * that is not an array of strings; an HTTP trigger answered with a non-2xx status (the client
   * would get a bare 500) or without a well-formed HTTP output ({@code statusCode} 100 to 599,
   * {@code headers} an object of strings); a subscription validation not answered with 200 and the
   * validation code, a CloudEvents validation request without {@code WebHook-Allowed-Origin}; and,
   * in any answer, a Java stack trace or the fake storage account key.
   *
   * <p>A non-2xx answer to an event trigger is no violation: it is how a handler fails an
   * invocation so that the platform retries.
   *
   * @return the problems, each a sentence; empty for a well-behaved handler
   */
  public List<String> violations() {
    return AzureContract.violations(this);
  }

  /**
   * Describes the answer for assertion messages.
   *
   * @return for example {@code POST /orders (QUEUE, invocation 5f0c...) -> 200 application/json:
   *     {"Outputs":{}}}
   */
  @Override
  public String toString() {
    return invocation + " -> " + response;
  }
}
