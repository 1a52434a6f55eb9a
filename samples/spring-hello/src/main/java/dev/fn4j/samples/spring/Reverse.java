package dev.fn4j.samples.spring;

import java.util.function.Function;
import org.springframework.stereotype.Component;

/** Reverses text: a function written as a component, found by the scan. */
@Component("reverse")
public class Reverse implements Function<String, String> {

  /** Creates the function; Spring calls this. */
  public Reverse() {}

  @Override
  public String apply(String text) {
    // StringBuilder keeps surrogate pairs together, so characters outside the BMP survive.
    return new StringBuilder(text).reverse().toString();
  }
}
