package dev.fn4j.knative;

import com.sun.net.httpserver.HttpExchange;
import dev.fn4j.core.dispatch.FunctionRequest;
import dev.fn4j.function.Headers;
import dev.fn4j.function.InvocationContext;
import dev.fn4j.function.TraceContext;
import dev.fn4j.knative.event.Attributes;
import dev.fn4j.knative.event.CloudEvent;
import dev.fn4j.knative.event.EventMode;
import java.util.List;
import java.util.Map;

/**
 * Turns a CloudEvent into the core's neutral request: the data as payload; every attribute as a
 * {@code ce-<name>} header (but the data's content type, which is {@code Content-Type}, as in
 * binary mode) and a {@code ce.<name>} context attribute; the other HTTP headers; the service
 * attributes; the trace context from the HTTP headers, else from the event's extensions; and the
 * event itself as the raw platform object. A binary-mode request's headers are passed on as they
 * are when they already say exactly that.
 */
final class EventRequests {

  private final Map<String, String> serviceAttributes;

  EventRequests(Map<String, String> serviceAttributes) {
    this.serviceAttributes = Map.copyOf(serviceAttributes);
  }

  FunctionRequest of(
      HttpExchange exchange,
      Headers httpHeaders,
      CloudEvent event,
      EventMode mode,
      String requestId) {
    boolean reuse = mode == EventMode.BINARY && headersAreTheAttributes(httpHeaders, event);
    Headers.Builder headers = reuse ? null : Headers.builder();
    if (!reuse) {
      for (Map.Entry<String, List<String>> header : httpHeaders.asMap().entrySet()) {
        String name = header.getKey();
        if (ReplyAttributes.isAttributeHeader(name)
            || name.equalsIgnoreCase("Content-Type")
            || name.equalsIgnoreCase("Content-Length")) {
          continue;
        }
        header.getValue().forEach(value -> headers.add(name, value));
      }
    }
    InvocationContext.Builder context =
        InvocationContext.builder()
            .requestId(requestId)
            .platform(KnativePlatform.ID)
            .attribute("http.method", exchange.getRequestMethod())
            .attribute("http.path", exchange.getRequestURI().getPath())
            .raw(event)
            .raw(exchange);
    serviceAttributes.forEach(context::attribute);
    event.attributes().forEach((name, value) -> context.attribute("ce." + name, value));
    if (!reuse) {
      event
          .attributes()
          .forEach(
              (name, value) -> {
                if (!name.equals(Attributes.DATA_CONTENT_TYPE)) {
                  headers.add("ce-" + name, value);
                }
              });
      event.dataContentType().ifPresent(type -> headers.add("Content-Type", type));
    }
    context.trace(
        TraceContext.of(
            httpHeaders.first("traceparent").or(() -> event.attribute("traceparent")).orElse(null),
            httpHeaders.first("tracestate").or(() -> event.attribute("tracestate")).orElse(null),
            null));
    return new FunctionRequest(
        event.data(), reuse ? httpHeaders : headers.build(), context.build());
  }

  /**
   * A binary-mode request's own headers already say everything (the hot path: no copy) unless an
   * attribute value was percent-encoded or the content type came from a stray {@code
   * ce-datacontenttype}.
   */
  private static boolean headersAreTheAttributes(Headers httpHeaders, CloudEvent event) {
    if (event.dataContentType().isPresent() && !httpHeaders.contains("Content-Type")) {
      return false;
    }
    for (String value : event.attributes().values()) {
      if (value.indexOf('%') >= 0) {
        return false;
      }
    }
    for (String name : httpHeaders.names()) {
      if (ReplyAttributes.isAttributeHeader(name)) {
        for (String value : httpHeaders.all(name)) {
          if (value.indexOf('%') >= 0) {
            return false;
          }
        }
      }
    }
    return true;
  }
}
