package dev.fn4j.azure;

import dev.fn4j.core.FunctionRuntime;
import java.util.Objects;

/**
 * The runtime a Java worker entry class runs on: the process's shared runtime, found from the class
 * loader of the deployed jar, or why it could not start.
 *
 * <p>The Java worker creates a new {@link AzureFunctions} for every invocation, so the runtime is
 * built once, in a holder, and a start-up failure is kept and reported on every call. The worker
 * loads the function jar in its own class loader and does not promise the thread's context class
 * loader while it creates the instance, so the registrars are looked up where {@link
 * AzureFunctions} itself was loaded from, as {@code dev.fn4j.gcp.SharedRuntime} does for Google's
 * invoker.
 *
 * @param runtime the functions, or null when start-up failed
 * @param failure why start-up failed, or null
 */
record WorkerRuntime(FunctionRuntime runtime, String failure) {

  WorkerRuntime {
    if ((runtime == null) == (failure == null)) {
      throw new IllegalArgumentException("a runtime or a failure, not both");
    }
  }

  /** Built on first use, once per class loader; a failure is kept. */
  private static final class Holder {
    private static final WorkerRuntime SHARED = load(AzureFunctions.class);

    private Holder() {}
  }

  /**
   * Returns the process's shared runtime.
   *
   * @return the runtime, or the start-up failure
   */
  static WorkerRuntime shared() {
    return Holder.SHARED;
  }

  /**
   * Returns a runtime that is ready.
   *
   * @param runtime the functions
   * @return the runtime
   */
  static WorkerRuntime of(FunctionRuntime runtime) {
    return new WorkerRuntime(Objects.requireNonNull(runtime, "runtime"), null);
  }

  static WorkerRuntime load(Class<?> entryClass) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(entryClass.getClassLoader());
    try {
      return of(FunctionRuntime.shared());
    } catch (RuntimeException e) {
      String message = e.getMessage();
      return new WorkerRuntime(
          null, message == null ? "fn4j could not start: " + e.getClass().getName() : message);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
