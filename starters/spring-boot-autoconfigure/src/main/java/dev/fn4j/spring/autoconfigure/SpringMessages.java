package dev.fn4j.spring.autoconfigure;

import dev.fn4j.core.catalog.FunctionKind;
import dev.fn4j.function.Headers;
import java.lang.reflect.Array;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Runs functions typed with Spring's {@link Message} on fn4j: the core sees {@link
 * dev.fn4j.function.Message} of the same payload type, so it converts the payload as usual, and the
 * headers are copied both ways. Loaded only when a bean uses Spring's {@code Message}, so
 * spring-messaging stays optional.
 *
 * <p>Headers in: each fn4j header becomes a Spring header, a {@code String} when it has one value
 * and a {@code List<String>} when it has several. Headers out: every Spring header except the
 * generated {@code id} and {@code timestamp} becomes a reply header; a collection or an array gives
 * several values, anything else its {@code toString()}.
 */
final class SpringMessages {

  private SpringMessages() {}

  /**
   * A function object with the types the core sees.
   *
   * @param target the adapted function, supplier or consumer
   * @param inputType the input type, or null for a supplier
   * @param outputType the output type, or null for a consumer
   */
  record Adapted(Object target, Type inputType, Type outputType) {}

  /**
   * Wraps a function whose input or output (or both) is a Spring {@code Message}.
   *
   * @param kind the function's kind
   * @param target the user's function, supplier or consumer
   * @param input the resolved input type, or null for a supplier
   * @param output the resolved output type, or null for a consumer
   * @return the wrapped function with fn4j message types
   */
  @SuppressWarnings("unchecked")
  static Adapted adapt(FunctionKind kind, Object target, Type input, Type output) {
    boolean messageIn = isSpringMessage(input);
    boolean messageOut = isSpringMessage(output);
    Type inputType = messageIn ? fn4jMessageOf(input) : input;
    Type outputType = messageOut ? fn4jMessageOf(output) : output;
    Object adapted =
        switch (kind) {
          case FUNCTION -> {
            Function<Object, Object> function = (Function<Object, Object>) target;
            Function<Object, Object> wrapped =
                value -> {
                  Object in = messageIn ? toSpring((dev.fn4j.function.Message<?>) value) : value;
                  Object out = function.apply(in);
                  return messageOut && out != null ? toFn4j((Message<?>) out) : out;
                };
            yield wrapped;
          }
          case SUPPLIER -> {
            Supplier<Object> supplier = (Supplier<Object>) target;
            Supplier<Object> wrapped =
                () -> {
                  Object out = supplier.get();
                  return messageOut && out != null ? toFn4j((Message<?>) out) : out;
                };
            yield wrapped;
          }
          case CONSUMER -> {
            Consumer<Object> consumer = (Consumer<Object>) target;
            Consumer<Object> wrapped =
                value ->
                    consumer.accept(
                        messageIn ? toSpring((dev.fn4j.function.Message<?>) value) : value);
            yield wrapped;
          }
        };
    return new Adapted(adapted, inputType, outputType);
  }

  /**
   * Copies an fn4j message into a Spring one.
   *
   * @param message the fn4j message
   * @return the Spring message
   * @throws IllegalArgumentException when the message has no payload (Spring requires one)
   */
  static Message<?> toSpring(dev.fn4j.function.Message<?> message) {
    Object payload = message.payload();
    if (payload == null) {
      throw new IllegalArgumentException(
          "a Spring Message needs a payload, and the request has none");
    }
    Map<String, Object> headers = new LinkedHashMap<>();
    Headers source = message.headers();
    for (String name : source.names()) {
      List<String> values = source.all(name);
      headers.put(name, values.size() == 1 ? values.get(0) : List.copyOf(values));
    }
    return MessageBuilder.withPayload(payload).copyHeaders(headers).build();
  }

  /**
   * Copies a Spring message into an fn4j one.
   *
   * @param message the Spring message
   * @return the fn4j message
   */
  static dev.fn4j.function.Message<?> toFn4j(Message<?> message) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    message
        .getHeaders()
        .forEach(
            (name, value) -> {
              if (value != null
                  && !name.equals(MessageHeaders.ID)
                  && !name.equals(MessageHeaders.TIMESTAMP)) {
                List<String> values = values(value);
                if (!values.isEmpty()) {
                  headers.put(name, values);
                }
              }
            });
    return dev.fn4j.function.Message.of(message.getPayload(), Headers.of(headers));
  }

  private static List<String> values(Object value) {
    List<String> values = new ArrayList<>();
    if (value instanceof Iterable<?> many) {
      many.forEach(item -> addText(values, item));
    } else if (value.getClass().isArray()) {
      for (int i = 0; i < Array.getLength(value); i++) {
        addText(values, Array.get(value, i));
      }
    } else {
      addText(values, value);
    }
    return values;
  }

  private static void addText(List<String> values, Object item) {
    if (item != null) {
      values.add(item.toString());
    }
  }

  private static boolean isSpringMessage(Type type) {
    return type != null && ResolvableType.forType(type).toClass() == Message.class;
  }

  /** {@code Message<T>} of Spring becomes {@code Message<T>} of fn4j, payload type kept. */
  private static Type fn4jMessageOf(Type springMessage) {
    ResolvableType payload = ResolvableType.forType(springMessage).getGeneric(0);
    Class<?> raw = payload.resolve();
    ResolvableType argument =
        raw == null
            ? ResolvableType.forClass(Object.class)
            : ResolvableType.forType(payload.getType());
    return ResolvableType.forClassWithGenerics(dev.fn4j.function.Message.class, argument).getType();
  }
}
