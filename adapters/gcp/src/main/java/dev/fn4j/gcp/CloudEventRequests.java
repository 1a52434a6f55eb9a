package dev.fn4j.gcp;

import dev.fn4j.core.convert.Payload;
import dev.fn4j.core.dispatch.FunctionRequest;
import dev.fn4j.function.Headers;
import dev.fn4j.function.InvocationContext;
import dev.fn4j.function.TraceContext;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a CloudEvent, as Google's invoker hands it over, into the core's neutral request: the data
 * as payload; every attribute and extension as a {@code ce-<name>} header (the data's content type
 * as {@code Content-Type}) and as a {@code ce.<name>} context attribute; the trace context from the
 * {@code traceparent} extension; and the event itself as the raw platform object, so a function
 * that declares {@code io.cloudevents.CloudEvent} gets it.
 */
final class CloudEventRequests {

  private final Map<String, String> platformAttributes;

  CloudEventRequests(Map<String, String> platformAttributes) {
    this.platformAttributes = Map.copyOf(platformAttributes);
  }

  /**
   * Returns an event's attributes and extensions in their canonical string form.
   *
   * @param event the event
   * @return the attributes by name, the required ones first
   */
  static Map<String, String> attributes(CloudEvent event) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("specversion", event.getSpecVersion().toString());
    attributes.put("id", event.getId());
    attributes.put("source", event.getSource().toString());
    attributes.put("type", event.getType());
    put(attributes, "datacontenttype", event.getDataContentType());
    URI schema = event.getDataSchema();
    put(attributes, "dataschema", schema == null ? null : schema.toString());
    put(attributes, "subject", event.getSubject());
    OffsetDateTime time = event.getTime();
    put(
        attributes,
        "time",
        time == null ? null : time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    for (String name : event.getExtensionNames()) {
      Object value = event.getExtension(name);
      put(attributes, name, value == null ? null : value.toString());
    }
    return attributes;
  }

  private static void put(Map<String, String> attributes, String name, String value) {
    if (value != null) {
      attributes.put(name, value);
    }
  }

  FunctionRequest of(CloudEvent event, String requestId) {
    Map<String, String> attributes = attributes(event);
    Headers.Builder headers = Headers.builder();
    InvocationContext.Builder context =
        InvocationContext.builder()
            .requestId(requestId)
            .platform(GcfEnvironment.PLATFORM)
            .raw(event);
    platformAttributes.forEach(context::attribute);
    attributes.forEach(
        (name, value) -> {
          headers.add(name.equals("datacontenttype") ? "Content-Type" : "ce-" + name, value);
          context.attribute("ce." + name, value);
        });
    context.trace(
        TraceContext.of(attributes.get("traceparent"), attributes.get("tracestate"), null));
    CloudEventData data = event.getData();
    Payload payload = data == null ? Payload.EMPTY : Payload.ofBytes(data.toBytes());
    return new FunctionRequest(payload, headers.build(), context.build());
  }
}
