package dev.fn4j.core.catalog;

import dev.fn4j.core.convert.DataType;
import dev.fn4j.function.BatchResult;
import dev.fn4j.function.HttpReply;
import dev.fn4j.function.Message;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A function's declared input and output, taken apart once at registration: the async or batch
 * {@link Shape}, whether a {@link Message} or {@link HttpReply} wraps the payload, and the
 * payload's {@link DataType}.
 *
 * @param inputShape how the input arrives ({@link Shape#PLAIN}, {@link Shape#MONO}, {@link
 *     Shape#FLUX} or {@link Shape#LIST})
 * @param inputMessage whether each input value is a {@code Message}
 * @param input the input payload type, of each element for {@link Shape#LIST} and {@link
 *     Shape#FLUX} ({@link DataType#VOID} for a supplier)
 * @param outputShape how the output leaves ({@link Shape#PLAIN}, {@link Shape#COMPLETION_STAGE},
 *     {@link Shape#MONO} or {@link Shape#FLUX})
 * @param outputWrapper what wraps the output payload
 * @param output the output payload type ({@link DataType#VOID} for a consumer)
 */
public record Signature(
    Shape inputShape,
    boolean inputMessage,
    DataType input,
    Shape outputShape,
    OutputWrapper outputWrapper,
    DataType output) {

  private static final String MONO = "reactor.core.publisher.Mono";
  private static final String FLUX = "reactor.core.publisher.Flux";

  /** What wraps an output payload. */
  public enum OutputWrapper {
    /** Nothing. */
    NONE,
    /** A {@link Message}: its headers become reply headers. */
    MESSAGE,
    /** An {@link HttpReply}: status, headers and cookies. */
    HTTP_REPLY,
    /** A {@link BatchResult}: per-item outcomes of a batch. */
    BATCH_RESULT
  }

  /**
   * Takes a declared input type apart.
   *
   * @param type the declared input type, or null for a supplier
   * @param output the declared output type, or null for a consumer
   * @return the signature
   * @throws IllegalArgumentException for a nesting the core does not support
   */
  static Signature of(Type type, Type output) {
    Shape inputShape = Shape.PLAIN;
    boolean message = false;
    DataType input = DataType.VOID;
    if (type != null) {
      Type inner = type;
      Class<?> raw = DataType.rawClass(inner);
      if (raw.getName().equals(MONO) || raw.getName().equals(FLUX) || raw == List.class) {
        inputShape =
            raw == List.class ? Shape.LIST : raw.getName().equals(MONO) ? Shape.MONO : Shape.FLUX;
        inner = argument(inner);
        raw = DataType.rawClass(inner);
      }
      if (raw == Message.class) {
        message = true;
        inner = argument(inner);
      }
      rejectWrappers(inner, "input");
      input = DataType.of(inner);
    }
    return withOutput(inputShape, message, input, output);
  }

  private static Signature withOutput(Shape inShape, boolean inMessage, DataType in, Type type) {
    Shape shape = Shape.PLAIN;
    OutputWrapper wrapper = OutputWrapper.NONE;
    DataType output = DataType.VOID;
    if (type != null) {
      Type inner = type;
      Class<?> raw = DataType.rawClass(inner);
      if (CompletionStage.class.isAssignableFrom(raw)) {
        shape = Shape.COMPLETION_STAGE;
      } else if (raw.getName().equals(MONO)) {
        shape = Shape.MONO;
      } else if (raw.getName().equals(FLUX)) {
        shape = Shape.FLUX;
      }
      if (shape != Shape.PLAIN) {
        inner = argument(inner);
        raw = DataType.rawClass(inner);
      }
      if (raw == Message.class) {
        wrapper = OutputWrapper.MESSAGE;
        inner = argument(inner);
      } else if (raw == HttpReply.class) {
        wrapper = OutputWrapper.HTTP_REPLY;
        inner = argument(inner);
      } else if (BatchResult.class.isAssignableFrom(raw)) {
        wrapper = OutputWrapper.BATCH_RESULT;
      }
      if (shape == Shape.FLUX && wrapper != OutputWrapper.NONE) {
        throw new IllegalArgumentException(
            "a Flux of "
                + raw.getSimpleName()
                + " would lose what the wrapper carries; return Flux<T>, or a "
                + raw.getSimpleName()
                + " of List<T>");
      }
      rejectWrappers(inner, "output");
      rejectNested(inner, type);
      output = DataType.of(inner);
    }
    return new Signature(inShape, inMessage, in, shape, wrapper, output);
  }

  private static Type argument(Type type) {
    if (type instanceof ParameterizedType parameterized) {
      return parameterized.getActualTypeArguments()[0];
    }
    throw new IllegalArgumentException(
        "the type argument of " + type.getTypeName() + " is missing (raw type)");
  }

  private static void rejectWrappers(Type type, String which) {
    Class<?> raw = DataType.rawClass(type);
    String name = raw.getName();
    if (raw == Message.class
        || raw == HttpReply.class
        || CompletionStage.class.isAssignableFrom(raw)
        || name.equals(MONO)
        || name.equals(FLUX)) {
      throw new IllegalArgumentException("unsupported " + which + " nesting " + type.getTypeName());
    }
  }

  /** Message, HttpReply and the context may not hide inside a payload type such as a List. */
  private static void rejectNested(Type inner, Type declared) {
    if (inner instanceof ParameterizedType parameterized) {
      for (Type argument : parameterized.getActualTypeArguments()) {
        Class<?> raw = DataType.rawClass(argument);
        if (raw == Message.class
            || raw == HttpReply.class
            || dev.fn4j.function.InvocationContext.class.isAssignableFrom(raw)) {
          throw new IllegalArgumentException(
              "unsupported output "
                  + declared.getTypeName()
                  + ": a "
                  + raw.getSimpleName()
                  + " can only wrap the whole output");
        }
        rejectNested(argument, declared);
      }
    }
  }

  /**
   * Tells whether the function wants the whole batch at once on a batch trigger.
   *
   * @return true for {@code List<T>} and {@code Flux<T>} inputs
   */
  public boolean takesWholeBatch() {
    return inputShape == Shape.LIST || inputShape == Shape.FLUX;
  }
}
