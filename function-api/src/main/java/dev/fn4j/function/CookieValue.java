package dev.fn4j.function;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The one implementation of {@link Cookie}; checks names and values against RFC 6265. */
record CookieValue(
    String name,
    String value,
    String pathValue,
    String domainValue,
    Duration maxAgeValue,
    boolean secure,
    boolean httpOnly,
    String sameSiteValue)
    implements Cookie {

  private static final Set<String> SAME_SITE = Set.of("Strict", "Lax", "None");

  static CookieValue create(String name, String value) {
    if (!HttpTokens.isToken(name)) {
      throw new IllegalArgumentException("Invalid cookie name: '" + name + "'");
    }
    Objects.requireNonNull(value, "cookie value");
    String bare =
        value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
            ? value.substring(1, value.length() - 1)
            : value;
    if (!bare.chars().allMatch(CookieValue::isCookieOctet)) {
      throw new IllegalArgumentException(
          "Invalid characters in the value of cookie '" + name + "'");
    }
    return new CookieValue(name, value, null, null, null, false, false, null);
  }

  private static boolean isCookieOctet(int c) {
    return c == 0x21
        || (c >= 0x23 && c <= 0x2b)
        || (c >= 0x2d && c <= 0x3a)
        || (c >= 0x3c && c <= 0x5b)
        || (c >= 0x5d && c <= 0x7e);
  }

  private static String attribute(String what, String text) {
    Objects.requireNonNull(text, what);
    if (text.chars().anyMatch(c -> c < 0x20 || c == ';' || c == 0x7f)) {
      throw new IllegalArgumentException(
          "Invalid characters in cookie " + what + ": '" + text + "'");
    }
    return text;
  }

  @Override
  public Optional<String> path() {
    return Optional.ofNullable(pathValue);
  }

  @Override
  public Optional<String> domain() {
    return Optional.ofNullable(domainValue);
  }

  @Override
  public Optional<Duration> maxAge() {
    return Optional.ofNullable(maxAgeValue);
  }

  @Override
  public Optional<String> sameSite() {
    return Optional.ofNullable(sameSiteValue);
  }

  @Override
  public Cookie withPath(String path) {
    return new CookieValue(
        name,
        value,
        attribute("path", path),
        domainValue,
        maxAgeValue,
        secure,
        httpOnly,
        sameSiteValue);
  }

  @Override
  public Cookie withDomain(String domain) {
    return new CookieValue(
        name,
        value,
        pathValue,
        attribute("domain", domain),
        maxAgeValue,
        secure,
        httpOnly,
        sameSiteValue);
  }

  @Override
  public Cookie withMaxAge(Duration maxAge) {
    if (maxAge.isNegative()) {
      throw new IllegalArgumentException("Negative Max-Age for cookie '" + name + "'");
    }
    return new CookieValue(
        name, value, pathValue, domainValue, maxAge, secure, httpOnly, sameSiteValue);
  }

  @Override
  public Cookie withSecure(boolean flag) {
    return new CookieValue(
        name, value, pathValue, domainValue, maxAgeValue, flag, httpOnly, sameSiteValue);
  }

  @Override
  public Cookie withHttpOnly(boolean flag) {
    return new CookieValue(
        name, value, pathValue, domainValue, maxAgeValue, secure, flag, sameSiteValue);
  }

  @Override
  public Cookie withSameSite(String sameSite) {
    if (sameSite == null || !SAME_SITE.contains(sameSite)) {
      throw new IllegalArgumentException(
          "SameSite must be Strict, Lax or None, not '" + sameSite + "'");
    }
    return new CookieValue(
        name, value, pathValue, domainValue, maxAgeValue, secure, httpOnly, sameSite);
  }

  @Override
  public String toSetCookieHeader() {
    StringBuilder header = new StringBuilder(name).append('=').append(value);
    if (pathValue != null) {
      header.append("; Path=").append(pathValue);
    }
    if (domainValue != null) {
      header.append("; Domain=").append(domainValue);
    }
    if (maxAgeValue != null) {
      header.append("; Max-Age=").append(maxAgeValue.toSeconds());
    }
    if (secure) {
      header.append("; Secure");
    }
    if (httpOnly) {
      header.append("; HttpOnly");
    }
    if (sameSiteValue != null) {
      header.append("; SameSite=").append(sameSiteValue);
    }
    return header.toString();
  }
}
