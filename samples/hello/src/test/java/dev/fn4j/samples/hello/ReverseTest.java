package dev.fn4j.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReverseTest {

  private final Reverse reverse = new Reverse();

  @Test
  void reverse_returns_the_characters_in_reverse_order() {
    assertThat(reverse.apply("hello")).isEqualTo("olleh");
  }

  @Test
  void reverse_keeps_a_surrogate_pair_together() {
    // given: U+1F600 is two UTF-16 chars, a high and a low surrogate
    String text = "a\uD83D\uDE00b";

    // when
    String reversed = reverse.apply(text);

    // then
    assertThat(reversed).isEqualTo("b\uD83D\uDE00a");
    assertThat(reversed.codePoints().toArray()).containsExactly('b', 0x1F600, 'a');
  }

  @Test
  void reverse_of_an_empty_text_is_empty() {
    assertThat(reverse.apply("")).isEmpty();
  }

  @Test
  void reversing_twice_gives_the_original_text() {
    String text = "Grüße, 你好 \uD83D\uDE00!";

    assertThat(reverse.apply(reverse.apply(text))).isEqualTo(text);
  }
}
