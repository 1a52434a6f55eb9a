package dev.fn4j.knative.event;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.fn4j.core.convert.MediaTypes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Writes outgoing CloudEvents (replies, and events a supplier sends to a sink): binary-mode
 * headers, or structured and batch JSON documents.
 */
public final class EventWriter {

  private EventWriter() {}

  /** An event to write: attributes (without {@code datacontenttype}), data and its type. */
  public record OutgoingEvent(Map<String, String> attributes, byte[] data, String contentType) {

    public OutgoingEvent {
      attributes = Map.copyOf(attributes);
    }
  }

  /**
   * Writes the attributes of a binary-mode event as {@code ce-} headers, percent-encoded; the
   * content type goes in {@code Content-Type}.
   *
   * @param event the event
   * @param header receives each header name and value
   */
  public static void binaryHeaders(OutgoingEvent event, BiConsumer<String, String> header) {
    for (Map.Entry<String, String> attribute : event.attributes().entrySet()) {
      header.accept("ce-" + attribute.getKey(), HeaderValues.encode(attribute.getValue()));
    }
    if (event.contentType() != null) {
      header.accept("Content-Type", event.contentType());
    }
  }

  /**
   * Writes one structured-mode event.
   *
   * @param event the event
   * @return the JSON document
   * @throws NotJsonException when the content type says JSON but the data is not
   */
  public static byte[] structured(OutgoingEvent event) {
    return write(List.of(event), false);
  }

  /**
   * Writes a batch of events.
   *
   * @param events the events
   * @return the JSON array
   * @throws NotJsonException when an event's content type says JSON but its data is not
   */
  public static byte[] batch(List<OutgoingEvent> events) {
    return write(events, true);
  }

  private static byte[] write(List<OutgoingEvent> events, boolean array) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = EventJson.FACTORY.createGenerator(out)) {
      if (array) {
        json.writeStartArray();
      }
      for (OutgoingEvent event : events) {
        writeEvent(json, event);
      }
      if (array) {
        json.writeEndArray();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void writeEvent(JsonGenerator json, OutgoingEvent event) throws IOException {
    json.writeStartObject();
    for (Map.Entry<String, String> attribute : event.attributes().entrySet()) {
      json.writeStringField(attribute.getKey(), attribute.getValue());
    }
    String type = event.contentType();
    if (type != null) {
      json.writeStringField(Attributes.DATA_CONTENT_TYPE, type);
    }
    byte[] data = event.data();
    if (data.length > 0) {
      if (MediaTypes.acceptsJson(type)) {
        json.writeFieldName("data");
        copyJson(json, data);
      } else if (isText(type)) {
        json.writeStringField("data", new String(data, charset(type)));
      } else {
        json.writeFieldName("data_base64");
        json.writeBinary(data);
      }
    }
    json.writeEndObject();
  }

  private static void copyJson(JsonGenerator json, byte[] data) throws IOException {
    try (JsonParser parser = EventJson.FACTORY.createParser(data)) {
      if (parser.nextToken() == null) {
        throw new NotJsonException("the data is empty");
      }
      json.copyCurrentStructure(parser);
      if (parser.nextToken() != null) {
        throw new NotJsonException("the data has content after its JSON value");
      }
    } catch (JsonProcessingException e) {
      throw new NotJsonException("the data is not valid JSON");
    }
  }

  /** Text types travel as a JSON string: text/*, XML, and anything naming a charset. */
  private static boolean isText(String contentType) {
    String essence = MediaTypes.essence(contentType);
    return essence.startsWith("text/")
        || essence.equals("application/xml")
        || essence.endsWith("+xml")
        || contentType.toLowerCase(java.util.Locale.ROOT).contains("charset=");
  }

  private static Charset charset(String contentType) {
    try {
      return MediaTypes.charset(contentType);
    } catch (IllegalArgumentException e) {
      return java.nio.charset.StandardCharsets.UTF_8;
    }
  }

  /** The data of an event whose content type is JSON is not JSON. */
  public static final class NotJsonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NotJsonException(String detail) {
      super(detail, null, false, false);
    }
  }
}
