package dev.fn4j.bench.fn4j;

import java.util.Locale;
import java.util.function.Function;

/** The {@code uppercase} benchmark function: text in, text out. */
public final class Uppercase implements Function<String, String> {

  @Override
  public String apply(String text) {
    return text.toUpperCase(Locale.ROOT);
  }
}
