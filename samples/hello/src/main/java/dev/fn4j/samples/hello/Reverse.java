package dev.fn4j.samples.hello;

import java.util.function.Function;

/** Reverses text by code point, so that characters outside the BMP survive. */
public final class Reverse implements Function<String, String> {

  @Override
  public String apply(String text) {
    int[] codePoints = text.codePoints().toArray();
    StringBuilder reversed = new StringBuilder(text.length());
    for (int i = codePoints.length - 1; i >= 0; i--) {
      reversed.appendCodePoint(codePoints[i]);
    }
    return reversed.toString();
  }
}
