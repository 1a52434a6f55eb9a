package dev.fn4j.core.convert;

/**
 * Writes JSON string literals without Jackson, for the small documents the core writes itself
 * (problem bodies, listings) so that a text-only function never loads data binding.
 */
public final class JsonText {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonText() {}

  /**
   * Appends a JSON string literal, quotes included.
   *
   * @param out where to append
   * @param text the text, or null for {@code null}
   * @return {@code out}
   */
  public static StringBuilder quote(StringBuilder out, String text) {
    if (text == null) {
      return out.append("null");
    }
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20
              || c == '\u2028'
              || c == '\u2029'
              || Character.isSurrogate(c) && !validSurrogate(text, i)) {
            out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]);
            out.append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"');
  }

  private static boolean validSurrogate(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
  }

  /**
   * Returns a JSON string literal.
   *
   * @param text the text
   * @return the literal, quotes included
   */
  public static String quote(String text) {
    return quote(new StringBuilder(text == null ? 4 : text.length() + 2), text).toString();
  }
}
