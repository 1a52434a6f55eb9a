package dev.fn4j.conformance.event;

import dev.fn4j.core.convert.JsonCodec;
import dev.fn4j.core.convert.JsonTree;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudEvents in the JSON event format (structured mode, spec 1.0): written for Knative's batch
 * mode and for FC's EventBridge triggers, and read back from Knative's batch replies. The data goes
 * in as the format says: JSON data that parses as {@code data} itself, other text as a {@code data}
 * string, anything else (malformed JSON included) as {@code data_base64}.
 */
final class StructuredEvents {

  private StructuredEvents() {}

  /**
   * Writes one event as a JSON object.
   *
   * @param id the {@code id}
   * @param source the {@code source}
   * @param type the {@code type}
   * @param item the data and its content type
   * @return the members, in the spec's order
   */
  static Map<String, Object> event(String id, String source, String type, EventPayload item) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("specversion", "1.0");
    event.put("id", id);
    event.put("source", source);
    event.put("type", type);
    event.put("time", Instant.now().toString());
    item.contentType().ifPresent(contentType -> event.put("datacontenttype", contentType));
    if (item.isEmpty()) {
      return event;
    }
    if (item.isJson() || item.contentType().isEmpty()) {
      try {
        event.put("data", JsonTree.parse(item.bytes()));
        return event;
      } catch (JsonCodec.JsonDecodeException notJson) {
        // Malformed on purpose: carried in base64, where the function's decoding sees it as it is.
      }
    } else if (item.isText()) {
      event.put("data", item.text());
      return event;
    }
    event.put("data_base64", Base64.getEncoder().encodeToString(item.bytes()));
    return event;
  }

  /**
   * Reads an event's data.
   *
   * @param event the event's members
   * @return the data with its content type; empty bytes when it has none
   */
  static EventPayload data(Map<?, ?> event) {
    String contentType = event.get("datacontenttype") instanceof String text ? text : null;
    EventPayload typed = EventPayload.of(contentType, new byte[0]);
    Object base64 = event.get("data_base64");
    if (base64 instanceof String text) {
      return EventPayload.of(contentType, Base64.getDecoder().decode(text));
    }
    Object data = event.get("data");
    if (data == null) {
      return typed;
    }
    if (data instanceof String text && !typed.isJson()) {
      return EventPayload.of(contentType, text.getBytes(StandardCharsets.UTF_8));
    }
    return EventPayload.of(contentType, JsonTree.write(data).getBytes(StandardCharsets.UTF_8));
  }
}
