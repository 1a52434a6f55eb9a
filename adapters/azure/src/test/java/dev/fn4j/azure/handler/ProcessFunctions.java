package dev.fn4j.azure.handler;

import dev.fn4j.function.FunctionRegistrar;
import dev.fn4j.function.FunctionRegistry;
import java.util.Locale;

/**
 * The application the child JVM of {@link CustomHandlerProcessTest} runs, found through {@code
 * META-INF/services/dev.fn4j.function.FunctionRegistrar} of the test resources: {@code uppercase},
 * and {@code fail}, which throws with the storage connection string of the app settings in its
 * exception's message (the worst a function can do: no answer may carry it).
 */
public final class ProcessFunctions implements FunctionRegistrar {

  @Override
  public void register(FunctionRegistry registry) {
    registry.function(
        "uppercase", String.class, String.class, text -> text.toUpperCase(Locale.ROOT));
    registry.function(
        "fail",
        String.class,
        String.class,
        text -> {
          throw new IllegalStateException(
              "cannot go on with " + System.getenv("AzureWebJobsStorage"));
        });
  }
}
