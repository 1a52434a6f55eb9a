package dev.fn4j.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.samples.hello.Greet.Greeting;
import dev.fn4j.samples.hello.Greet.Person;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class GreetTest {

  private final Greet greet = new Greet();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "en, 'Hello, Ada!'",
    "de, 'Hallo, Ada!'",
    "fr, 'Bonjour, Ada!'",
    "es, 'Hola, Ada!'",
    "zh, '你好, Ada!'",
  })
  void greet_answers_in_the_persons_language(String language, String message) {
    // when
    Greeting greeting = greet.apply(new Person("Ada", language));

    // then
    assertThat(greeting).isEqualTo(new Greeting(message, language));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "xx", "EN", "klingon"})
  void an_unknown_language_falls_back_to_english(String language) {
    assertThat(greet.apply(new Person("Ada", language)))
        .isEqualTo(new Greeting("Hello, Ada!", "en"));
  }

  @Test
  void a_missing_language_falls_back_to_english() {
    assertThat(greet.apply(new Person("Ada", null))).isEqualTo(new Greeting("Hello, Ada!", "en"));
  }

  @Test
  void the_name_is_stripped_of_surrounding_blanks() {
    assertThat(greet.apply(new Person("  Ada \n", "de")).message()).isEqualTo("Hallo, Ada!");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n"})
  @NullAndEmptySource
  void a_blank_or_missing_name_is_refused(String name) {
    assertThatThrownBy(() -> greet.apply(new Person(name, "en")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a person needs a name");
  }
}
