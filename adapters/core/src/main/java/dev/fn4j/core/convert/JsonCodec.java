package dev.fn4j.core.convert;

import com.fasterxml.jackson.annotation.JsonIgnoreType;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.fn4j.function.InvocationContext;
import dev.fn4j.function.Message;
import java.lang.reflect.Type;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON through Jackson 3. Loaded only when a function's declared type needs data binding, so a
 * {@code String} or {@code byte[]} function never pays for Jackson at start-up (holder idiom).
 *
 * <p>The mapper keeps Jackson's safe defaults: no default typing (request data never chooses a
 * class), bounded nesting depth and string lengths, unknown properties ignored.
 */
public final class JsonCodec {

  private static final class Holder {
    private static final JsonCodec INSTANCE =
        new JsonCodec(
            JsonMapper.builder()
                .addMixIn(InvocationContext.class, NeverSerialised.class)
                .addMixIn(Message.class, MessageAsPayload.class)
                .build());
  }

  /** The invocation context may hold credentials and raw platform objects: never in a body. */
  @JsonIgnoreType
  private interface NeverSerialised {}

  /** A message inside a value is written as its payload; its headers and context stay out. */
  private interface MessageAsPayload {
    @JsonValue
    Object payload();
  }

  private final JsonMapper mapper;

  private JsonCodec(JsonMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Returns the shared codec.
   *
   * @return the codec
   */
  public static JsonCodec instance() {
    return Holder.INSTANCE;
  }

  /**
   * Returns the underlying mapper, for adapters that parse vendor envelopes.
   *
   * @return the mapper
   */
  public JsonMapper mapper() {
    return mapper;
  }

  /**
   * Reads a payload as a declared type.
   *
   * @param payload the JSON
   * @param type the declared type
   * @return the value
   * @throws JsonDecodeException with a client-safe reason when the JSON is malformed or does not
   *     fit the type
   */
  public Object read(Payload payload, Type type) {
    return read(payload, mapper.constructType(type));
  }

  /**
   * Reads a payload as a list of a declared element type.
   *
   * @param payload the JSON array
   * @param elementType the element type
   * @return the list
   * @throws JsonDecodeException when the JSON is malformed or does not fit
   */
  public Object readList(Payload payload, Type elementType) {
    return read(
        payload,
        mapper
            .getTypeFactory()
            .constructCollectionType(java.util.List.class, mapper.constructType(elementType)));
  }

  private Object read(Payload payload, JavaType type) {
    try {
      if (payload instanceof Payload.Text text) {
        return mapper.readValue(text.text(), type);
      }
      return mapper.readValue(payload.asBytes(), type);
    } catch (JacksonException e) {
      throw new JsonDecodeException(reason(e));
    }
  }

  /**
   * Writes a value as JSON text.
   *
   * @param value the value
   * @return the JSON
   * @throws JsonEncodeException when the value cannot be serialised
   */
  public String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JacksonException e) {
      throw new JsonEncodeException(e.getOriginalMessage(), e);
    }
  }

  static String reason(JacksonException e) {
    StringBuilder reason = new StringBuilder(firstLine(e.getOriginalMessage()));
    TokenStreamLocation location = e.getLocation();
    if (location != null && location.getLineNr() > 0) {
      reason
          .append(" (line ")
          .append(location.getLineNr())
          .append(", column ")
          .append(location.getColumnNr())
          .append(')');
    }
    String path = e.getPathReference();
    if (path != null && !path.isEmpty() && !path.equals("UNKNOWN")) {
      reason.append(" at ").append(path);
    }
    return reason.toString();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid JSON";
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }

  /** The payload is not JSON of the expected type; the message is safe to show a client. */
  public static final class JsonDecodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    JsonDecodeException(String reason) {
      super(reason, null, false, false);
    }
  }

  /** A value cannot be written as JSON. */
  public static final class JsonEncodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    JsonEncodeException(String reason, Throwable cause) {
      super(reason, cause, false, false);
    }
  }
}
