package dev.fn4j.core.catalog;

import java.lang.reflect.Type;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One registered function: its name, kind, declared types (resolved once, at registration) and the
 * user object that does the work. Immutable and thread-safe as far as the user object is.
 */
public final class FunctionDefinition {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._$-]{0,255}");

  private final String name;
  private final FunctionKind kind;
  private final Object target;
  private final Type inputType;
  private final Type outputType;
  private final Signature signature;

  private FunctionDefinition(
      String name, FunctionKind kind, Object target, Type inputType, Type outputType) {
    this.name = checkName(name);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.target = Objects.requireNonNull(target, "function");
    this.inputType = inputType;
    this.outputType = outputType;
    try {
      this.signature = Signature.of(inputType, outputType);
    } catch (IllegalArgumentException e) {
      throw new CatalogException("Function '" + name + "': " + e.getMessage());
    }
  }

  /**
   * Defines a function, supplier or consumer with explicit types.
   *
   * @param name the function name
   * @param kind its kind
   * @param target the {@code Function}, {@code Supplier} or {@code Consumer}
   * @param inputType the declared input type; null for a supplier
   * @param outputType the declared output type; null for a consumer
   * @return the definition
   * @throws CatalogException when the name, the target or the types do not fit
   */
  public static FunctionDefinition of(
      String name, FunctionKind kind, Object target, Type inputType, Type outputType) {
    Class<?> expected =
        switch (kind) {
          case FUNCTION -> Function.class;
          case SUPPLIER -> Supplier.class;
          case CONSUMER -> Consumer.class;
        };
    if (!expected.isInstance(target)) {
      throw new CatalogException(
          "Function '"
              + name
              + "' is registered as a "
              + kind.label()
              + " but "
              + target.getClass().getName()
              + " does not implement "
              + expected.getName());
    }
    return new FunctionDefinition(name, kind, target, inputType, outputType);
  }

  static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new CatalogException(
          "Invalid function name '"
              + name
              + "': use 1 to 256 letters, digits, '.', '_', '$' or '-', starting with a letter or"
              + " digit");
    }
    return name;
  }

  /**
   * Calls the user object: {@code apply}, {@code get} or {@code accept}.
   *
   * @param input the converted input; ignored by a supplier
   * @return the raw output; null for a consumer
   */
  @SuppressWarnings("unchecked")
  public Object call(Object input) {
    return switch (kind) {
      case FUNCTION -> ((Function<Object, Object>) target).apply(input);
      case SUPPLIER -> ((Supplier<Object>) target).get();
      case CONSUMER -> {
        ((Consumer<Object>) target).accept(input);
        yield null;
      }
    };
  }

  /**
   * Returns the name.
   *
   * @return the function name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the kind.
   *
   * @return function, supplier or consumer
   */
  public FunctionKind kind() {
    return kind;
  }

  /**
   * Returns the user object.
   *
   * @return the target
   */
  public Object target() {
    return target;
  }

  /**
   * Returns the declared input type.
   *
   * @return the type; {@code Void} for a supplier
   */
  public Type inputType() {
    return inputType == null ? Void.class : inputType;
  }

  /**
   * Returns the declared output type.
   *
   * @return the type; {@code Void} for a consumer
   */
  public Type outputType() {
    return outputType == null ? Void.class : outputType;
  }

  /**
   * Returns the declared types taken apart.
   *
   * @return the signature
   */
  public Signature signature() {
    return signature;
  }

  @Override
  public String toString() {
    return kind.label()
        + " "
        + name
        + ": "
        + inputType().getTypeName()
        + " -> "
        + outputType().getTypeName();
  }
}
