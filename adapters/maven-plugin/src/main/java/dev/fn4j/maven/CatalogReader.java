package dev.fn4j.maven;

import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.FunctionCatalog;
import dev.fn4j.core.catalog.FunctionDefinition;
import dev.fn4j.core.catalog.FunctionKind;
import dev.fn4j.core.platform.ApplicationStarter;
import dev.fn4j.core.platform.Environment;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Reads the functions of a built application from its class path, the way the vendor entry points
 * find them: a plain jar's registrars (nothing is started; the registrars only list functions), or,
 * when an {@link ApplicationStarter} recognises the application (the Spring Boot starter, with
 * {@code FN4J_MAIN_CLASS} set), the application it starts, without a web server. Neither runs the
 * {@code onInit} hooks.
 */
final class CatalogReader {

  private CatalogReader() {}

  /**
   * Reads the catalog.
   *
   * @param loader the application's class path
   * @param mainClass the Spring Boot application class, or null for a plain jar
   * @return every function, in catalog order
   * @throws RuntimeException when the application's functions cannot be listed (the core's message
   *     says why)
   */
  static List<CatalogEntry> read(ClassLoader loader, String mainClass) {
    Environment environment =
        mainClass == null
            ? Environment.of(Map.of())
            : Environment.of(Map.of("FN4J_MAIN_CLASS", mainClass));
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      for (ApplicationStarter starter : ServiceLoader.load(ApplicationStarter.class, loader)) {
        Optional<FunctionRuntime> started = starter.start(environment, loader);
        if (started.isPresent()) {
          return entries(started.get().catalog());
        }
      }
      return entries(FunctionCatalog.load(loader, null));
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static List<CatalogEntry> entries(FunctionCatalog catalog) {
    return catalog.functions().stream()
        .map(f -> new CatalogEntry(f.name(), isSupplier(f)))
        .toList();
  }

  private static boolean isSupplier(FunctionDefinition function) {
    return function.kind() == FunctionKind.SUPPLIER;
  }
}
