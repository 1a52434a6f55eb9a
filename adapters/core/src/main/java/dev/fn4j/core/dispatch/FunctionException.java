package dev.fn4j.core.dispatch;

import dev.fn4j.core.logging.FailureText;
import java.util.Objects;

/**
 * An invocation failed. Carries the {@link Kind} (and so the {@link Phase} and the HTTP status of
 * DESIGN.md §6), the function's name and a detail that is safe to send to a client: it never holds
 * a stack trace, and for a failure of user code only the exception's type.
 *
 * <p>{@link #isUserFailure()} separates the function's own failures (the function threw) from the
 * framework's (routing, conversion).
 */
public final class FunctionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What went wrong, with its phase and HTTP status: the one place that maps them. */
  public enum Kind {
    /** No function matches. */
    NO_SUCH_FUNCTION(Phase.ROUTE, 404, "Function not found"),
    /** The function exists but cannot be called this way (for example GET on a function). */
    METHOD_NOT_ALLOWED(Phase.ROUTE, 405, "Method not allowed"),
    /** The body is larger than the configured limit. */
    PAYLOAD_TOO_LARGE(Phase.DECODE, 413, "Payload too large"),
    /** The content type cannot be read as the declared input type. */
    UNSUPPORTED_MEDIA_TYPE(Phase.DECODE, 415, "Unsupported media type"),
    /** The payload does not convert to the declared input type. */
    BAD_INPUT(Phase.DECODE, 400, "Bad input"),
    /** The function threw, or its asynchronous result completed with an error. */
    FUNCTION_FAILED(Phase.INVOKE, 500, "Function failed"),
    /** The output cannot be converted to a reply payload. */
    OUTPUT_NOT_ENCODABLE(Phase.ENCODE, 500, "Output not encodable");

    private final Phase phase;
    private final int httpStatus;
    private final String title;

    Kind(Phase phase, int httpStatus, String title) {
      this.phase = phase;
      this.httpStatus = httpStatus;
      this.title = title;
    }

    /**
     * Returns the phase.
     *
     * @return the phase this kind belongs to
     */
    public Phase phase() {
      return phase;
    }

    /**
     * Returns the HTTP status for HTTP triggers.
     *
     * @return the status
     */
    public int httpStatus() {
      return httpStatus;
    }

    /**
     * Returns a short human title, as in a problem body.
     *
     * @return the title
     */
    public String title() {
      return title;
    }
  }

  private final Kind kind;
  private final String functionName;
  private final String detail;

  private FunctionException(Kind kind, String functionName, String detail, Throwable cause) {
    super(describe(kind, functionName, detail), cause, false, false);
    this.kind = kind;
    this.functionName = Objects.requireNonNull(functionName, "functionName");
    this.detail = Objects.requireNonNull(detail, "detail");
  }

  private static String describe(Kind kind, String functionName, String detail) {
    return (functionName.isEmpty() ? "Failed" : "Function '" + functionName + "' failed")
        + " in phase "
        + kind.phase()
        + ": "
        + detail;
  }

  /**
   * No function matches.
   *
   * @param functionName what the request asked for
   * @param detail why nothing matched
   * @return the exception
   */
  public static FunctionException noSuchFunction(String functionName, String detail) {
    return new FunctionException(Kind.NO_SUCH_FUNCTION, functionName, detail, null);
  }

  /**
   * The function cannot be called this way.
   *
   * @param functionName the function
   * @param detail for example {@code a supplier is invoked with GET}
   * @return the exception
   */
  public static FunctionException methodNotAllowed(String functionName, String detail) {
    return new FunctionException(Kind.METHOD_NOT_ALLOWED, functionName, detail, null);
  }

  /**
   * The payload does not convert to the input type.
   *
   * @param functionName the function
   * @param detail what was wrong with the payload
   * @return the exception
   */
  public static FunctionException badInput(String functionName, String detail) {
    return new FunctionException(Kind.BAD_INPUT, functionName, detail, null);
  }

  /**
   * The content type does not fit the input type.
   *
   * @param functionName the function
   * @param detail which content type and which input type
   * @return the exception
   */
  public static FunctionException unsupportedMediaType(String functionName, String detail) {
    return new FunctionException(Kind.UNSUPPORTED_MEDIA_TYPE, functionName, detail, null);
  }

  /**
   * The payload is larger than allowed.
   *
   * @param functionName the function, or the path when not yet routed
   * @param limit the limit in bytes
   * @return the exception
   */
  public static FunctionException payloadTooLarge(String functionName, long limit) {
    return new FunctionException(
        Kind.PAYLOAD_TOO_LARGE,
        functionName,
        "the payload is larger than the limit of " + limit + " bytes",
        null);
  }

  /**
   * The function threw. The cause is kept for logging; the detail names only its type.
   *
   * @param functionName the function
   * @param cause what the function threw
   * @return the exception
   */
  public static FunctionException functionFailed(String functionName, Throwable cause) {
    return new FunctionException(
        Kind.FUNCTION_FAILED,
        functionName,
        "the function threw " + cause.getClass().getName(),
        cause);
  }

  /**
   * A whole-batch function reported one item as failed through a {@code BatchResult}.
   *
   * @param functionName the function
   * @param index the item's position in the batch
   * @return the exception
   */
  public static FunctionException itemReportedFailed(String functionName, int index) {
    return new FunctionException(
        Kind.FUNCTION_FAILED,
        functionName,
        "the function reported batch item " + index + " as failed",
        null);
  }

  /**
   * Items of a batch failed and the platform can only redeliver the batch whole.
   *
   * @param functionName the function
   * @param detail which items failed and why, in client-safe words
   * @return the exception
   */
  public static FunctionException batchFailed(String functionName, String detail) {
    return new FunctionException(Kind.FUNCTION_FAILED, functionName, detail, null);
  }

  /**
   * The output cannot be encoded.
   *
   * @param functionName the function
   * @param detail what could not be encoded
   * @return the exception
   */
  public static FunctionException outputNotEncodable(String functionName, String detail) {
    return new FunctionException(Kind.OUTPUT_NOT_ENCODABLE, functionName, detail, null);
  }

  /**
   * The output cannot be encoded; the cause is kept for the log line only.
   *
   * @param functionName the function
   * @param detail what could not be encoded, without the cause's message
   * @param cause what failed
   * @return the exception
   */
  public static FunctionException outputNotEncodable(
      String functionName, String detail, Throwable cause) {
    return new FunctionException(Kind.OUTPUT_NOT_ENCODABLE, functionName, detail, cause);
  }

  /**
   * Returns the kind.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns the phase.
   *
   * @return where the invocation failed
   */
  public Phase phase() {
    return kind.phase();
  }

  /**
   * Returns the HTTP status for HTTP triggers.
   *
   * @return the status
   */
  public int httpStatus() {
    return kind.httpStatus();
  }

  /**
   * Returns the function's name (or what was asked for, when routing failed).
   *
   * @return the name
   */
  public String functionName() {
    return functionName;
  }

  /**
   * Returns the client-safe detail.
   *
   * @return the detail, without stack trace or user exception message
   */
  public String detail() {
    return detail;
  }

  /**
   * Tells whether user code failed rather than the framework.
   *
   * @return true when the function itself threw
   */
  public boolean isUserFailure() {
    return kind == Kind.FUNCTION_FAILED;
  }

  /**
   * Returns a one-line description for logs: the message plus, for a failure with a cause, where
   * the cause was thrown (its first stack frame), never the stack trace. The cause's own message is
   * left out, because user code may put anything in it (a token, a customer's data); set {@code
   * FN4J_LOG_EXCEPTION_MESSAGES=true} (or the system property {@code fn4j.log.exceptionMessages})
   * to log it too.
   *
   * @return the log line
   */
  public String toLogLine() {
    return toLogLine(FailureText.messagesLogged());
  }

  String toLogLine(boolean withCauseMessage) {
    // The message names the function as the client spelled it: a name may hold line breaks.
    String message = getMessage() == null ? "" : FailureText.oneLine(getMessage());
    Throwable cause = getCause();
    if (cause == null) {
      return message;
    }
    StringBuilder line = new StringBuilder(message).append(FailureText.location(cause));
    String causeMessage = cause.getMessage();
    if (withCauseMessage && causeMessage != null) {
      line.append(" (").append(FailureText.oneLine(causeMessage)).append(')');
    }
    return line.toString();
  }
}
