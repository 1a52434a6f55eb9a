package dev.fn4j.bench.spring;

import java.util.Locale;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The benchmark functions as beans of a Spring Boot application served by fn4j: the handler is
 * {@code dev.fn4j.aws.LambdaHandler}, which starts this application (the manifest's {@code
 * Start-Class}) and routes the API Gateway events by path. The beans are the scf module's, so the
 * two Spring variants differ only in the library that serves them.
 */
@SpringBootApplication
public class SpringBenchApplication {

  /** Creates the configuration; Spring calls this. */
  public SpringBenchApplication() {}

  /**
   * The {@code uppercase} function.
   *
   * @return text in, text upper-cased out
   */
  @Bean
  public Function<String, String> uppercase() {
    return text -> text.toUpperCase(Locale.ROOT);
  }

  /**
   * The {@code shout} function.
   *
   * @return a record in, both fields upper-cased out
   */
  @Bean
  public Function<Said, Said> shout() {
    return in -> new Said(upper(in.name()), upper(in.message()));
  }

  private static String upper(String value) {
    return value == null ? null : value.toUpperCase(Locale.ROOT);
  }

  /**
   * What is said: the {@code shout} function's input and output.
   *
   * @param name who speaks
   * @param message what they say
   */
  public record Said(String name, String message) {}
}
