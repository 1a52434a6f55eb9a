package dev.fn4j.aws.testfunctions;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Takes a greeting and always throws, with a message that must never reach a caller ({@link
 * Uppercase#SECRET}); counts its calls.
 */
public final class Explode implements Function<Greeting, String> {

  private final AtomicInteger calls = new AtomicInteger();

  @Override
  public String apply(Greeting greeting) {
    calls.incrementAndGet();
    throw new IllegalStateException(Uppercase.SECRET);
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
