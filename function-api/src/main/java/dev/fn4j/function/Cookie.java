package dev.fn4j.function;

import java.time.Duration;
import java.util.Optional;

/**
 * A cookie for a function's HTTP reply, written as one {@code Set-Cookie} header (RFC 6265).
 *
 * <pre>{@code
 * Cookie session = Cookie.of("session", token).withPath("/").withHttpOnly(true).withSecure(true);
 * }</pre>
 */
public interface Cookie {

  /**
   * Returns a cookie with a name and value and no attribute.
   *
   * @param name the cookie name: an RFC 6265 token
   * @param value the cookie value: RFC 6265 cookie-octets, optionally in double quotes
   * @return the cookie
   * @throws IllegalArgumentException when the name or value has characters a cookie cannot carry
   */
  static Cookie of(String name, String value) {
    return CookieValue.create(name, value);
  }

  /**
   * Returns the cookie name.
   *
   * @return the name
   */
  String name();

  /**
   * Returns the cookie value.
   *
   * @return the value
   */
  String value();

  /**
   * Returns the {@code Path} attribute.
   *
   * @return the path, or empty
   */
  Optional<String> path();

  /**
   * Returns the {@code Domain} attribute.
   *
   * @return the domain, or empty
   */
  Optional<String> domain();

  /**
   * Returns the {@code Max-Age} attribute.
   *
   * @return the maximum age, or empty for a session cookie
   */
  Optional<Duration> maxAge();

  /**
   * Tells whether the {@code Secure} attribute is set.
   *
   * @return true when the cookie is sent over HTTPS only
   */
  boolean secure();

  /**
   * Tells whether the {@code HttpOnly} attribute is set.
   *
   * @return true when scripts cannot read the cookie
   */
  boolean httpOnly();

  /**
   * Returns the {@code SameSite} attribute ({@code Strict}, {@code Lax} or {@code None}).
   *
   * @return the attribute, or empty
   */
  Optional<String> sameSite();

  /**
   * Returns a copy with a {@code Path}.
   *
   * @param path the path
   * @return the new cookie
   */
  Cookie withPath(String path);

  /**
   * Returns a copy with a {@code Domain}.
   *
   * @param domain the domain
   * @return the new cookie
   */
  Cookie withDomain(String domain);

  /**
   * Returns a copy with a {@code Max-Age}.
   *
   * @param maxAge the maximum age; zero expires the cookie
   * @return the new cookie
   */
  Cookie withMaxAge(Duration maxAge);

  /**
   * Returns a copy with or without {@code Secure}.
   *
   * @param secure whether to set it
   * @return the new cookie
   */
  Cookie withSecure(boolean secure);

  /**
   * Returns a copy with or without {@code HttpOnly}.
   *
   * @param httpOnly whether to set it
   * @return the new cookie
   */
  Cookie withHttpOnly(boolean httpOnly);

  /**
   * Returns a copy with a {@code SameSite} attribute.
   *
   * @param sameSite {@code Strict}, {@code Lax} or {@code None}
   * @return the new cookie
   * @throws IllegalArgumentException for any other value
   */
  Cookie withSameSite(String sameSite);

  /**
   * Returns the cookie as the value of a {@code Set-Cookie} header.
   *
   * @return for example {@code session=abc; Path=/; HttpOnly}
   */
  String toSetCookieHeader();
}
