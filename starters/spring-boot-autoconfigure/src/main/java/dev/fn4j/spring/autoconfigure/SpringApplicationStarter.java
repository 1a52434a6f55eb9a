package dev.fn4j.spring.autoconfigure;

import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.platform.ApplicationStarter;
import dev.fn4j.core.platform.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Manifest;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Starts the jar's Spring Boot application once, inside whatever runs the jar (the launcher, the
 * Lambda runtime, Google's invoker, FC's or Azure's Java worker), and hands its {@link
 * FunctionRuntime} bean to the adapters. So a Spring Boot application needs no entry class of its
 * own: the vendor entry classes of DESIGN.md stay the same.
 *
 * <p>The application class is the one {@code FN4J_MAIN_CLASS} (or {@code -Dfn4j.main.class}) names,
 * else the {@code Start-Class} of the jar's manifest. Without either the jar is not a Spring Boot
 * application to fn4j, and its functions come from the registrars as usual.
 *
 * <p>The application runs without a web server of its own ({@code spring.main.web-application-type
 * =none} unless the application's properties say otherwise): fn4j's adapters serve the functions.
 */
public final class SpringApplicationStarter implements ApplicationStarter {

  /** The variable naming the application class, when the manifest does not. */
  static final String MAIN_CLASS = "FN4J_MAIN_CLASS";

  private static final String START_CLASS = "Start-Class";

  /** The command line {@link Fn4jSpringApplication#run} was given, for Spring. */
  private static volatile String[] arguments = new String[0];

  /** Set while this starter runs an application, on the thread that runs it. */
  private static final ThreadLocal<Boolean> STARTING = new ThreadLocal<>();

  /** Creates the starter; {@link java.util.ServiceLoader} calls this. */
  public SpringApplicationStarter() {}

  /**
   * Tells whether fn4j is starting a Spring Boot application on this thread.
   *
   * @return true while {@link #start} runs the application
   */
  static boolean isStarting() {
    return STARTING.get() != null;
  }

  /**
   * Keeps the command line for the application this starter will run.
   *
   * @param commandLine the arguments of {@code main}
   */
  static void useArguments(String... commandLine) {
    arguments = commandLine.clone();
  }

  @Override
  public Optional<FunctionRuntime> start(Environment environment, ClassLoader loader) {
    Optional<String> name = applicationClassName(environment, loader);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    Class<?> application = load(name.get(), loader);
    return Optional.of(run(application, loader));
  }

  private static Optional<String> applicationClassName(
      Environment environment, ClassLoader loader) {
    Optional<String> configured = environment.value(MAIN_CLASS);
    if (configured.isPresent()) {
      return configured;
    }
    Set<String> named = startClasses(loader);
    if (named.size() > 1) {
      throw new IllegalStateException(
          "Several jars name a Spring Boot Start-Class "
              + named
              + "; set "
              + MAIN_CLASS
              + " to the application's class");
    }
    return named.stream().findFirst();
  }

  /** The {@code Start-Class} of every manifest on the class path; a jar has one at most. */
  private static Set<String> startClasses(ClassLoader loader) {
    Set<String> named = new TreeSet<>();
    try {
      Enumeration<URL> manifests = loader.getResources("META-INF/MANIFEST.MF");
      while (manifests.hasMoreElements()) {
        try (InputStream in = manifests.nextElement().openStream()) {
          String value = new Manifest(in).getMainAttributes().getValue(START_CLASS);
          if (value != null && !value.isBlank()) {
            named.add(value.trim());
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("The jar manifests cannot be read: " + e.getMessage(), e);
    }
    return named;
  }

  private static Class<?> load(String name, ClassLoader loader) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException(
          "The Spring Boot application class '" + name + "' cannot be loaded: " + e, e);
    }
  }

  private static FunctionRuntime run(Class<?> application, ClassLoader loader) {
    SpringApplication spring =
        new SpringApplication(new DefaultResourceLoader(loader), application);
    spring.setMainApplicationClass(application);
    spring.setWebApplicationType(WebApplicationType.NONE);
    spring.setBannerMode(Banner.Mode.OFF);
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    ConfigurableApplicationContext context;
    STARTING.set(Boolean.TRUE);
    try {
      context = spring.run(arguments);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "The Spring Boot application "
              + application.getName()
              + " did not start: "
              + StartFailureAnalyzer.reason(e),
          null);
    } finally {
      STARTING.remove();
      thread.setContextClassLoader(previous);
    }
    try {
      return context.getBean(FunctionRuntime.class);
    } catch (NoSuchBeanDefinitionException e) {
      context.close();
      throw new IllegalStateException(
          "The Spring Boot application "
              + application.getName()
              + " has no fn4j FunctionRuntime bean: is "
              + Fn4jAutoConfiguration.class.getSimpleName()
              + " excluded?");
    }
  }
}
