package dev.fn4j.core.testfunctions;

import java.util.Locale;
import java.util.function.Function;

/** Upper-cases text. */
public final class Uppercase implements Function<String, String> {
  @Override
  public String apply(String text) {
    return text.toUpperCase(Locale.ROOT);
  }
}
