package dev.fn4j.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A function is plain Java: no fn4j needed to test it. */
class UppercaseTest {

  private final Uppercase uppercase = new Uppercase();

  @ParameterizedTest(name = "''{0}'' becomes ''{1}''")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "hi                  | HI",
        "Hello, World!       | HELLO, WORLD!",
        "already UPPER 123   | ALREADY UPPER 123",
        "straße              | STRASSE",
        "\"\"                | \"\"",
      })
  void uppercase_capitalises_every_letter_and_leaves_the_rest(String input, String expected) {
    // when
    String result = uppercase.apply(input);

    // then
    assertThat(result).isEqualTo(expected);
  }
}
