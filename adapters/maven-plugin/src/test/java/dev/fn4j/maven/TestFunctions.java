package dev.fn4j.maven;

import dev.fn4j.function.FunctionRegistrar;
import dev.fn4j.function.FunctionRegistry;
import dev.fn4j.function.TypeRef;
import java.util.Locale;

/** A registrar the catalog reader finds through this module's test {@code META-INF/services}. */
public final class TestFunctions implements FunctionRegistrar {

  @Override
  public void register(FunctionRegistry registry) {
    registry
        .function("uppercase", String.class, String.class, text -> text.toUpperCase(Locale.ROOT))
        .supplier("fortune", TypeRef.of(String.class), () -> "good luck");
  }
}
