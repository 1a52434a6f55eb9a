package dev.fn4j.samples.hello;

import java.util.Map;
import java.util.function.Function;

/** Greets a person in their language: a record in, a record out, JSON on the wire. */
public final class Greet implements Function<Greet.Person, Greet.Greeting> {

  private static final Map<String, String> HELLO =
      Map.of("en", "Hello", "de", "Hallo", "fr", "Bonjour", "es", "Hola", "zh", "你好");

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

  @Override
  public Greeting apply(Person person) {
    if (person.name() == null || person.name().isBlank()) {
      throw new IllegalArgumentException("a person needs a name");
    }
    String language =
        person.language() != null && HELLO.containsKey(person.language())
            ? person.language()
            : "en";
    return new Greeting(HELLO.get(language) + ", " + person.name().strip() + "!", language);
  }
}
