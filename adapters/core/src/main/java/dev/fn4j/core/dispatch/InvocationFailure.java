package dev.fn4j.core.dispatch;

/**
 * The base of the exceptions a vendor entry class throws to its platform's runtime when an
 * invocation failed, so that the runtime reports the invocation as failed (and retries it where it
 * does): a client-safe message naming the function and the phase, no cause and no stack frames, so
 * that the runtime's own log line stays one line and holds no user data. Each adapter names its own
 * subclass after its platform's vocabulary.
 */
public abstract class InvocationFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String phase;

  /**
   * Creates the failure.
   *
   * @param message the client-safe message
   * @param phase where it failed
   */
  protected InvocationFailure(String message, String phase) {
    super(message, null, false, false);
    this.phase = phase;
  }

  /**
   * Creates the failure of a dispatch.
   *
   * @param failure the dispatch's failure
   */
  protected InvocationFailure(FunctionException failure) {
    this(failure.getMessage(), failure.phase().name());
  }

  /**
   * Returns where the invocation failed.
   *
   * @return {@code ROUTE}, {@code DECODE}, {@code INVOKE} or {@code ENCODE} for a dispatch; an
   *     adapter may add its own (for example {@code STARTUP})
   */
  public String phase() {
    return phase;
  }
}
