package dev.fn4j.bench.quarkus;

import java.util.Locale;

/**
 * The {@code shout} function's input and output, and the function itself.
 *
 * @param name who speaks
 * @param message what they say
 */
public record Shout(String name, String message) {

  /**
   * The {@code shout} function: both fields upper-cased.
   *
   * @return a new value with both fields upper-cased
   */
  public Shout loud() {
    return new Shout(upper(name), upper(message));
  }

  /**
   * The {@code uppercase} function.
   *
   * @param text the text
   * @return the text upper-cased, or {@code null} for {@code null}
   */
  public static String upper(String text) {
    return text == null ? null : text.toUpperCase(Locale.ROOT);
  }
}
