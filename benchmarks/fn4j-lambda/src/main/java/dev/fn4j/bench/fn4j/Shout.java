package dev.fn4j.bench.fn4j;

import java.util.Locale;
import java.util.function.Function;

/**
 * The {@code shout} benchmark function: a record in, the record upper-cased out, JSON on the wire.
 */
public final class Shout implements Function<Shout.Text, Shout.Text> {

  /**
   * What is said.
   *
   * @param name who speaks
   * @param message what they say
   */
  public record Text(String name, String message) {}

  @Override
  public Text apply(Text text) {
    return new Text(upper(text.name()), upper(text.message()));
  }

  private static String upper(String value) {
    return value == null ? null : value.toUpperCase(Locale.ROOT);
  }
}
