package dev.fn4j.bench.http.fn4j;

import dev.fn4j.function.FunctionRegistrar;
import dev.fn4j.function.FunctionRegistry;

/**
 * Registers the HTTP benchmark's one function, {@code uppercase}; named in {@code
 * META-INF/services/dev.fn4j.function.FunctionRegistrar}.
 */
public final class HttpBenchFunctions implements FunctionRegistrar {

  @Override
  public void register(FunctionRegistry registry) {
    registry.add(new Uppercase());
  }
}
