package dev.fn4j.samples.spring;

import dev.fn4j.spring.autoconfigure.Fn4jSpringApplication;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application whose function beans fn4j serves: the same functions as the plain-Java
 * sample, written the Spring way ({@code @Bean} lambdas, a component, configuration properties).
 * Packaged, its jar runs unchanged on every cloud through fn4j's entry points; the manifest's
 * {@code Start-Class} names this class.
 */
@SpringBootApplication
@EnableConfigurationProperties(GreetingProperties.class)
public class HelloSpringApplication {

  /** Creates the configuration; Spring calls this. */
  public HelloSpringApplication() {}

  /**
   * Serves the functions, on {@code localhost:8080} when no cloud is detected.
   *
   * @param args the command line, for Spring ({@code --fn4j.function=greet})
   */
  public static void main(String[] args) {
    Fn4jSpringApplication.run(HelloSpringApplication.class, args);
  }

  /**
   * Upper-cases text: a {@code String} in, a {@code String} out, never parsed as JSON.
   *
   * @return the function
   */
  @Bean
  public Function<String, String> uppercase() {
    return text -> text.toUpperCase(Locale.ROOT);
  }

  /**
   * Greets a person in their language: a record in, a record out, JSON on the wire.
   *
   * @param greetings the greeting of each language, from {@code application.properties}
   * @return the function
   */
  @Bean
  public Function<Person, Greeting> greet(GreetingProperties greetings) {
    return person -> {
      if (person.name() == null || person.name().isBlank()) {
        throw new IllegalArgumentException("a person needs a name");
      }
      String language = greetings.knows(person.language()) ? person.language() : "en";
      return new Greeting(greetings.in(language) + ", " + person.name().strip() + "!", language);
    };
  }

  /**
   * Supplies the application's motto: a supplier, invoked with GET.
   *
   * @param greetings where the motto is configured
   * @return the supplier
   */
  @Bean
  public Supplier<String> motto(GreetingProperties greetings) {
    return greetings::motto;
  }

  /**
   * Who to greet.
   *
   * @param name the person's name
   * @param language an ISO 639-1 code; English when absent or unknown
   */
  public record Person(String name, String language) {}

  /**
   * The greeting.
   *
   * @param message the greeting text
   * @param language the language it is in
   */
  public record Greeting(String message, String language) {}
}
