package dev.fn4j.bench.fn4j;

import dev.fn4j.function.FunctionRegistrar;
import dev.fn4j.function.FunctionRegistry;

/**
 * Registers the benchmark functions, {@code uppercase} and {@code shout}; named in {@code
 * META-INF/services/dev.fn4j.function.FunctionRegistrar}.
 */
public final class BenchFunctions implements FunctionRegistrar {

  @Override
  public void register(FunctionRegistry registry) {
    registry.add(new Uppercase()).add(new Shout());
  }
}
