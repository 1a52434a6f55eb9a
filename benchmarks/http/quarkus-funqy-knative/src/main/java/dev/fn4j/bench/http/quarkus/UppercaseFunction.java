package dev.fn4j.bench.http.quarkus;

import io.quarkus.funqy.Funq;
import java.util.Locale;

/**
 * The HTTP benchmark's function as a Funqy function: a binary-mode CloudEvent whose {@code ce-type}
 * is {@code uppercase}, posted to {@code /}, reaches it.
 */
public class UppercaseFunction {

  /**
   * The {@code uppercase} function.
   *
   * @param greeting a greeting
   * @return its message upper-cased
   */
  @Funq
  public Greeting uppercase(Greeting greeting) {
    return new Greeting(
        greeting.message() == null ? null : greeting.message().toUpperCase(Locale.ROOT));
  }
}
