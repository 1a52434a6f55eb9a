package dev.fn4j.function;

/**
 * Registers a jar's functions without classpath scanning: list the implementing class in {@code
 * META-INF/services/dev.fn4j.function.FunctionRegistrar} and every fn4j adapter finds it through
 * {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * public final class MyFunctions implements FunctionRegistrar {
 *   public void register(FunctionRegistry registry) {
 *     registry
 *         .add(new Uppercase())                                      // types read from the class
 *         .function("greet", Person.class, Greeting.class, Greeting::of); // a lambda, types given
 *   }
 * }
 * }</pre>
 *
 * <p>Implementations need a public no-argument constructor and should do nothing slow: they run at
 * start-up, before the first invocation.
 */
@FunctionalInterface
public interface FunctionRegistrar {

  /**
   * Adds functions to the registry.
   *
   * @param registry the registry to add to
   */
  void register(FunctionRegistry registry);
}
