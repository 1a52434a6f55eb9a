package dev.fn4j.aws.http;

import dev.fn4j.aws.event.EventKind;
import dev.fn4j.core.convert.Payload;
import dev.fn4j.function.Headers;
import java.util.Objects;

/**
 * An HTTP request read from an API Gateway, function URL or ALB event.
 *
 * @param kind the event kind, which decides the response format
 * @param multiValue whether the event used multi-value headers (ALB multi-value mode), so the
 *     response must too
 * @param method the HTTP method
 * @param path the request path, without an API Gateway stage prefix
 * @param rawQuery the query string, or null
 * @param headers the request headers, cookies included as {@code Cookie}
 * @param body the body, base64-decoded when the event said it was encoded
 */
public record HttpEvent(
    EventKind kind,
    boolean multiValue,
    String method,
    String path,
    String rawQuery,
    Headers headers,
    Payload body) {

  public HttpEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
  }
}
