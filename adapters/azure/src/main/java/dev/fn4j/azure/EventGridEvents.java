package dev.fn4j.azure;

import dev.fn4j.core.convert.JsonTree;
import dev.fn4j.core.convert.MediaTypes;
import dev.fn4j.core.convert.Payload;
import dev.fn4j.core.dispatch.FunctionRequest;
import dev.fn4j.function.Headers;
import dev.fn4j.function.InvocationContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Event Grid events in both schemas as neutral requests: the CloudEvents schema's attributes as
 * they are; the Event Grid schema's mapped to CloudEvents names ({@code topic} to {@code source},
 * {@code eventType} to {@code type}, {@code eventTime} to {@code time}, {@code dataVersion} and
 * {@code metadataVersion} as extensions). The function gets the {@code data}.
 */
final class EventGridEvents {

  private EventGridEvents() {}

  /**
   * Returns an event's attributes in CloudEvents names.
   *
   * @param event the event
   * @return the attributes; empty when the map is not an Event Grid event in either schema
   */
  static Map<String, String> attributes(Map<?, ?> event) {
    Map<String, String> attributes = new LinkedHashMap<>();
    if (event.get("specversion") instanceof String
        && event.get("type") instanceof String
        && event.get("id") instanceof String) {
      event.forEach(
          (name, value) -> {
            if (value != null && !"data".equals(name) && !"data_base64".equals(name)) {
              attributes.put(String.valueOf(name), text(value));
            }
          });
      return attributes;
    }
    if (event.get("eventType") instanceof String
        && event.get("id") instanceof String
        && event.containsKey("subject")
        && event.containsKey("eventTime")) {
      attributes.put("specversion", "1.0");
      put(attributes, "id", event.get("id"));
      put(attributes, "source", event.get("topic"));
      put(attributes, "type", event.get("eventType"));
      put(attributes, "subject", event.get("subject"));
      put(attributes, "time", event.get("eventTime"));
      put(attributes, "dataversion", event.get("dataVersion"));
      put(attributes, "metadataversion", event.get("metadataVersion"));
      attributes.put("eventgridschema", "eventgrid");
    }
    return attributes;
  }

  private static void put(Map<String, String> attributes, String name, Object value) {
    if (value != null) {
      attributes.put(name, text(value));
    }
  }

  private static String text(Object value) {
    return value instanceof String string ? string : JsonTree.write(value);
  }

  static FunctionRequest request(
      Map<?, ?> event, Map<String, String> attributes, InvocationContext.Builder context) {
    Headers.Builder headers = Headers.builder();
    attributes.forEach(
        (name, value) -> {
          headers.add(name.equals("datacontenttype") ? "Content-Type" : "ce-" + name, value);
          context.attribute("ce." + name, value);
        });
    Payload payload;
    if (event.get("data_base64") instanceof String base64) {
      payload = Payload.ofBytes(Base64.getDecoder().decode(base64));
    } else if (event.get("data") == null) {
      payload = Payload.EMPTY;
    } else if (event.get("data") instanceof String text
        && !MediaTypes.acceptsJson(attributes.get("datacontenttype"))) {
      payload = Payload.ofText(text);
    } else {
      payload = Payload.ofBytes(JsonTree.write(event.get("data")).getBytes(StandardCharsets.UTF_8));
      if (!attributes.containsKey("datacontenttype")) {
        headers.add("Content-Type", MediaTypes.JSON);
      }
    }
    return new FunctionRequest(payload, headers.build(), context.build());
  }
}
