package dev.fn4j.gcp;

import dev.fn4j.core.FunctionRuntime;

/**
 * The process's shared runtime, found from the class loader of the deployed jar. Google's invoker
 * sets the thread's context class loader to the function's while it creates an {@code
 * HttpFunction}, but not while it creates a {@code CloudEventsFunction} (invoker 2.0.0), so the
 * entry classes never rely on it: the registrars are looked up where the entry class itself was
 * loaded from.
 */
final class SharedRuntime {

  private SharedRuntime() {}

  static FunctionRuntime of(Class<?> entryClass) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(entryClass.getClassLoader());
    try {
      return FunctionRuntime.shared();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
