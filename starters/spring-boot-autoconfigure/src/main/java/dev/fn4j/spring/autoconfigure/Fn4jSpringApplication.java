package dev.fn4j.spring.autoconfigure;

import dev.fn4j.core.platform.Environment;
import dev.fn4j.launcher.Main;

/**
 * The {@code main} of a Spring Boot application served by fn4j, for running it from an IDE or a
 * build tool where no jar manifest names it:
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   Fn4jSpringApplication.run(Shop.class, args);
 * }
 * }</pre>
 *
 * <p>It does what {@code java -jar} does with a packaged function jar ({@link Main}): detects the
 * platform, starts the application once without a web server of its own, and serves its functions
 * (on {@code localhost:8080} when no cloud is detected). The arguments reach Spring, so {@code
 * --fn4j.function=checkout} works. The process ends when serving ends.
 */
public final class Fn4jSpringApplication {

  private Fn4jSpringApplication() {}

  /**
   * Starts the application and serves its functions until the process is stopped.
   *
   * @param application the {@code @SpringBootApplication} class
   * @param args the command line, for Spring
   */
  public static void run(Class<?> application, String... args) {
    String variable = SpringApplicationStarter.MAIN_CLASS;
    if (Environment.system().value(variable).isEmpty()) {
      System.setProperty(Environment.propertyName(variable), application.getName());
    }
    SpringApplicationStarter.useArguments(args);
    Main.main(args);
  }
}
