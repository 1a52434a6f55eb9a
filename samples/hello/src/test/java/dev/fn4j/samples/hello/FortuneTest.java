package dev.fn4j.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.samples.hello.Fortune.Saying;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FortuneTest {

  @Test
  void fortune_supplies_the_sayings_in_turn_and_starts_again_after_the_last() {
    // given
    Fortune fortune = new Fortune();

    // when
    List<Saying> sayings = Stream.generate(fortune).limit(7).toList();

    // then
    assertThat(sayings).extracting(Saying::number).containsExactly(1, 2, 3, 1, 2, 3, 1);
    assertThat(sayings.get(3)).isEqualTo(sayings.get(0));
    assertThat(sayings.subList(0, 3)).extracting(Saying::text).doesNotHaveDuplicates();
  }

  @Test
  void the_first_saying_is_the_first_of_the_rotation() {
    assertThat(new Fortune().get()).isEqualTo(new Saying(1, "Write it once, run it anywhere."));
  }

  @Test
  void each_fortune_keeps_its_own_place_in_the_rotation() {
    // given
    Fortune first = new Fortune();
    Fortune second = new Fortune();
    first.get();
    first.get();

    // when / then
    assertThat(second.get().number()).isEqualTo(1);
    assertThat(first.get().number()).isEqualTo(3);
  }
}
