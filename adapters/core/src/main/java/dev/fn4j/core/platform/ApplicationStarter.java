package dev.fn4j.core.platform;

import dev.fn4j.core.FunctionRuntime;
import java.util.Optional;

/**
 * Starts an application that owns its functions, such as a Spring Boot application whose functions
 * are beans, and hands its runtime to the adapters. Found with {@link java.util.ServiceLoader} from
 * {@code META-INF/services/dev.fn4j.core.platform.ApplicationStarter}; the Spring Boot starters
 * bring one. {@link FunctionRuntime#start} asks each starter in turn; the first that recognises the
 * application starts it, and with none, the functions come from the {@code FunctionRegistrar}s.
 *
 * <p>A starter is asked once per process: the vendor entry classes and the launcher share the
 * runtime it returns, so the application is never started twice.
 */
public interface ApplicationStarter {

  /**
   * Starts the application when it is this starter's kind.
   *
   * @param environment the process's settings
   * @param loader where the application's classes are
   * @return the started application's runtime, or empty when the application is not this starter's
   *     kind
   * @throws RuntimeException when the application is this starter's kind but cannot start; the
   *     message says why, naming the application
   */
  Optional<FunctionRuntime> start(Environment environment, ClassLoader loader);
}
