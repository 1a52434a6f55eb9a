package dev.fn4j.core.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code java.time} and {@code Optional} fields work in function types although the plain mapper
 * does not load Jackson's modules for them: such types move to the mapper that has them.
 */
class JsonCodecJavaTimeTest {

  record Booking(String guest, Instant at, LocalDate day, Duration stay, Optional<String> note) {}

  record Plain(String name, int count) {}

  private final JsonCodec codec = JsonCodec.instance();

  @Test
  void readsJavaTimeAndOptionalFields() {
    // when
    Object value =
        codec.read(
            Payload.ofText(
                "{\"guest\":\"Ada\",\"at\":\"2026-11-29T10:15:30Z\",\"day\":\"2026-12-01\","
                    + "\"stay\":\"PT48H\",\"note\":\"late\"}"),
            Booking.class);

    // then
    assertThat(value)
        .isEqualTo(
            new Booking(
                "Ada",
                Instant.parse("2026-11-29T10:15:30Z"),
                LocalDate.of(2026, 12, 1),
                Duration.ofHours(48),
                Optional.of("late")));
  }

  @Test
  void writesJavaTimeAsIsoTextAndOptionalAsItsValue() {
    // given
    Booking booking =
        new Booking(
            "Ada",
            Instant.parse("2026-11-29T10:15:30Z"),
            LocalDate.of(2026, 12, 1),
            Duration.ofHours(48),
            Optional.empty());

    // when
    String json = codec.write(booking);

    // then
    assertThat(json)
        .isEqualTo(
            "{\"guest\":\"Ada\",\"at\":\"2026-11-29T10:15:30Z\",\"day\":\"2026-12-01\","
                + "\"stay\":\"PT48H\",\"note\":null}");
  }

  @Test
  void aTypeWithoutJavaTimeStaysOnThePlainMapperAndStillReportsItsErrors() {
    assertThat(codec.read(Payload.ofText("{\"name\":\"a\",\"count\":2}"), Plain.class))
        .isEqualTo(new Plain("a", 2));
    assertThatThrownBy(() -> codec.read(Payload.ofText("{\"count\":\"many\"}"), Plain.class))
        .isInstanceOf(JsonCodec.JsonDecodeException.class)
        .hasMessageContaining("count");
  }

  @Test
  void aMalformedInstantIsADecodeErrorNotAMissingModule() {
    assertThatThrownBy(
            () ->
                codec.read(
                    Payload.ofText("{\"guest\":\"Ada\",\"at\":\"yesterday\"}"), Booking.class))
        .isInstanceOf(JsonCodec.JsonDecodeException.class)
        .hasMessageContaining("yesterday");
  }
}
