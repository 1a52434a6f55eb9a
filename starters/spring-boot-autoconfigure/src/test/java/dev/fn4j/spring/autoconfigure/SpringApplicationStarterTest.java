package dev.fn4j.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.CatalogException;
import dev.fn4j.core.convert.Payload;
import dev.fn4j.core.dispatch.FunctionRequest;
import dev.fn4j.core.platform.Environment;
import dev.fn4j.function.Headers;
import dev.fn4j.function.InvocationContext;
import dev.fn4j.function.Lifecycle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Starting a jar's Spring Boot application from the launcher or a vendor entry class: found from
 * {@code FN4J_MAIN_CLASS} or the manifest's {@code Start-Class}, started once without a web server,
 * its runtime handed over with its init hooks run.
 */
class SpringApplicationStarterTest {

  static final List<String> EVENTS = new CopyOnWriteArrayList<>();
  static final List<ConfigurableApplicationContext> STARTED = new CopyOnWriteArrayList<>();

  /** Keeps each started context so that the test can close it. */
  static class ContextKeeper implements ApplicationContextAware {
    @Override
    public void setApplicationContext(ApplicationContext context) {
      STARTED.add((ConfigurableApplicationContext) context);
    }
  }

  /** A Spring Boot application with one function bean and an init hook. */
  @SpringBootConfiguration(proxyBeanMethods = false)
  @ImportAutoConfiguration(Fn4jAutoConfiguration.class)
  static class Shop {
    @Bean
    Function<String, String> shout() {
      return text -> text.toUpperCase(Locale.ROOT) + "!";
    }

    @Bean
    Lifecycle warmUp() {
      return new Lifecycle() {
        @Override
        public void onInit() {
          EVENTS.add("init");
        }
      };
    }

    @Bean
    static ContextKeeper contextKeeper() {
      return new ContextKeeper();
    }
  }

  /** An application whose database bean cannot be created. */
  @SpringBootConfiguration(proxyBeanMethods = false)
  @ImportAutoConfiguration(Fn4jAutoConfiguration.class)
  static class Broken {
    @Bean
    Object database() {
      throw new IllegalStateException("no datasource here");
    }
  }

  /** An application without fn4j's auto-configuration. */
  @SpringBootConfiguration(proxyBeanMethods = false)
  static class WithoutFn4j {
    @Bean
    static ContextKeeper contextKeeper() {
      return new ContextKeeper();
    }
  }

  @TempDir Path folder;

  private final List<URLClassLoader> loaders = new ArrayList<>();

  @BeforeEach
  void clear() {
    EVENTS.clear();
  }

  @AfterEach
  void closeEverything() throws IOException {
    STARTED.forEach(ConfigurableApplicationContext::close);
    STARTED.clear();
    for (URLClassLoader loader : loaders) {
      loader.close();
    }
  }

  @Test
  void fn4j_main_class_names_the_application_whose_beans_are_served_after_its_init_hooks() {
    // when
    FunctionRuntime runtime =
        FunctionRuntime.start(
            Environment.of(Map.of("FN4J_MAIN_CLASS", Shop.class.getName())), testLoader());

    // then
    assertThat(runtime.catalog().find("shout")).isPresent();
    assertThat(call(runtime, "shout", "hey")).isEqualTo("HEY!");
    assertThat(EVENTS).containsExactly("init");
    assertThat(STARTED).hasSize(1);
    assertThat(STARTED.get(0).getClass().getSimpleName())
        .as("no web server of its own")
        .doesNotContain("Web");
  }

  @Test
  void the_start_class_of_the_jar_manifest_names_the_application() throws IOException {
    // given
    ClassLoader loader = loaderWithManifests(Shop.class.getName());

    // when
    FunctionRuntime runtime = FunctionRuntime.start(Environment.of(Map.of()), loader);

    // then
    assertThat(call(runtime, "shout", "jar")).isEqualTo("JAR!");
  }

  @Test
  void without_a_main_class_the_jar_is_not_a_spring_application_to_fn4j() {
    // when
    var started = new SpringApplicationStarter().start(Environment.of(Map.of()), testLoader());

    // then
    assertThat(started).isEmpty();
    assertThat(STARTED).isEmpty();
  }

  @Test
  void two_different_start_classes_ask_for_fn4j_main_class() throws IOException {
    // given
    ClassLoader loader = loaderWithManifests(Shop.class.getName(), Broken.class.getName());

    // then
    assertThatThrownBy(() -> new SpringApplicationStarter().start(Environment.of(Map.of()), loader))
        .hasMessageContaining("Several jars name a Spring Boot Start-Class")
        .hasMessageContaining(Shop.class.getName())
        .hasMessageContaining(Broken.class.getName())
        .hasMessageContaining("set FN4J_MAIN_CLASS");
  }

  @Test
  void fn4j_main_class_wins_over_the_manifests() throws IOException {
    // given
    ClassLoader loader = loaderWithManifests(Broken.class.getName(), WithoutFn4j.class.getName());

    // when
    FunctionRuntime runtime =
        FunctionRuntime.start(
            Environment.of(Map.of("FN4J_MAIN_CLASS", Shop.class.getName())), loader);

    // then
    assertThat(call(runtime, "shout", "x")).isEqualTo("X!");
  }

  @Test
  void an_application_class_that_is_not_there_is_named() {
    assertThatThrownBy(
            () ->
                FunctionRuntime.start(
                    Environment.of(Map.of("FN4J_MAIN_CLASS", "com.example.Missing")), testLoader()))
        .hasMessageStartingWith(
            "The Spring Boot application class 'com.example.Missing' cannot be loaded");
  }

  @Test
  void an_application_that_cannot_start_is_named_with_the_bean_and_reason_but_no_trace() {
    assertThatThrownBy(
            () ->
                FunctionRuntime.start(
                    Environment.of(Map.of("FN4J_MAIN_CLASS", Broken.class.getName())),
                    testLoader()))
        .hasMessage(
            "The Spring Boot application "
                + Broken.class.getName()
                + " did not start: bean 'database': no datasource here")
        .hasNoCause();
  }

  @Test
  void the_failure_of_an_application_fn4j_starts_is_logged_without_a_stack_trace() {
    // given
    PrintStream original = System.err;
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));

    // when
    try {
      FunctionRuntime.start(
          Environment.of(Map.of("FN4J_MAIN_CLASS", Broken.class.getName())), testLoader());
    } catch (IllegalStateException expected) {
      // asserted above
    } finally {
      System.setErr(original);
    }

    // then
    assertThat(logged.toString(StandardCharsets.UTF_8))
        .contains("bean 'database': no datasource here")
        .doesNotContain("\tat ")
        .doesNotContain("Caused by");
  }

  @Test
  void failures_of_applications_fn4j_did_not_start_are_left_to_spring() {
    assertThat(new StartFailureAnalyzer().analyze(new IllegalStateException("boom"))).isNull();
  }

  @Test
  void an_application_without_fn4j_s_auto_configuration_is_told_so() {
    assertThatThrownBy(
            () ->
                FunctionRuntime.start(
                    Environment.of(Map.of("FN4J_MAIN_CLASS", WithoutFn4j.class.getName())),
                    testLoader()))
        .hasMessageContaining("has no fn4j FunctionRuntime bean")
        .hasMessageContaining("Fn4jAutoConfiguration excluded");
    assertThat(STARTED).allMatch(context -> !context.isActive());
  }

  @Test
  void a_catalog_failure_is_analysed_as_a_misconfiguration() {
    // given
    CatalogException cause = new CatalogException("Bean 'raw': the type arguments ...");

    // when
    FailureAnalysis analysis =
        new CatalogFailureAnalyzer()
            .analyze(new BeanCreationException("fn4jFunctionCatalog", cause));

    // then
    assertThat(analysis.getDescription())
        .isEqualTo("fn4j cannot build the function catalog: Bean 'raw': the type arguments ...");
    assertThat(analysis.getAction()).contains("fn4j.function");
  }

  private static ClassLoader testLoader() {
    return SpringApplicationStarterTest.class.getClassLoader();
  }

  /** A loader that sees the test classes and one jar per Start-Class, holding only a manifest. */
  private ClassLoader loaderWithManifests(String... startClasses) throws IOException {
    List<URL> jars = new ArrayList<>();
    for (int i = 0; i < startClasses.length; i++) {
      Manifest manifest = new Manifest();
      manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
      manifest.getMainAttributes().putValue("Main-Class", "dev.fn4j.launcher.Main");
      manifest.getMainAttributes().putValue("Start-Class", startClasses[i]);
      Path jar = folder.resolve("app-" + i + ".jar");
      try (OutputStream out = Files.newOutputStream(jar);
          JarOutputStream ignored = new JarOutputStream(out, manifest)) {
        // the manifest is the whole jar
      }
      jars.add(jar.toUri().toURL());
    }
    URLClassLoader loader = new URLClassLoader(jars.toArray(URL[]::new), testLoader());
    loaders.add(loader);
    return loader;
  }

  private static String call(FunctionRuntime runtime, String name, String body) {
    byte[] bytes =
        runtime
            .dispatcher()
            .call(
                runtime.router().byName(name),
                new FunctionRequest(
                    Payload.ofText(body), Headers.empty(), InvocationContext.local(name)))
            .bytes();
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
