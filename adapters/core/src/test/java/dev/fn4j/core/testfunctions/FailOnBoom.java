package dev.fn4j.core.testfunctions;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Upper-cases text, but throws for the input {@code "boom"} with a message that must never reach a
 * client: {@value #SECRET}. Counts its calls.
 */
public final class FailOnBoom implements Function<String, String> {

  /** The message of the exception thrown for {@code "boom"}. */
  public static final String SECRET = "db password is hunter2";

  private final AtomicInteger calls = new AtomicInteger();

  @Override
  public String apply(String text) {
    calls.incrementAndGet();
    if (text.equals("boom")) {
      throw new IllegalStateException(SECRET);
    }
    return text.toUpperCase(Locale.ROOT);
  }

  /**
   * Returns how often the function was called.
   *
   * @return the number of calls
   */
  public int calls() {
    return calls.get();
  }
}
