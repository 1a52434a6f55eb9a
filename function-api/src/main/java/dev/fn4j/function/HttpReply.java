package dev.fn4j.function;

import java.util.List;
import java.util.Optional;

/**
 * A function's HTTP reply: status, headers, cookies and a body, written in the response format of
 * whichever platform invoked the function (an API Gateway proxy response, an FC HTTP response, an
 * Azure {@code res} output, a plain HTTP response...).
 *
 * <p>The body is converted like any other output: {@code byte[]} is sent as is (base64-encoded
 * where the platform needs it), {@code String} as text, other values as JSON. A {@code
 * Content-Type} header set here wins over the default one.
 *
 * <pre>{@code
 * Function<Order, HttpReply<Receipt>> create = order ->
 *     HttpReply.of(201, receiptFor(order)).withHeader("Location", "/orders/" + order.id());
 * }</pre>
 *
 * <p>On an event trigger (a queue, a stream) that has no HTTP reply, only the body is used.
 *
 * @param <T> the body type
 */
public interface HttpReply<T> {

  /**
   * Returns a 200 reply with a body.
   *
   * @param body the body
   * @param <T> the body type
   * @return the reply
   */
  static <T> HttpReply<T> ok(T body) {
    return of(200, body);
  }

  /**
   * Returns a reply with a status and a body.
   *
   * @param status the HTTP status, 100 to 599
   * @param body the body, or null for none
   * @param <T> the body type
   * @return the reply
   * @throws IllegalArgumentException when the status is out of range
   */
  static <T> HttpReply<T> of(int status, T body) {
    return HttpReplyValue.create(status, body);
  }

  /**
   * Returns a reply with a status and no body.
   *
   * @param status the HTTP status, 100 to 599
   * @param <T> the body type
   * @return the reply
   * @throws IllegalArgumentException when the status is out of range
   */
  static <T> HttpReply<T> status(int status) {
    return HttpReplyValue.create(status, null);
  }

  /**
   * Returns the HTTP status.
   *
   * @return the status
   */
  int statusCode();

  /**
   * Returns the reply headers, {@code Set-Cookie} excepted.
   *
   * @return the headers; never null
   */
  Headers headers();

  /**
   * Returns the cookies to set.
   *
   * @return the cookies, in order; never null
   */
  List<Cookie> cookies();

  /**
   * Returns the body.
   *
   * @return the body, or empty when the reply has none
   */
  Optional<T> body();

  /**
   * Returns a copy with another status.
   *
   * @param status the HTTP status, 100 to 599
   * @return the new reply
   */
  HttpReply<T> withStatus(int status);

  /**
   * Returns a copy with one more header value. Use {@link #withCookie(Cookie)} for cookies.
   *
   * @param name the header name
   * @param value the value
   * @return the new reply
   * @throws IllegalArgumentException when the name is {@code Set-Cookie} or the value contains a
   *     line break
   */
  HttpReply<T> withHeader(String name, String value);

  /**
   * Returns a copy with a {@code Content-Type} header replacing any earlier one.
   *
   * @param contentType the media type, for example {@code image/png}
   * @return the new reply
   */
  HttpReply<T> withContentType(String contentType);

  /**
   * Returns a copy with one more cookie.
   *
   * @param cookie the cookie
   * @return the new reply
   */
  HttpReply<T> withCookie(Cookie cookie);

  /**
   * Returns a copy with another body.
   *
   * @param body the new body, or null for none
   * @param <R> the new body type
   * @return the new reply
   */
  <R> HttpReply<R> withBody(R body);
}
