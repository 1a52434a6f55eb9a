package dev.fn4j.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a {@link CloudEventMessage} as an HTTP message in one of the HTTP protocol binding's
 * content modes. Stateless.
 */
final class CloudEventWriter {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private CloudEventWriter() {}

  /** The headers and body of an HTTP message that carries events. */
  record HttpMessage(Map<String, String> headers, byte[] body) {}

  /**
   * Writes an event in the given mode; {@link CloudEventMessage.Mode#BATCH} writes a batch of one.
   *
   * @param event the event
   * @param mode the content mode
   * @return the headers to send (the event's own HTTP headers are not copied) and the body
   */
  static HttpMessage write(CloudEventMessage event, CloudEventMessage.Mode mode) {
    return switch (mode) {
      case BINARY -> binary(event);
      case STRUCTURED ->
          new HttpMessage(
              Map.of("Content-Type", CloudEventReader.STRUCTURED), bytes(structured(event)));
      case BATCH -> {
        ArrayNode batch = CloudEventReader.JSON.createArrayNode();
        batch.add(structured(event));
        yield new HttpMessage(Map.of("Content-Type", CloudEventReader.BATCH), bytes(batch));
      }
    };
  }

  private static HttpMessage binary(CloudEventMessage event) {
    Map<String, String> headers = new LinkedHashMap<>();
    event
        .attributes()
        .forEach(
            (name, value) -> {
              if (!name.equals("datacontenttype")) {
                headers.put("ce-" + name, percentEncode(value));
              }
            });
    event.dataContentType().ifPresent(type -> headers.put("Content-Type", type));
    return new HttpMessage(headers, event.data());
  }

  private static ObjectNode structured(CloudEventMessage event) {
    ObjectNode json = CloudEventReader.JSON.createObjectNode();
    event.attributes().forEach(json::put);
    byte[] data = event.data();
    if (data.length == 0) {
      return json;
    }
    String contentType = event.dataContentType().orElse(null);
    if (contentType == null || CloudEventReader.isJson(contentType)) {
      JsonNode tree = parse(data);
      if (tree != null) {
        json.set("data", tree);
        return json;
      }
    } else if (contentType.regionMatches(true, 0, "text/", 0, 5)) {
      json.put("data", new String(data, Reply.charsetOf(contentType, false)));
      return json;
    }
    String base64 = Base64.getEncoder().encodeToString(data);
    if (event.specVersion().equals("0.3")) {
      json.put("datacontentencoding", "base64");
      json.put("data", base64);
    } else {
      json.put("data_base64", base64);
    }
    return json;
  }

  /**
   * Percent-encodes a binary-mode header value as the HTTP binding asks: space, {@code "}, {@code
   * %} and every character outside printable ASCII, as the %XX of its UTF-8 bytes.
   *
   * @param value the attribute value
   * @return for example {@code caf%C3%A9%20au%20lait}
   */
  static String percentEncode(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c > 0x20 && c < 0x7f && c != '"' && c != '%') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  private static JsonNode parse(byte[] data) {
    try {
      JsonNode tree = CloudEventReader.JSON.readTree(data);
      return tree == null || tree.isMissingNode() ? null : tree;
    } catch (IOException e) {
      return null; // not JSON after all: sent as base64
    }
  }

  private static byte[] bytes(JsonNode json) {
    try {
      return CloudEventReader.JSON.writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
