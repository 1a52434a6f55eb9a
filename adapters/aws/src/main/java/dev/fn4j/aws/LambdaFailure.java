package dev.fn4j.aws;

import dev.fn4j.core.dispatch.FunctionException;
import dev.fn4j.core.dispatch.Phase;

/**
 * A failed invocation as Lambda reports it: a function error whose {@code errorType} names the
 * phase ({@code dev.fn4j.aws.LambdaFailure$Decode}, ...), so Step Functions and Lambda destinations
 * can match on it, and whose {@code errorMessage} names the function and what went wrong. It
 * records no stack trace, so none reaches the caller or the log.
 */
public abstract sealed class LambdaFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private LambdaFailure(String message) {
    super(message, null, false, false);
  }

  /**
   * Converts a dispatch failure.
   *
   * @param failure the failure
   * @return the Lambda failure of its phase
   */
  public static LambdaFailure of(FunctionException failure) {
    return of(failure.phase(), failure.getMessage());
  }

  /**
   * Creates the failure of a phase.
   *
   * @param phase the phase
   * @param message the message
   * @return the failure
   */
  public static LambdaFailure of(Phase phase, String message) {
    return switch (phase) {
      case ROUTE -> new Route(message);
      case DECODE -> new Decode(message);
      case INVOKE -> new Invoke(message);
      case ENCODE -> new Encode(message);
    };
  }

  /**
   * Returns the {@code errorType} Lambda reports.
   *
   * @return the class name
   */
  public String errorType() {
    return getClass().getName();
  }

  /**
   * The application could not start; reported on every invocation.
   *
   * @param message the one-line reason
   * @return the failure
   */
  public static LambdaFailure startup(String message) {
    return new Startup(message);
  }

  /** The application's functions could not be loaded. */
  public static final class Startup extends LambdaFailure {
    private static final long serialVersionUID = 1L;

    Startup(String message) {
      super(message);
    }
  }

  /** No function for the event. */
  public static final class Route extends LambdaFailure {
    private static final long serialVersionUID = 1L;

    Route(String message) {
      super(message);
    }
  }

  /** The event or its payload did not decode. */
  public static final class Decode extends LambdaFailure {
    private static final long serialVersionUID = 1L;

    Decode(String message) {
      super(message);
    }
  }

  /** The function threw. */
  public static final class Invoke extends LambdaFailure {
    private static final long serialVersionUID = 1L;

    Invoke(String message) {
      super(message);
    }
  }

  /** The output did not encode. */
  public static final class Encode extends LambdaFailure {
    private static final long serialVersionUID = 1L;

    Encode(String message) {
      super(message);
    }
  }
}
