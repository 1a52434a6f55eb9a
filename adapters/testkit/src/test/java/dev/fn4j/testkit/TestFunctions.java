package dev.fn4j.testkit;

import dev.fn4j.function.FunctionRegistrar;
import dev.fn4j.function.FunctionRegistry;
import dev.fn4j.function.TypeRef;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The testkit tests' "application": listed in {@code META-INF/services} of the test resources, so
 * that {@code @LocalRunner} without registrars finds it as the launcher would.
 */
public final class TestFunctions implements FunctionRegistrar {

  @Override
  public void register(FunctionRegistry registry) {
    AtomicInteger count = new AtomicInteger();
    registry
        .function("shout", String.class, String.class, text -> text.toUpperCase(Locale.ROOT) + "!")
        .supplier("count", TypeRef.of(Integer.class), count::incrementAndGet);
  }

  /** Another registrar, named in {@code @LocalRunner(registrars = ...)}. */
  public static final class Whisper implements FunctionRegistrar {
    @Override
    public void register(FunctionRegistry registry) {
      registry.function(
          "whisper", String.class, String.class, text -> text.toLowerCase(Locale.ROOT) + "...");
    }
  }
}
