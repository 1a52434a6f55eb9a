package dev.fn4j.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * The function settings an {@link FcHostFake} reports on every request, as Function Compute does in
 * its common request headers: name ({@code x-fc-function-name}), handler ({@code
 * x-fc-function-handler}), memory ({@code x-fc-function-memory}, in MB), timeout ({@code
 * x-fc-function-timeout}, in seconds), initializer ({@code x-fc-function-initializer}) and its
 * timeout ({@code x-fc-initialization-timeout}, in seconds). For a custom runtime or a custom
 * container the handler and initializer names mean nothing (FC's documentation says to set any
 * string); they are sent all the same.
 *
 * <p>Immutable; the {@code with} methods return copies.
 *
 * @param name the function name, also {@code FC_FUNCTION_NAME}
 * @param handler the handler string, also {@code FC_FUNCTION_HANDLER}
 * @param memoryMb the memory size in MB, also {@code FC_FUNCTION_MEMORY_SIZE}
 * @param timeout the execution timeout, sent in whole seconds
 * @param initializer the initializer handler; empty when the function has no initializer, and then
 *     neither initializer header is sent
 * @param initializationTimeout the initializer's timeout, sent in whole seconds
 */
public record FcFunction(
    String name,
    String handler,
    int memoryMb,
    Duration timeout,
    String initializer,
    Duration initializationTimeout) {

  /**
   * Checks the settings.
   *
   * @param name the function name
   * @param handler the handler string
   * @param memoryMb the memory size in MB
   * @param timeout the execution timeout
   * @param initializer the initializer handler, or empty
   * @param initializationTimeout the initializer's timeout
   * @throws IllegalArgumentException when the name is blank, the memory is not positive, or a
   *     timeout is not a positive number of whole seconds
   */
  public FcFunction {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(initializer, "initializer");
    if (name.isBlank()) {
      throw new IllegalArgumentException("A function needs a name");
    }
    if (memoryMb <= 0) {
      throw new IllegalArgumentException("Memory must be positive, not " + memoryMb + " MB");
    }
    checkSeconds(timeout, "timeout");
    checkSeconds(initializationTimeout, "initializationTimeout");
  }

  /**
   * Returns the settings an {@link FcHostFake} uses unless told otherwise.
   *
   * @return {@code fn4j-test}, handler {@code index.handler}, 512 MB, 60 s, initializer {@code
   *     index.initializer} with 30 s
   */
  public static FcFunction defaults() {
    return new FcFunction(
        "fn4j-test",
        "index.handler",
        512,
        Duration.ofSeconds(60),
        "index.initializer",
        Duration.ofSeconds(30));
  }

  /**
   * Returns a copy with another name.
   *
   * @param newName the function name
   * @return the copy
   */
  public FcFunction withName(String newName) {
    return new FcFunction(newName, handler, memoryMb, timeout, initializer, initializationTimeout);
  }

  /**
   * Returns a copy with another memory size.
   *
   * @param newMemoryMb the memory size in MB
   * @return the copy
   */
  public FcFunction withMemoryMb(int newMemoryMb) {
    return new FcFunction(name, handler, newMemoryMb, timeout, initializer, initializationTimeout);
  }

  /**
   * Returns a copy with another execution timeout.
   *
   * @param newTimeout the timeout, in whole seconds
   * @return the copy
   */
  public FcFunction withTimeout(Duration newTimeout) {
    return new FcFunction(name, handler, memoryMb, newTimeout, initializer, initializationTimeout);
  }

  /**
   * Returns a copy with another initializer.
   *
   * @param newInitializer the initializer handler; empty for none
   * @param newTimeout the initializer's timeout, in whole seconds
   * @return the copy
   */
  public FcFunction withInitializer(String newInitializer, Duration newTimeout) {
    return new FcFunction(name, handler, memoryMb, timeout, newInitializer, newTimeout);
  }

  /**
   * Tells whether the function has an initializer.
   *
   * @return false when {@link #initializer()} is empty
   */
  public boolean hasInitializer() {
    return !initializer.isEmpty();
  }

  private static void checkSeconds(Duration duration, String what) {
    Objects.requireNonNull(duration, what);
    if (duration.isNegative() || duration.isZero() || duration.toNanos() % 1_000_000_000L != 0) {
      throw new IllegalArgumentException(
          what + " must be a positive number of whole seconds, not " + duration);
    }
  }
}
