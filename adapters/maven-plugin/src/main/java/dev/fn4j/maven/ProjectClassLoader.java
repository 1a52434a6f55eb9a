package dev.fn4j.maven;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Objects;

/**
 * The built application's class path (its classes and runtime dependencies) in isolation from
 * Maven's: the JDK as parent, so that Maven's own SLF4J, Guice and the like never meet the
 * application's; only fn4j's core and API come from the plugin, so the catalog the plugin reads is
 * made of types it knows. Use the same fn4j version for the plugin and the application (the BOM).
 */
final class ProjectClassLoader extends URLClassLoader {

  private static final String[] SHARED = {
    "dev.fn4j.core.", "dev.fn4j.function.", "dev.fn4j.launcher."
  };

  private final ClassLoader fn4j;

  ProjectClassLoader(URL[] classPath, ClassLoader fn4j) {
    super("fn4j-project", classPath, ClassLoader.getPlatformClassLoader());
    this.fn4j = Objects.requireNonNull(fn4j, "fn4j");
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    for (String prefix : SHARED) {
      if (name.startsWith(prefix)) {
        return fn4j.loadClass(name);
      }
    }
    return super.loadClass(name, resolve);
  }
}
