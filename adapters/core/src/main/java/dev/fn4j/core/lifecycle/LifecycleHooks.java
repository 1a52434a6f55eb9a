package dev.fn4j.core.lifecycle;

import dev.fn4j.core.logging.FailureText;
import dev.fn4j.function.Lifecycle;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Calls the catalog's {@link Lifecycle} hooks in registration order. {@link #init()} runs once and
 * fails fast; {@link #preStop()} runs once; the other points run every hook even when one fails,
 * and log each failure on one line without its stack trace.
 */
public final class LifecycleHooks {

  private static final System.Logger LOG =
      dev.fn4j.core.logging.LazyLogger.of("dev.fn4j.lifecycle");

  /** A lifecycle point, for messages. */
  private enum Point {
    INIT,
    BEFORE_CHECKPOINT,
    AFTER_RESTORE,
    PRE_FREEZE,
    PRE_STOP
  }

  /** A hook, called with the point it runs at. */
  @FunctionalInterface
  private interface Call {
    void run(Lifecycle hook) throws Exception;
  }

  private final List<Lifecycle> hooks;
  private final AtomicBoolean initialised = new AtomicBoolean();
  private final AtomicBoolean stopped = new AtomicBoolean();

  /**
   * Creates the runner.
   *
   * @param hooks the hooks, in call order
   */
  public LifecycleHooks(List<Lifecycle> hooks) {
    this.hooks = List.copyOf(hooks);
  }

  /**
   * Runs every {@code onInit} once; later calls do nothing.
   *
   * @throws LifecycleException naming the first hook that failed; hooks after it do not run
   */
  public void init() {
    if (!initialised.compareAndSet(false, true)) {
      return;
    }
    for (Lifecycle hook : hooks) {
      try {
        hook.onInit();
      } catch (Exception | LinkageError e) {
        throw new LifecycleException(describe(Point.INIT, hook, e));
      }
    }
  }

  /**
   * Runs every {@code beforeCheckpoint}.
   *
   * @return the number of hooks that failed
   */
  public int beforeCheckpoint() {
    return runAll(Point.BEFORE_CHECKPOINT, Lifecycle::beforeCheckpoint);
  }

  /**
   * Runs every {@code afterRestore}.
   *
   * @return the number of hooks that failed
   */
  public int afterRestore() {
    return runAll(Point.AFTER_RESTORE, Lifecycle::afterRestore);
  }

  /**
   * Runs every {@code preFreeze}.
   *
   * @return the number of hooks that failed
   */
  public int preFreeze() {
    return runAll(Point.PRE_FREEZE, Lifecycle::preFreeze);
  }

  /**
   * Runs every {@code preStop} once; later calls do nothing.
   *
   * @return the number of hooks that failed
   */
  public int preStop() {
    if (!stopped.compareAndSet(false, true)) {
      return 0;
    }
    return runAll(Point.PRE_STOP, Lifecycle::preStop);
  }

  private int runAll(Point point, Call call) {
    int failures = 0;
    for (Lifecycle hook : hooks) {
      try {
        call.run(hook);
      } catch (Exception | LinkageError e) {
        failures++;
        LOG.log(Level.WARNING, describe(point, hook, e));
      }
    }
    return failures;
  }

  private static String describe(Point point, Lifecycle hook, Throwable error) {
    return "Lifecycle hook "
        + point
        + " of "
        + hook.getClass().getName()
        + " failed: "
        + (point == Point.INIT ? startupReason(error) : FailureText.of(error));
  }

  /**
   * An init hook's failure stops the process before it serves anything, and its message is what the
   * operator needs to fix the deployment ("no database URL"): it is kept, on one line.
   */
  private static String startupReason(Throwable error) {
    String message = error.getMessage();
    return error.getClass().getName()
        + (message == null ? "" : ": " + FailureText.oneLine(message));
  }

  /** An {@code onInit} hook failed, so the application cannot start. */
  public static final class LifecycleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LifecycleException(String message) {
      super(message, null, false, false);
    }
  }
}
