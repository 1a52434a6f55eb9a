package dev.fn4j.function;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where a {@link FunctionRegistrar} adds its functions. Names must be unique and may hold letters,
 * digits, {@code -}, {@code _} and {@code .}; a clash or an invalid name fails start-up with a
 * message naming both registrations.
 *
 * <p>Instances of classes that implement {@link Function}, {@link Supplier} or {@link Consumer}
 * have their input and output types read from their generic interfaces. Lambdas and method
 * references carry no such types, so they are registered with explicit types; use {@link TypeRef}
 * for generic ones such as {@code List<Order>}.
 */
public interface FunctionRegistry {

  /**
   * Adds a function object, named after its class ({@code Uppercase} becomes {@code uppercase})
   * unless the class carries {@link FunctionName}.
   *
   * @param function an instance of a class implementing {@code Function}, {@code Supplier} or
   *     {@code Consumer} with resolvable type arguments
   * @return this registry
   */
  FunctionRegistry add(Object function);

  /**
   * Adds a function object under a name.
   *
   * @param name the function name
   * @param function an instance of a class implementing {@code Function}, {@code Supplier} or
   *     {@code Consumer} with resolvable type arguments
   * @return this registry
   */
  FunctionRegistry add(String name, Object function);

  /**
   * Adds a function with explicit types.
   *
   * @param name the function name
   * @param input the input type
   * @param output the output type
   * @param function the function
   * @param <I> the input type
   * @param <O> the output type
   * @return this registry
   */
  <I, O> FunctionRegistry function(
      String name, TypeRef<I> input, TypeRef<O> output, Function<I, O> function);

  /**
   * Adds a function with explicit, non-generic types.
   *
   * @param name the function name
   * @param input the input class
   * @param output the output class
   * @param function the function
   * @param <I> the input type
   * @param <O> the output type
   * @return this registry
   */
  default <I, O> FunctionRegistry function(
      String name, Class<I> input, Class<O> output, Function<I, O> function) {
    return function(name, TypeRef.of(input), TypeRef.of(output), function);
  }

  /**
   * Adds a supplier with an explicit output type.
   *
   * @param name the function name
   * @param output the output type
   * @param supplier the supplier
   * @param <O> the output type
   * @return this registry
   */
  <O> FunctionRegistry supplier(String name, TypeRef<O> output, Supplier<O> supplier);

  /**
   * Adds a consumer with an explicit input type.
   *
   * @param name the function name
   * @param input the input type
   * @param consumer the consumer
   * @param <I> the input type
   * @return this registry
   */
  <I> FunctionRegistry consumer(String name, TypeRef<I> input, Consumer<I> consumer);

  /**
   * Adds lifecycle hooks that are not a function themselves.
   *
   * @param hooks the hooks
   * @return this registry
   */
  FunctionRegistry lifecycle(Lifecycle hooks);
}
