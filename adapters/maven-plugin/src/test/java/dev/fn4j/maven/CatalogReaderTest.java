package dev.fn4j.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The plugin reads a plain application's functions from its class path, in isolation from Maven's
 * own classes, without starting anything.
 */
class CatalogReaderTest {

  private static URL testClasses() throws Exception {
    return Path.of("target/test-classes").toAbsolutePath().toUri().toURL();
  }

  @Test
  void the_registrars_functions_are_listed_with_their_kind() throws Exception {
    try (ProjectClassLoader loader =
        new ProjectClassLoader(
            new URL[] {testClasses()}, CatalogReaderTest.class.getClassLoader())) {
      assertThat(CatalogReader.read(loader, null))
          .containsExactly(new CatalogEntry("uppercase", false), new CatalogEntry("fortune", true));
    }
  }

  @Test
  void the_application_does_not_see_the_plugins_class_path_beyond_fn4j() throws Exception {
    try (ProjectClassLoader loader =
        new ProjectClassLoader(
            new URL[] {testClasses()}, CatalogReaderTest.class.getClassLoader())) {
      assertThat(loader.loadClass("dev.fn4j.function.FunctionRegistrar"))
          .isSameAs(dev.fn4j.function.FunctionRegistrar.class);
      assertThat(loader.loadClass(TestFunctions.class.getName())).isNotSameAs(TestFunctions.class);
      assertThatThrownBy(() -> loader.loadClass("org.assertj.core.api.Assertions"))
          .isInstanceOf(ClassNotFoundException.class);
    }
  }

  @Test
  void a_spring_application_class_that_is_not_there_is_an_error_only_with_the_starter()
      throws Exception {
    try (ProjectClassLoader loader =
        new ProjectClassLoader(
            new URL[] {testClasses()}, CatalogReaderTest.class.getClassLoader())) {
      // no ApplicationStarter on this class path: the main class is not looked for
      assertThat(CatalogReader.read(loader, "com.example.Shop")).hasSize(2);
      // the quiet logging settings for a Spring start are gone again after the read
      assertThat(System.getProperty("logging.level.root")).isNull();
      assertThat(System.getProperty("spring.main.log-startup-info")).isNull();
    }
  }
}
