package dev.fn4j.bench.http.fn4j;

import java.util.Locale;
import java.util.function.Function;

/** The {@code uppercase} function of the HTTP benchmark: the record's message upper-cased. */
public final class Uppercase implements Function<Greeting, Greeting> {

  @Override
  public Greeting apply(Greeting greeting) {
    String message = greeting.message();
    return new Greeting(message == null ? null : message.toUpperCase(Locale.ROOT));
  }
}
