package dev.fn4j.function;

/**
 * A payload with its headers and invocation context.
 *
 * <p>Declare a function over {@code Message<T>} when it needs headers or the context; the payload
 * is converted to {@code T} by the same rules as a plain parameter. Returning a {@code Message}
 * sets reply headers as well as the reply payload.
 *
 * <pre>{@code
 * Function<Message<Order>, Message<Receipt>> checkout =
 *     in -> in.withPayload(bill(in.payload())).withHeaders(Headers.empty().with("X-Order", "1"));
 * }</pre>
 *
 * @param <T> the payload type
 */
public interface Message<T> {

  /**
   * Returns a message with no header and a local context.
   *
   * @param payload the payload
   * @param <T> the payload type
   * @return the message
   */
  static <T> Message<T> of(T payload) {
    return of(payload, Headers.empty());
  }

  /**
   * Returns a message with headers and a local context.
   *
   * @param payload the payload
   * @param headers the headers
   * @param <T> the payload type
   * @return the message
   */
  static <T> Message<T> of(T payload, Headers headers) {
    return new MessageValue<>(payload, headers, InvocationContext.local(""));
  }

  /**
   * Returns a message with headers and a context.
   *
   * @param payload the payload
   * @param headers the headers
   * @param context the invocation context
   * @param <T> the payload type
   * @return the message
   */
  static <T> Message<T> of(T payload, Headers headers, InvocationContext context) {
    return new MessageValue<>(payload, headers, context);
  }

  /**
   * Returns the payload.
   *
   * @return the payload; null only when the message carries none
   */
  T payload();

  /**
   * Returns the headers.
   *
   * @return the headers; never null
   */
  Headers headers();

  /**
   * Returns the invocation context.
   *
   * @return the context; never null
   */
  InvocationContext context();

  /**
   * Returns a copy with another payload, keeping headers and context.
   *
   * @param payload the new payload
   * @param <R> the new payload type
   * @return the new message
   */
  <R> Message<R> withPayload(R payload);

  /**
   * Returns a copy with other headers.
   *
   * @param headers the new headers
   * @return the new message
   */
  Message<T> withHeaders(Headers headers);
}
