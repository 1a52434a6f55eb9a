package dev.fn4j.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GreetingsTest {

  static Greetings.Published published(String base64) {
    return new Greetings.Published(
        new Greetings.Message(base64, Map.of(), "42", "2026-11-29T10:00:00Z"),
        "projects/p/subscriptions/s");
  }

  @Test
  void greetsTheNameInTheMessage() {
    assertThat(new Greetings().apply(published("QWRh"))).isEqualTo("Hello, Ada!");
  }

  @Test
  void anEmptyNameGreetsNobody() {
    assertThat(new Greetings().apply(published(""))).isEqualTo("Hello, nobody!");
  }

  @Test
  void aMessageWithoutDataIsRefused() {
    assertThatThrownBy(() -> new Greetings().apply(published(null)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
