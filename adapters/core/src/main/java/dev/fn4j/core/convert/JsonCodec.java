package dev.fn4j.core.convert;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.fn4j.function.InvocationContext;
import dev.fn4j.function.Message;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON through Jackson. Loaded only when a function's declared type needs data binding, so a {@code
 * String} or {@code byte[]} function never pays for Jackson at start-up (holder idiom).
 *
 * <p>The mapper keeps Jackson's safe defaults: no default typing (request data never chooses a
 * class), bounded nesting depth and string lengths; unknown properties are ignored. {@code
 * java.time} and {@code Optional} support (Jackson's JSR-310 and JDK 8 modules) costs start-up
 * time, so it is set up only for the types that need it: the first time a type fails for lack of
 * it, the type moves to a second mapper that has it.
 */
public final class JsonCodec {

  private static final class Plain {
    private static final JsonMapper MAPPER = builder().build();
  }

  private static final class WithJavaTime {
    private static final JsonMapper MAPPER =
        builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();
  }

  private static final class Holder {
    private static final JsonCodec INSTANCE = new JsonCodec();
  }

  /**
   * The invocation context may hold credentials and raw platform objects: never in a body, it is
   * written as {@code null}. A message inside a value is written as its payload; its headers and
   * context stay out. (Serializers, not annotated mix-ins: reading annotations makes the JDK
   * generate proxy classes, milliseconds of every cold start.)
   */
  private static SimpleModule guards() {
    SimpleModule guards = new SimpleModule("fn4j-guards");
    guards.addSerializer(InvocationContext.class, new ContextAsNull());
    guards.addSerializer(Message.class, new MessageAsPayload());
    return guards;
  }

  private static final class ContextAsNull extends StdSerializer<InvocationContext> {
    ContextAsNull() {
      super(InvocationContext.class);
    }

    @Override
    public void serialize(InvocationContext value, JsonGenerator json, SerializerProvider provider)
        throws IOException {
      json.writeNull();
    }
  }

  @SuppressWarnings("rawtypes")
  private static final class MessageAsPayload extends StdSerializer<Message> {
    MessageAsPayload() {
      super(Message.class);
    }

    @Override
    public void serialize(Message value, JsonGenerator json, SerializerProvider provider)
        throws IOException {
      provider.defaultSerializeValue(value.payload(), json);
    }
  }

  private final Set<JavaType> needJavaTime = ConcurrentHashMap.newKeySet();

  private JsonCodec() {}

  private static JsonMapper.Builder builder() {
    return JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .addModule(guards());
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
   * Returns the mapper without the {@code java.time} modules, for adapters that bind vendor
   * envelopes.
   *
   * @return the mapper
   */
  public JsonMapper mapper() {
    return Plain.MAPPER;
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
    return read(payload, Plain.MAPPER.constructType(type));
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
        Plain.MAPPER
            .getTypeFactory()
            .constructCollectionType(
                java.util.List.class, Plain.MAPPER.constructType(elementType)));
  }

  private Object read(Payload payload, JavaType type) {
    if (!needJavaTime.contains(type)) {
      try {
        return read(Plain.MAPPER, payload, type);
      } catch (InvalidDefinitionException e) {
        if (!needsJavaTime(e)) {
          throw new JsonDecodeException(reason(e));
        }
        needJavaTime.add(type);
      } catch (IOException e) {
        throw new JsonDecodeException(reason(e));
      }
    }
    try {
      return read(WithJavaTime.MAPPER, payload, type);
    } catch (IOException e) {
      throw new JsonDecodeException(reason(e));
    }
  }

  private static Object read(JsonMapper mapper, Payload payload, JavaType type) throws IOException {
    if (payload instanceof Payload.Text text) {
      return mapper.readValue(text.text(), type);
    }
    return mapper.readValue(payload.asBytes(), type);
  }

  /**
   * Builds and caches what reading and writing a declared type needs (Jackson's deserializer and
   * serializer, and the hundreds of classes behind them), so that the first request does not wait
   * for it. Failures are ignored: the first real read or write reports them.
   *
   * @param type a declared input or output type
   */
  public void prepare(Type type) {
    try {
      JavaType javaType = Plain.MAPPER.constructType(type);
      Plain.MAPPER.readerFor(javaType);
      Plain.MAPPER.writerFor(javaType);
    } catch (RuntimeException | LinkageError e) {
      // Nothing to prepare: the invocation that needs this type reports the problem.
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
    Class<?> type = value.getClass();
    JavaType key = Plain.MAPPER.constructType(type);
    if (!needJavaTime.contains(key)) {
      try {
        return Plain.MAPPER.writeValueAsString(value);
      } catch (InvalidDefinitionException e) {
        if (!needsJavaTime(e)) {
          throw new JsonEncodeException(e.getOriginalMessage(), e);
        }
        needJavaTime.add(key);
      } catch (JsonProcessingException e) {
        throw new JsonEncodeException(e.getOriginalMessage(), e);
      }
    }
    try {
      return WithJavaTime.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new JsonEncodeException(e.getOriginalMessage(), e);
    }
  }

  /** Jackson names the module it lacks in the message of this one failure. */
  private static boolean needsJavaTime(InvalidDefinitionException e) {
    String message = e.getOriginalMessage();
    return message != null
        && (message.contains("Java 8 date/time type") || message.contains("Java 8 optional type"));
  }

  static String reason(IOException e) {
    String original = e instanceof JsonProcessingException p ? p.getOriginalMessage() : null;
    StringBuilder reason =
        new StringBuilder(firstLine(original != null ? original : e.getMessage()));
    if (e instanceof JsonProcessingException p) {
      JsonLocation location = p.getLocation();
      if (location != null && location.getLineNr() > 0) {
        reason
            .append(" (line ")
            .append(location.getLineNr())
            .append(", column ")
            .append(location.getColumnNr())
            .append(')');
      }
    }
    if (e instanceof JsonMappingException mapping) {
      String path = mapping.getPathReference();
      if (path != null && !path.isEmpty()) {
        reason.append(" at ").append(path.replaceAll("[A-Za-z0-9_.$]+\\[", "["));
      }
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
