package dev.fn4j.core.dispatch;

import dev.fn4j.core.convert.Payload;
import dev.fn4j.function.Headers;
import dev.fn4j.function.InvocationContext;
import java.util.Objects;

/**
 * The neutral request an adapter builds from a vendor payload: the body as it arrived, headers
 * (HTTP headers, message attributes, CloudEvent attributes), and the invocation context.
 *
 * @param payload the body
 * @param headers the headers; {@code Content-Type} decides how the body is read
 * @param context the invocation context
 */
public record FunctionRequest(Payload payload, Headers headers, InvocationContext context) {

  public FunctionRequest {
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(context, "context");
  }

  /**
   * Returns the content type.
   *
   * @return the {@code Content-Type} header value, or null when absent
   */
  public String contentType() {
    return headers.isEmpty() ? null : headers.first("Content-Type").orElse(null);
  }
}
