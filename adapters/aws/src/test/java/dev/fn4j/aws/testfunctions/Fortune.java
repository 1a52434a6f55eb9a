package dev.fn4j.aws.testfunctions;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Tells a fortune; counts its calls. */
public final class Fortune implements Supplier<String> {

  /** What every call answers. */
  public static final String TEXT = "You will write a test that fails for the right reason.";

  private final AtomicInteger calls = new AtomicInteger();

  @Override
  public String get() {
    calls.incrementAndGet();
    return TEXT;
  }

  /**
   * Returns how often it was called.
   *
   * @return the calls
   */
  public int calls() {
    return calls.get();
  }
}
