package dev.fn4j.conformance;

/**
 * A call along an {@link AdapterPath} that did not end in an HTTP answer of the function's: the
 * platform reported a failed invocation instead (a Lambda function error, an exception thrown to
 * FC's built-in runtime, a host that would refuse the handler's answer), or the path could not run
 * at all (a server that does not start or answer). The message names the path and says what the
 * platform saw.
 */
public final class PathFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates a failure.
   *
   * @param path the path's name
   * @param message what happened
   * @param cause the underlying exception, or null
   */
  public PathFailure(String path, String message, Throwable cause) {
    super(path + ": " + message, cause);
  }
}
