package dev.fn4j.core.dispatch;

import dev.fn4j.core.catalog.FunctionDefinition;
import dev.fn4j.core.catalog.Signature;
import dev.fn4j.core.convert.DataType;
import dev.fn4j.core.convert.JsonCodec;
import dev.fn4j.core.convert.MediaTypes;
import dev.fn4j.core.convert.Payload;
import dev.fn4j.core.reactive.ReactiveSupport;
import dev.fn4j.function.Message;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Converts a request payload to a function's declared input (DESIGN.md §5); DECODE phase. */
final class InputDecoder {

  private InputDecoder() {}

  /** Decodes a single request for a function of any input shape. */
  static Object decode(FunctionDefinition function, FunctionRequest request, ReactiveSupport rx) {
    Signature signature = function.signature();
    return switch (signature.inputShape()) {
      case PLAIN, COMPLETION_STAGE -> element(function, request);
      case MONO -> rx.mono(element(function, request));
      case LIST -> list(function, request);
      case FLUX -> rx.flux(list(function, request));
    };
  }

  /** Decodes one value (a batch item, or a plain input), wrapped in a Message when declared. */
  static Object element(FunctionDefinition function, FunctionRequest request) {
    Signature signature = function.signature();
    Object value = value(function.name(), signature.input(), request);
    if (signature.inputMessage()) {
      return Message.of(
          value, request.headers(), request.context().withFunctionName(function.name()));
    }
    return value;
  }

  /** On a single request, a List or Flux input reads the body as a JSON array. */
  private static List<?> list(FunctionDefinition function, FunctionRequest request) {
    String name = function.name();
    DataType element = function.signature().input();
    List<?> values = (List<?>) json(name, element.type(), request, true);
    if (!function.signature().inputMessage()) {
      return values;
    }
    List<Object> messages = new ArrayList<>(values.size());
    for (Object value : values) {
      messages.add(Message.of(value, request.headers(), request.context().withFunctionName(name)));
    }
    return messages;
  }

  private static Object value(String name, DataType type, FunctionRequest request) {
    Payload payload = request.payload();
    return switch (type.kind()) {
      case BYTES -> payload.asBytes();
      case BYTE_BUFFER -> ByteBuffer.wrap(payload.asBytes()).asReadOnlyBuffer();
      case INPUT_STREAM -> new ByteArrayInputStream(payload.asBytes());
      case TEXT -> text(name, payload, request.contentType());
      case VOID -> null;
      case JSON -> {
        Optional<?> raw = vendorEvent(type, request);
        yield raw.isPresent() ? raw.get() : json(name, type.type(), request, false);
      }
    };
  }

  /** A function that declares a vendor event type gets the adapter's raw event itself. */
  private static Optional<?> vendorEvent(DataType type, FunctionRequest request) {
    Class<?> raw = type.rawClass();
    if (raw.getName().startsWith("java.") || raw.isPrimitive()) {
      return Optional.empty();
    }
    return request.context().unwrap(raw);
  }

  private static Object json(
      String name, java.lang.reflect.Type type, FunctionRequest request, boolean asList) {
    String contentType = request.contentType();
    if (!MediaTypes.acceptsJson(contentType)) {
      throw FunctionException.unsupportedMediaType(
          name,
          "content type '"
              + contentType
              + "' cannot be read as "
              + (asList ? "a JSON array of " : "JSON for ")
              + type.getTypeName()
              + "; send application/json");
    }
    if (request.payload().isEmpty()) {
      throw FunctionException.badInput(
          name, "the body is empty; expected JSON for " + describe(type, asList));
    }
    try {
      JsonCodec codec = JsonCodec.instance();
      Object value =
          asList ? codec.readList(request.payload(), type) : codec.read(request.payload(), type);
      if (value == null) {
        throw FunctionException.badInput(
            name, "the body is JSON null; expected " + describe(type, asList));
      }
      return value;
    } catch (JsonCodec.JsonDecodeException e) {
      throw FunctionException.badInput(
          name, "the body is not JSON for " + describe(type, asList) + ": " + e.getMessage());
    }
  }

  private static String describe(java.lang.reflect.Type type, boolean asList) {
    return asList ? "a list of " + type.getTypeName() : type.getTypeName();
  }

  private static String text(String name, Payload payload, String contentType) {
    if (payload instanceof Payload.Text text) {
      return text.text();
    }
    Charset charset;
    try {
      charset = MediaTypes.charset(contentType);
    } catch (IllegalArgumentException e) {
      throw FunctionException.unsupportedMediaType(name, e.getMessage());
    }
    String text = payload.asText(charset);
    if (text.indexOf('\uFFFD') >= 0) {
      checkStrictly(name, payload.asBytes(), charset);
    }
    return text;
  }

  private static void checkStrictly(String name, byte[] bytes, Charset charset) {
    try {
      CharBuffer unused =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes));
      assert unused != null;
    } catch (CharacterCodingException e) {
      throw FunctionException.badInput(name, "the body is not valid " + charset.name() + " text");
    }
  }
}
