package dev.fn4j.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.samples.spring.HelloSpringApplication.Greeting;
import dev.fn4j.samples.spring.HelloSpringApplication.Person;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The sample's functions as plain Java: no Spring context, no fn4j. */
class HelloSpringFunctionsTest {

  private final HelloSpringApplication application = new HelloSpringApplication();
  private final GreetingProperties greetings =
      new GreetingProperties(Map.of("en", "Hello", "de", "Hallo"), "Be brief.");

  @Test
  void greet_answers_in_the_person_s_language_and_falls_back_to_english() {
    Function<Person, Greeting> greet = application.greet(greetings);

    assertThat(greet.apply(new Person(" Ada ", "de"))).isEqualTo(new Greeting("Hallo, Ada!", "de"));
    assertThat(greet.apply(new Person("Ada", "fi"))).isEqualTo(new Greeting("Hello, Ada!", "en"));
    assertThat(greet.apply(new Person("Ada", null))).isEqualTo(new Greeting("Hello, Ada!", "en"));
  }

  @Test
  void greet_refuses_a_person_without_a_name() {
    assertThatThrownBy(() -> application.greet(greetings).apply(new Person(" ", "en")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a person needs a name");
  }

  @Test
  void the_settings_need_an_english_greeting() {
    assertThatThrownBy(() -> new GreetingProperties(Map.of("de", "Hallo"), null))
        .hasMessageContaining("hello.greetings.en is required");
  }

  @Test
  void uppercase_reverse_and_motto() {
    assertThat(application.uppercase().apply("straße")).isEqualTo("STRASSE");
    assertThat(new Reverse().apply("ab\uD83D\uDE00c")).isEqualTo("c\uD83D\uDE00ba");
    assertThat(application.motto(greetings).get()).isEqualTo("Be brief.");
  }
}
