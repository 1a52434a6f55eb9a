package dev.fn4j.testkit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An error a runtime reported to the Lambda Runtime API: an invocation error ({@code POST
 * /runtime/invocation/{id}/error}), an init error ({@code POST /runtime/init/error}) or a restore
 * error ({@code POST /runtime/restore/error}). Keeps the request as it came, and reads the fields
 * of the usual JSON body {@code {"errorMessage": ..., "errorType": ..., "stackTrace": [...]}}
 * without a JSON library. Immutable.
 */
public final class LambdaErrorReport {

  /** The header that names the kind of error, for example {@code Runtime.UnknownReason}. */
  public static final String ERROR_TYPE_HEADER = "Lambda-Runtime-Function-Error-Type";

  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final Map<String, String> members;

  private LambdaErrorReport(Map<String, List<String>> headers, byte[] body) {
    this.headers = headers;
    this.body = body;
    this.members = JsonMembers.of(new String(body, StandardCharsets.UTF_8));
  }

  /**
   * Creates a report from a request.
   *
   * @param headers the request headers, as {@link Reply#headers()} keeps them
   * @param body the request body, not copied
   * @return the report
   */
  static LambdaErrorReport of(Map<String, List<String>> headers, byte[] body) {
    return new LambdaErrorReport(headers, body);
  }

  /**
   * Returns the {@code Lambda-Runtime-Function-Error-Type} header.
   *
   * @return for example {@code Runtime.UnknownReason}, or empty when the runtime sent none
   */
  public Optional<String> errorTypeHeader() {
    return header(ERROR_TYPE_HEADER);
  }

  /**
   * Returns the body's {@code errorMessage}.
   *
   * @return the message, or empty when the body has no such string
   */
  public Optional<String> errorMessage() {
    return JsonMembers.string(members.get("errorMessage"));
  }

  /**
   * Returns the body's {@code errorType}.
   *
   * @return for example {@code java.lang.IllegalStateException}, or empty when the body has no such
   *     string
   */
  public Optional<String> errorType() {
    return JsonMembers.string(members.get("errorType"));
  }

  /**
   * Returns the body's {@code stackTrace} as a list of lines.
   *
   * @return the lines; empty when the body has no stack trace or it is not an array of strings
   */
  public List<String> stackTrace() {
    return JsonMembers.strings(members.get("stackTrace")).orElse(List.of());
  }

  /**
   * Returns the body's {@code stackTrace} as raw JSON, whatever its shape.
   *
   * @return for example {@code ["Handler.handle(Handler.java:12)"]}, or empty when absent
   */
  public Optional<String> stackTraceJson() {
    return Optional.ofNullable(members.get("stackTrace"));
  }

  /**
   * Returns the raw JSON text of any top-level member of the body.
   *
   * @param name the member's name, for example {@code cause}
   * @return the raw JSON value, or empty when the body is not a JSON object or has no such member
   */
  public Optional<String> member(String name) {
    return Optional.ofNullable(members.get(name));
  }

  /**
   * Returns the body as UTF-8 text.
   *
   * @return the body as the runtime sent it
   */
  public String body() {
    return new String(body, StandardCharsets.UTF_8);
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
   * @param name the header name, in any case, for example {@code
   *     Lambda-Runtime-Function-XRay-Error-Cause}
   * @return the value, or empty when absent
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Describes the error for assertion messages.
   *
   * @return for example {@code Runtime.UnknownReason java.lang.IllegalStateException: boom}, or the
   *     start of the body when it is not the usual JSON
   */
  @Override
  public String toString() {
    if (errorType().isEmpty() && errorMessage().isEmpty()) {
      String text = body();
      return errorTypeHeader().map(type -> type + " ").orElse("")
          + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
    }
    return errorTypeHeader().map(type -> type + " ").orElse("")
        + errorType().orElse("(no errorType)")
        + ": "
        + errorMessage().orElse("(no errorMessage)");
  }
}
