package dev.fn4j.samples.hello;

import dev.fn4j.function.FunctionRegistrar;
import dev.fn4j.function.FunctionRegistry;

/**
 * Lists the sample's functions for fn4j, with no scanning: this class is named in {@code
 * META-INF/services/dev.fn4j.function.FunctionRegistrar}.
 */
public final class HelloFunctions implements FunctionRegistrar {

  @Override
  public void register(FunctionRegistry registry) {
    registry
        .add(new Uppercase())
        .add(new Reverse())
        .add(new Greet())
        .add(new Fortune())
        .add(new Greetings());
  }
}
