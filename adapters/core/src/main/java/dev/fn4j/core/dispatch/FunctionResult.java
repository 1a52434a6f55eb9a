package dev.fn4j.core.dispatch;

import dev.fn4j.core.convert.Payload;
import dev.fn4j.function.Cookie;
import dev.fn4j.function.Headers;
import java.util.List;
import java.util.Objects;

/**
 * The neutral result of a successful invocation, for the adapter to write in its vendor's form.
 *
 * @param payload the encoded output; {@link Payload#EMPTY} when the function returned nothing
 * @param contentType the content type of the payload, or null when it is empty
 * @param status the HTTP status the function chose with an {@code HttpReply}, or 0 when it chose
 *     none (then HTTP triggers answer 200, or 204 for an empty payload)
 * @param headers reply headers from a returned {@code Message} or {@code HttpReply}
 * @param cookies cookies from a returned {@code HttpReply}
 * @param failedItems positions of failed items from a returned {@code BatchResult}; empty otherwise
 */
public record FunctionResult(
    Payload payload,
    String contentType,
    int status,
    Headers headers,
    List<Cookie> cookies,
    List<Integer> failedItems) {

  /** The result of a function that returned nothing. */
  public static final FunctionResult EMPTY =
      new FunctionResult(Payload.EMPTY, null, 0, Headers.empty(), List.of(), List.of());

  public FunctionResult {
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(headers, "headers");
    cookies = List.copyOf(cookies);
    failedItems = List.copyOf(failedItems);
  }

  /**
   * Returns a result with a payload and nothing else.
   *
   * @param payload the payload
   * @param contentType its content type
   * @return the result
   */
  public static FunctionResult of(Payload payload, String contentType) {
    return new FunctionResult(payload, contentType, 0, Headers.empty(), List.of(), List.of());
  }

  /**
   * Returns the HTTP status to answer with.
   *
   * @return the chosen status; else 204 when the function returned no value, and 200 otherwise (an
   *     empty string is a value: 200 with an empty body)
   */
  public int httpStatus() {
    if (status != 0) {
      return status;
    }
    return payload.isEmpty() && contentType == null ? 204 : 200;
  }

  /**
   * Returns the payload as bytes to send: text is encoded in the charset of the effective content
   * type (UTF-8 when it names none or an unknown one), so the bytes always match their label.
   *
   * @return the bytes; callers must not modify them
   */
  public byte[] bytes() {
    if (payload instanceof Payload.Text text) {
      String type = effectiveContentType();
      java.nio.charset.Charset charset;
      try {
        charset = dev.fn4j.core.convert.MediaTypes.charset(type);
      } catch (IllegalArgumentException e) {
        charset = java.nio.charset.StandardCharsets.UTF_8;
      }
      return text.text().getBytes(charset);
    }
    return payload.asBytes();
  }

  /**
   * Returns the content type to send: the one the function set in its headers, else the default for
   * the payload's type.
   *
   * @return the content type, or null for an empty payload with none set
   */
  public String effectiveContentType() {
    return headers.first("Content-Type").orElse(contentType);
  }
}
