package dev.fn4j.knative.process;

import dev.fn4j.function.FunctionRegistrar;
import dev.fn4j.function.FunctionRegistry;

/**
 * The application the child JVMs of the process tests run, found through {@code
 * META-INF/services/dev.fn4j.function.FunctionRegistrar} of the test resources: {@code slow} sleeps
 * for as many milliseconds as its input says, printing {@code started} on entry so that a test can
 * tell when requests are in flight, and answers {@code slept <ms>}.
 */
public final class ProcessFunctions implements FunctionRegistrar {

  /** What {@code slow} prints on entry. */
  static final String STARTED = "slow-started";

  @Override
  public void register(FunctionRegistry registry) {
    registry.function("slow", String.class, String.class, ProcessFunctions::slow);
  }

  private static String slow(String millis) {
    System.out.println(STARTED);
    System.out.flush();
    try {
      Thread.sleep(Long.parseLong(millis.trim()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    }
    return "slept " + millis.trim();
  }
}
