package dev.fn4j.samples.spring;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sample's settings under {@code hello.*}: a greeting per language and a motto.
 *
 * @param greetings the greeting of each ISO 639-1 language code; English must be there
 * @param motto what the {@code motto} supplier answers
 */
@ConfigurationProperties("hello")
public record GreetingProperties(Map<String, String> greetings, String motto) {

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException when there is no English greeting to fall back on
   */
  public GreetingProperties {
    greetings = greetings == null ? Map.of() : Map.copyOf(greetings);
    if (!greetings.containsKey("en")) {
      throw new IllegalArgumentException("hello.greetings.en is required: it is the fallback");
    }
    motto = motto == null ? "" : motto;
  }

  /**
   * Tells whether a language has a greeting.
   *
   * @param language the language code, may be null
   * @return true when configured
   */
  public boolean knows(String language) {
    return language != null && greetings.containsKey(language);
  }

  /**
   * Returns the greeting of a language.
   *
   * @param language a configured language
   * @return the greeting
   */
  public String in(String language) {
    return greetings.get(language);
  }
}
