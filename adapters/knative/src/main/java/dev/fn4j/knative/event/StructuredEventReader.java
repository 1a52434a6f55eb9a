package dev.fn4j.knative.event;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.fn4j.core.convert.MediaTypes;
import dev.fn4j.core.convert.Payload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads structured-mode and batch-mode CloudEvents in the JSON event format (CloudEvents JSON
 * format, section 3) with a streaming parser: attribute values must be strings, booleans or
 * integers ({@code null} means absent); {@code data} is the JSON value itself for JSON content
 * types (and when none is named), a string for any other type; {@code data_base64} carries binary
 * data.
 */
public final class StructuredEventReader {

  private static final String DATA = "data";
  private static final String DATA_BASE64 = "data_base64";

  private StructuredEventReader() {}

  /**
   * Reads one structured event.
   *
   * @param body the request body
   * @return the event
   * @throws InvalidEventException when the JSON or the event is malformed
   */
  public static CloudEvent readEvent(byte[] body) {
    try (JsonParser parser = EventJson.FACTORY.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new InvalidEventException("a structured CloudEvent is a JSON object");
      }
      CloudEvent event = readObject(parser, "");
      expectEnd(parser);
      return event;
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw new InvalidEventException("the event could not be read");
    }
  }

  /**
   * Reads a batch of structured events.
   *
   * @param body the request body
   * @return the events, in batch order; empty for an empty array
   * @throws InvalidEventException when the JSON or any event is malformed, naming its position
   */
  public static List<CloudEvent> readBatch(byte[] body) {
    try (JsonParser parser = EventJson.FACTORY.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new InvalidEventException("a CloudEvents batch is a JSON array of events");
      }
      List<CloudEvent> events = new ArrayList<>();
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        String where = "event " + events.size() + " of the batch: ";
        if (token != JsonToken.START_OBJECT) {
          throw new InvalidEventException(where + "not a JSON object");
        }
        events.add(readObject(parser, where));
      }
      expectEnd(parser);
      return events;
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw new InvalidEventException("the batch could not be read");
    }
  }

  private static CloudEvent readObject(JsonParser parser, String where) throws IOException {
    Map<String, String> attributes = new LinkedHashMap<>();
    byte[] json = null;
    String text = null;
    String base64 = null;
    String name;
    while ((name = parser.nextFieldName()) != null) {
      JsonToken token = parser.nextToken();
      switch (name) {
        case DATA -> {
          if (token == JsonToken.VALUE_STRING) {
            text = parser.getText();
          }
          if (token != JsonToken.VALUE_NULL) {
            json = copy(parser);
          }
        }
        case DATA_BASE64 -> {
          if (token == JsonToken.VALUE_STRING) {
            base64 = parser.getText();
          } else if (token != JsonToken.VALUE_NULL) {
            throw new InvalidEventException(where + "data_base64 must be a string");
          }
        }
        default -> {
          String value = attributeValue(parser, token, name, where);
          if (value != null) {
            attributes.put(name, value);
          }
        }
      }
    }
    try {
      Attributes.check(attributes);
    } catch (InvalidEventException e) {
      throw where.isEmpty() ? e : new InvalidEventException(where + e.getMessage());
    }
    return new CloudEvent(attributes, data(attributes, json, text, base64, where));
  }

  private static String attributeValue(
      JsonParser parser, JsonToken token, String name, String where) throws IOException {
    if (Attributes.isStringTyped(name)
        && token != JsonToken.VALUE_STRING
        && token != JsonToken.VALUE_NULL) {
      throw new InvalidEventException(where + "the attribute '" + name + "' must be a JSON string");
    }
    return switch (token) {
      case VALUE_STRING -> parser.getText();
      case VALUE_TRUE -> "true";
      case VALUE_FALSE -> "false";
      case VALUE_NULL -> null;
      case VALUE_NUMBER_INT -> {
        if (parser.getNumberType() != JsonParser.NumberType.INT) {
          throw new InvalidEventException(
              where + "the attribute '" + name + "' is outside the 32-bit integer range");
        }
        yield Integer.toString(parser.getIntValue());
      }
      case VALUE_NUMBER_FLOAT ->
          throw new InvalidEventException(
              where
                  + "the attribute '"
                  + name
                  + "' is a decimal number; CloudEvents attributes are strings, booleans or"
                  + " integers");
      default ->
          throw new InvalidEventException(
              where + "the attribute '" + name + "' is a JSON object or array");
    };
  }

  private static Payload data(
      Map<String, String> attributes, byte[] json, String text, String base64, String where) {
    if (json != null && base64 != null) {
      throw new InvalidEventException(where + "an event has data or data_base64, not both");
    }
    if (base64 != null) {
      return Payload.ofBytes(decodeBase64(base64, "data_base64", where));
    }
    if (json == null) {
      return Payload.EMPTY;
    }
    String contentType = attributes.get(Attributes.DATA_CONTENT_TYPE);
    if (text != null && isBase64Encoded(attributes)) {
      return Payload.ofBytes(decodeBase64(text, "data", where));
    }
    if (MediaTypes.acceptsJson(contentType)) {
      return Payload.ofBytes(json);
    }
    if (text == null) {
      throw new InvalidEventException(
          where
              + "data is a JSON value but datacontenttype '"
              + Attributes.printable(contentType)
              + "' is not JSON: send it as a string, or as data_base64");
    }
    return Payload.ofText(text);
  }

  /** Spec 0.3 marks base64 data with {@code datacontentencoding}. */
  private static boolean isBase64Encoded(Map<String, String> attributes) {
    String encoding = attributes.get(Attributes.DATA_CONTENT_ENCODING);
    return Attributes.V03.equals(attributes.get(Attributes.SPEC_VERSION))
        && encoding != null
        && encoding.toLowerCase(Locale.ROOT).equals("base64");
  }

  private static byte[] decodeBase64(String text, String member, String where) {
    try {
      return Base64.getDecoder().decode(text.replaceAll("\\s+", ""));
    } catch (IllegalArgumentException e) {
      throw new InvalidEventException(where + member + " is not valid base64");
    }
  }

  private static byte[] copy(JsonParser parser) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator generator = EventJson.FACTORY.createGenerator(out)) {
      generator.copyCurrentStructure(parser);
    }
    return out.toByteArray();
  }

  private static void expectEnd(JsonParser parser) throws IOException {
    if (parser.nextToken() != null) {
      throw new InvalidEventException("unexpected content after the JSON document");
    }
  }

  private static InvalidEventException malformed(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
    int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
    return new InvalidEventException(
        "the body is not valid JSON ("
            + Attributes.printable(message == null ? "syntax error" : message)
            + (line > 0 ? " at line " + line + ", column " + column : "")
            + ")");
  }
}
