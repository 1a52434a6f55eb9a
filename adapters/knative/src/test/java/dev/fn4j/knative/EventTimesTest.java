package dev.fn4j.knative;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class EventTimesTest {

  @Property
  void the_hand_formatted_time_is_what_java_time_writes_at_millisecond_precision(
      @ForAll @LongRange(min = 0L, max = 253402300799999L) long epochMillis) {
    Instant instant = Instant.ofEpochMilli(epochMillis);
    String expected = instant.truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", "");
    String millis = String.format("%03d", epochMillis % 1000);
    assertThat(EventTimes.format(epochMillis)).isEqualTo(expected + "." + millis + "Z");
  }

  @Test
  void the_same_second_reuses_its_text_and_the_next_second_moves_on() {
    assertThat(EventTimes.format(1_700_000_000_000L)).isEqualTo("2023-11-14T22:13:20.000Z");
    assertThat(EventTimes.format(1_700_000_000_999L)).isEqualTo("2023-11-14T22:13:20.999Z");
    assertThat(EventTimes.format(1_700_000_001_005L)).isEqualTo("2023-11-14T22:13:21.005Z");
  }
}
