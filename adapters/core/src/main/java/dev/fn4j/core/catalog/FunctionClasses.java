package dev.fn4j.core.catalog;

import dev.fn4j.function.FunctionName;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** Turns function objects and class names into {@link FunctionDefinition}s. */
final class FunctionClasses {

  private FunctionClasses() {}

  /**
   * Returns the default name of a function class: its {@link FunctionName}, or its simple name with
   * a lower-case first letter.
   */
  static String defaultName(Class<?> type) {
    FunctionName annotation = type.getAnnotation(FunctionName.class);
    if (annotation != null) {
      return annotation.value();
    }
    String simple = type.getSimpleName();
    if (simple.isEmpty()) {
      throw new CatalogException(
          "Class " + type.getName() + " has no simple name (anonymous or lambda): give it a name");
    }
    return simple.substring(0, 1).toLowerCase(Locale.ROOT) + simple.substring(1);
  }

  /** Defines a function from an object whose class declares its types. */
  static FunctionDefinition define(String name, Object function) {
    Class<?> type = function.getClass();
    if (type.isSynthetic() || type.getSimpleName().contains("$$Lambda")) {
      throw new CatalogException(
          "Function '"
              + name
              + "' is a lambda or method reference, which carries no type information: register"
              + " it with registry.function(name, inputType, outputType, fn)");
    }
    int shapes =
        (function instanceof Function<?, ?> ? 1 : 0)
            + (function instanceof Supplier<?> ? 1 : 0)
            + (function instanceof Consumer<?> ? 1 : 0);
    if (shapes != 1) {
      throw new CatalogException(
          "Class "
              + type.getName()
              + (shapes == 0
                  ? " does not implement Function, Supplier or Consumer"
                  : " implements more than one of Function, Supplier and Consumer")
              + " (function '"
              + name
              + "')");
    }
    if (function instanceof Function<?, ?>) {
      Type[] args = arguments(name, type, Function.class);
      return FunctionDefinition.of(name, FunctionKind.FUNCTION, function, args[0], args[1]);
    }
    if (function instanceof Supplier<?>) {
      Type[] args = arguments(name, type, Supplier.class);
      return FunctionDefinition.of(name, FunctionKind.SUPPLIER, function, null, args[0]);
    }
    Type[] args = arguments(name, type, Consumer.class);
    return FunctionDefinition.of(name, FunctionKind.CONSUMER, function, args[0], null);
  }

  private static Type[] arguments(String name, Class<?> type, Class<?> shape) {
    Type[] args =
        GenericTypes.argumentsOf(type, shape)
            .orElseThrow(
                () -> new CatalogException("Class " + type.getName() + " is not a " + shape));
    for (Type arg : args) {
      if (!GenericTypes.isConcrete(arg)) {
        throw new CatalogException(
            "Function '"
                + name
                + "': cannot resolve the type arguments of "
                + shape.getSimpleName()
                + " on "
                + type.getName()
                + " (found "
                + arg.getTypeName()
                + "); declare concrete types on the class or register it with explicit types");
      }
    }
    return args;
  }

  /** Loads and instantiates a function class named in configuration. */
  static Object instantiate(String className, ClassLoader loader) {
    Class<?> type;
    try {
      type = Class.forName(className, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new CatalogException(
          "FN4J_FUNCTION names '" + className + "', which is neither a function nor a class here");
    }
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      throw new CatalogException("Class " + className + " is abstract; it cannot be instantiated");
    }
    try {
      Constructor<?> constructor = type.getConstructor();
      return constructor.newInstance();
    } catch (NoSuchMethodException e) {
      throw new CatalogException(
          "Class "
              + className
              + " needs a public no-argument constructor to be used as a function");
    } catch (InvocationTargetException e) {
      throw new CatalogException("The constructor of " + className + " failed: " + e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new CatalogException("Class " + className + " cannot be instantiated: " + e);
    }
  }
}
