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

  /**
   * A Spring Boot application started only to list its beans logs at WARN, without its start-up
   * lines: the build's output is Maven's (the user's own settings win).
   */
  private static final Map<String, String> QUIET_SPRING =
      Map.of("logging.level.root", "warn", "spring.main.log-startup-info", "false");

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
    Map<String, String> quiet = mainClass == null ? Map.of() : QUIET_SPRING;
    Map<String, String> before = setUnlessSet(quiet);
    try {
      for (ApplicationStarter starter : ServiceLoader.load(ApplicationStarter.class, loader)) {
        Optional<FunctionRuntime> started = starter.start(environment, loader);
        if (started.isPresent()) {
          return entries(started.get().catalog());
        }
      }
      return entries(FunctionCatalog.load(loader, null));
    } finally {
      restore(before);
      thread.setContextClassLoader(previous);
    }
  }

  /**
   * Sets each property the user has not set, for the time of the read.
   *
   * @return the properties set, to be cleared again
   */
  private static Map<String, String> setUnlessSet(Map<String, String> properties) {
    Map<String, String> set = new java.util.LinkedHashMap<>();
    properties.forEach(
        (name, value) -> {
          if (System.getProperty(name) == null) {
            System.setProperty(name, value);
            set.put(name, value);
          }
        });
    return set;
  }

  private static void restore(Map<String, String> set) {
    set.keySet().forEach(System::clearProperty);
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
