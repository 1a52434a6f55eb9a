package dev.fn4j.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a runtime answered for one invocation: either a response ({@code POST
 * /runtime/invocation/{id}/response}) or an error ({@code POST /runtime/invocation/{id}/error}).
 * Keeps the request as it came. Immutable.
 */
public final class LambdaInvocationResult {

  /** How the runtime answered. */
  public enum Kind {
    /** {@code POST /2018-06-01/runtime/invocation/{id}/response}. */
    RESPONSE,
    /** {@code POST /2018-06-01/runtime/invocation/{id}/error}. */
    ERROR
  }

  private final String requestId;
  private final Kind kind;
  private final Instant deadline;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final LambdaErrorReport error;

  private LambdaInvocationResult(
      String requestId,
      Kind kind,
      Instant deadline,
      Map<String, List<String>> headers,
      byte[] body) {
    this.requestId = requestId;
    this.kind = kind;
    this.deadline = deadline;
    this.headers = headers;
    this.body = body;
    this.error = kind == Kind.ERROR ? LambdaErrorReport.of(headers, body) : null;
  }

  /**
   * Creates a result from a request.
   *
   * @param requestId the invocation's request id
   * @param kind response or error
   * @param deadline the deadline the runtime was given
   * @param headers the request headers, as {@link Reply#headers()} keeps them
   * @param body the request body, not copied
   * @return the result
   */
  static LambdaInvocationResult of(
      String requestId,
      Kind kind,
      Instant deadline,
      Map<String, List<String>> headers,
      byte[] body) {
    return new LambdaInvocationResult(requestId, kind, deadline, headers, body);
  }

  /**
   * Returns the invocation's request id.
   *
   * @return the id
   */
  public String requestId() {
    return requestId;
  }

  /**
   * Tells how the runtime answered.
   *
   * @return response or error
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Tells whether the runtime posted a response.
   *
   * @return true for {@code /response}
   */
  public boolean isResponse() {
    return kind == Kind.RESPONSE;
  }

  /**
   * Tells whether the runtime posted an error.
   *
   * @return true for {@code /error}
   */
  public boolean isError() {
    return kind == Kind.ERROR;
  }

  /**
   * Returns the error, when the runtime posted one.
   *
   * @return the error report; empty for a response
   */
  public Optional<LambdaErrorReport> error() {
    return Optional.ofNullable(error);
  }

  /**
   * Returns the deadline the runtime was given in {@code Lambda-Runtime-Deadline-Ms}.
   *
   * @return the deadline, to the millisecond
   */
  public Instant deadline() {
    return deadline;
  }

  /**
   * Returns the body as text, decoded with the content type's charset (UTF-8 when none is given).
   *
   * @return the response, or the error's JSON as the runtime posted it
   */
  public String text() {
    return new String(body, Reply.charsetOf(contentType().orElse(null), false));
  }

  /**
   * Returns the body's bytes.
   *
   * @return a fresh copy
   */
  public byte[] bytes() {
    return body.clone();
  }

  /**
   * Returns the {@code Content-Type} the runtime sent.
   *
   * @return for example {@code application/json}, or empty
   */
  public Optional<String> contentType() {
    return header("Content-Type");
  }

  /**
   * Returns every request header, by name; lookups ignore the case of names.
   *
   * @return the headers, unmodifiable
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * Returns a request header's first value.
   *
   * @param name the header name, in any case
   * @return the value, or empty when absent
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Describes the result for assertion messages.
   *
   * @return for example {@code response to 8476a536-...: "HELLO"} or {@code error for 8476a536-...:
   *     Runtime.UnknownReason java.lang.IllegalStateException: boom}
   */
  @Override
  public String toString() {
    if (error != null) {
      return "error for " + requestId + ": " + error;
    }
    String text = text();
    return "response to "
        + requestId
        + ": "
        + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
  }
}
