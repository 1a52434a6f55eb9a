package dev.fn4j.core.convert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes JSON documents as plain Java values (an immutable {@code Map<String, Object>} in
 * document order, {@code List<Object>}, {@code String}, {@code Long}/{@code BigInteger}/{@code
 * BigDecimal}, {@code Boolean}, {@code null}) with Jackson's streaming parser only (jackson-core).
 * Adapters read vendor envelopes with it, so that a function whose types need no data binding never
 * loads {@code jackson-databind}.
 *
 * <p>Limits are jackson-core's defaults: nesting depth 500, string and number lengths bounded.
 */
public final class JsonTree {

  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonTree() {}

  /**
   * Parses a whole document.
   *
   * @param json the UTF-8 (or UTF-16/32, detected) JSON bytes
   * @return the value
   * @throws JsonCodec.JsonDecodeException with a client-safe reason when the bytes are not one JSON
   *     value
   */
  public static Object parse(byte[] json) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      return parseDocument(parser);
    } catch (IOException e) {
      throw new JsonCodec.JsonDecodeException(JsonCodec.reason(e));
    }
  }

  /**
   * Parses a whole document.
   *
   * @param json the JSON text
   * @return the value
   * @throws JsonCodec.JsonDecodeException when the text is not one JSON value
   */
  public static Object parse(String json) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      return parseDocument(parser);
    } catch (IOException e) {
      throw new JsonCodec.JsonDecodeException(JsonCodec.reason(e));
    }
  }

  private static Object parseDocument(JsonParser parser) throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      throw new JsonCodec.JsonDecodeException("no JSON value (empty input)");
    }
    Object value = value(parser, first);
    if (parser.nextToken() != null) {
      throw new JsonCodec.JsonDecodeException(
          "trailing content after the JSON value (line "
              + parser.currentLocation().getLineNr()
              + ", column "
              + parser.currentLocation().getColumnNr()
              + ")");
    }
    return value;
  }

  private static Object value(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> object(parser);
      case START_ARRAY -> array(parser);
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT -> integer(parser);
      case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new JsonCodec.JsonDecodeException("unexpected token " + token);
    };
  }

  private static Object integer(JsonParser parser) throws IOException {
    return switch (parser.getNumberType()) {
      case INT, LONG -> parser.getLongValue();
      default -> parser.getBigIntegerValue();
    };
  }

  private static Map<String, Object> object(JsonParser parser) throws IOException {
    JsonObject.Builder object = new JsonObject.Builder();
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      object.put(name, value(parser, parser.nextToken()));
    }
    if (token != JsonToken.END_OBJECT) {
      throw new JsonCodec.JsonDecodeException("unexpected token " + token + " in an object");
    }
    return object.build();
  }

  private static List<Object> array(JsonParser parser) throws IOException {
    List<Object> list = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token == null) {
        throw new JsonCodec.JsonDecodeException("unexpected end of input in an array");
      }
      list.add(value(parser, token));
    }
    return Collections.unmodifiableList(list);
  }

  /**
   * Writes a value as compact JSON text.
   *
   * @param value a value made of the types this class reads (and any {@code Number}, {@code
   *     CharSequence}, {@code Map} with string keys, {@code Iterable})
   * @return the JSON text
   * @throws IllegalArgumentException for a value of another type
   */
  public static String write(Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      write(generator, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * Writes a value to a generator.
   *
   * @param generator where to write
   * @param value the value
   * @throws IllegalArgumentException for a value of an unsupported type
   * @throws IOException when the generator cannot write
   */
  public static void write(JsonGenerator generator, Object value) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else if (value instanceof CharSequence text) {
      generator.writeString(text.toString());
    } else if (value instanceof Boolean flag) {
      generator.writeBoolean(flag);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      generator.writeNumber(((Number) value).longValue());
    } else if (value instanceof BigInteger big) {
      generator.writeNumber(big);
    } else if (value instanceof BigDecimal decimal) {
      generator.writeNumber(decimal);
    } else if (value instanceof Number number) {
      generator.writeNumber(number.doubleValue());
    } else if (value instanceof Map<?, ?> map) {
      generator.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        generator.writeFieldName(String.valueOf(entry.getKey()));
        write(generator, entry.getValue());
      }
      generator.writeEndObject();
    } else if (value instanceof Iterable<?> items) {
      generator.writeStartArray();
      for (Object item : items) {
        write(generator, item);
      }
      generator.writeEndArray();
    } else {
      throw new IllegalArgumentException("JsonTree cannot write a " + value.getClass().getName());
    }
  }
}
