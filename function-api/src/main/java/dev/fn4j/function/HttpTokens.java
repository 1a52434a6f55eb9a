package dev.fn4j.function;

/** The RFC 9110 token rule, shared by header names and cookie names. */
final class HttpTokens {

  private static final String SEPARATORS = "()<>@,;:\\\"/[]?={} \t";

  private HttpTokens() {}

  /** Tells whether a text is a non-empty token: visible ASCII without separators. */
  static boolean isToken(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= 0x20 || c >= 0x7f || SEPARATORS.indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }
}
