package dev.fn4j.aws.testfunctions;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Upper-cases text, but throws for the inputs it is told to fail on (by default {@code "boom"}),
 * with a message that must never reach a caller: {@value #SECRET}. Remembers every input.
 */
public final class Uppercase implements Function<String, String> {

  /** The message of the exception thrown for a failing input. */
  public static final String SECRET = "db password is hunter2";

  private final Set<String> failOn;
  private final List<String> received = new CopyOnWriteArrayList<>();

  /** Fails on {@code "boom"}. */
  public Uppercase() {
    this("boom");
  }

  /**
   * Fails on the given inputs.
   *
   * @param failOn the inputs that make it throw
   */
  public Uppercase(String... failOn) {
    this.failOn = Set.of(failOn);
  }

  @Override
  public String apply(String text) {
    received.add(text);
    if (failOn.contains(text)) {
      throw new IllegalStateException(SECRET);
    }
    return text.toUpperCase(Locale.ROOT);
  }

  /**
   * Returns the inputs received, in order.
   *
   * @return the inputs
   */
  public List<String> received() {
    return List.copyOf(received);
  }
}
