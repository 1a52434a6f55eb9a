package dev.fn4j.bench.http.scf;

import java.util.Locale;
import java.util.function.Function;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The HTTP benchmark's function as a Spring Cloud Function web application: {@code POST /uppercase}
 * with a JSON body, served by Tomcat. Spring Cloud Function passes the CloudEvent headers ({@code
 * ce-*}) through as message headers. {@code SERVER_PORT} and {@code SERVER_ADDRESS} place it;
 * everything else is as Spring ships it.
 */
@SpringBootApplication
public class ScfWebApplication {

  /**
   * Runs the application.
   *
   * @param args Spring Boot arguments
   */
  public static void main(String[] args) {
    SpringApplication.run(ScfWebApplication.class, args);
  }

  /**
   * The {@code uppercase} function.
   *
   * @return a greeting in, its message upper-cased out
   */
  @Bean
  public Function<Greeting, Greeting> uppercase() {
    return greeting ->
        new Greeting(
            greeting.message() == null ? null : greeting.message().toUpperCase(Locale.ROOT));
  }
}
