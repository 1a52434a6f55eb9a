package dev.fn4j.function;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The one implementation of {@link HttpReply}. */
record HttpReplyValue<T>(int statusCode, Headers headers, List<Cookie> cookies, T bodyValue)
    implements HttpReply<T> {

  static <T> HttpReplyValue<T> create(int status, T body) {
    return new HttpReplyValue<>(checkStatus(status), Headers.empty(), List.of(), body);
  }

  private static int checkStatus(int status) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("HTTP status must be 100 to 599, not " + status);
    }
    return status;
  }

  private static String checkHeader(String name, String value) {
    Objects.requireNonNull(name, "header name");
    Objects.requireNonNull(value, name);
    if ("Set-Cookie".equalsIgnoreCase(name)) {
      throw new IllegalArgumentException("Use withCookie(Cookie) to set cookies, not a header");
    }
    if (!HttpTokens.isToken(name)) {
      throw new IllegalArgumentException("Invalid HTTP header name '" + name + "'");
    }
    if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
      throw new IllegalArgumentException("Invalid characters in HTTP header '" + name + "'");
    }
    return name;
  }

  @Override
  public Optional<T> body() {
    return Optional.ofNullable(bodyValue);
  }

  @Override
  public HttpReply<T> withStatus(int status) {
    return new HttpReplyValue<>(checkStatus(status), headers, cookies, bodyValue);
  }

  @Override
  public HttpReply<T> withHeader(String name, String value) {
    return new HttpReplyValue<>(
        statusCode, headers.with(checkHeader(name, value), value), cookies, bodyValue);
  }

  @Override
  public HttpReply<T> withContentType(String contentType) {
    return new HttpReplyValue<>(
        statusCode,
        headers.withOnly(checkHeader("Content-Type", contentType), contentType),
        cookies,
        bodyValue);
  }

  @Override
  public HttpReply<T> withCookie(Cookie cookie) {
    List<Cookie> more = new ArrayList<>(cookies);
    more.add(Objects.requireNonNull(cookie, "cookie"));
    return new HttpReplyValue<>(statusCode, headers, List.copyOf(more), bodyValue);
  }

  @Override
  public <R> HttpReply<R> withBody(R body) {
    return new HttpReplyValue<>(statusCode, headers, cookies, body);
  }
}
