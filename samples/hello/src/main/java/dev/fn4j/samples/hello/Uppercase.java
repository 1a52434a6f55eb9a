package dev.fn4j.samples.hello;

import java.util.Locale;
import java.util.function.Function;

/** Upper-cases text. A plain function: fn4j gives it the request body as text. */
public final class Uppercase implements Function<String, String> {

  @Override
  public String apply(String text) {
    return text.toUpperCase(Locale.ROOT);
  }
}
