package dev.fn4j.knative;

import com.sun.net.httpserver.HttpExchange;
import dev.fn4j.core.dispatch.FunctionRequest;
import dev.fn4j.function.Headers;
import dev.fn4j.function.InvocationContext;
import dev.fn4j.function.TraceContext;
import dev.fn4j.knative.event.CloudEvent;
import java.util.List;
import java.util.Map;

/**
 * Turns a CloudEvent into the core's neutral request: the data as payload; every attribute as a
 * {@code ce-<name>} header and a {@code ce.<name>} context attribute; the data's content type as
 * {@code Content-Type}; the other HTTP headers; the service attributes; the trace context from the
 * HTTP headers, else from the event's extensions; and the event itself as the raw platform object.
 */
final class EventRequests {

  private final Map<String, String> serviceAttributes;

  EventRequests(Map<String, String> serviceAttributes) {
    this.serviceAttributes = Map.copyOf(serviceAttributes);
  }

  FunctionRequest of(
      HttpExchange exchange, Headers httpHeaders, CloudEvent event, String requestId) {
    Headers.Builder headers = Headers.builder();
    for (Map.Entry<String, List<String>> header : httpHeaders.asMap().entrySet()) {
      String name = header.getKey();
      if (ReplyAttributes.isAttributeHeader(name)
          || name.equalsIgnoreCase("Content-Type")
          || name.equalsIgnoreCase("Content-Length")) {
        continue;
      }
      header.getValue().forEach(value -> headers.add(name, value));
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
    event
        .attributes()
        .forEach(
            (name, value) -> {
              headers.add("ce-" + name, value);
              context.attribute("ce." + name, value);
            });
    event.dataContentType().ifPresent(type -> headers.add("Content-Type", type));
    context.trace(
        TraceContext.of(
            httpHeaders.first("traceparent").or(() -> event.attribute("traceparent")).orElse(null),
            httpHeaders.first("tracestate").or(() -> event.attribute("tracestate")).orElse(null),
            null));
    return new FunctionRequest(event.data(), headers.build(), context.build());
  }
}
