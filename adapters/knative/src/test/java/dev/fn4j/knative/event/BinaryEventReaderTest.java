package dev.fn4j.knative.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.function.Headers;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BinaryEventReaderTest {

  static Headers.Builder required() {
    return Headers.builder()
        .add("Ce-Specversion", "1.0")
        .add("ce-id", "1")
        .add("CE-SOURCE", "/s")
        .add("ce-type", "t");
  }

  @Test
  void header_names_are_case_insensitive_and_values_percent_decoded() {
    CloudEvent event =
        BinaryEventReader.read(
            required()
                .add("ce-subject", "caf%C3%A9%20au%20lait")
                .add("Content-Type", "text/plain")
                .add("User-Agent", "x")
                .build(),
            "body".getBytes(StandardCharsets.UTF_8));
    assertThat(event.attributes())
        .containsEntry("specversion", "1.0")
        .containsEntry("source", "/s")
        .containsEntry("subject", "café au lait")
        .containsEntry("datacontenttype", "text/plain")
        .doesNotContainKey("user-agent");
    assertThat(event.data().asBytes()).isEqualTo("body".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void content_type_wins_over_a_stray_ce_datacontenttype() {
    CloudEvent withBoth =
        BinaryEventReader.read(
            required()
                .add("ce-datacontenttype", "application/xml")
                .add("Content-Type", "application/json")
                .build(),
            new byte[0]);
    assertThat(withBoth.dataContentType()).hasValue("application/json");
    CloudEvent strayOnly =
        BinaryEventReader.read(
            required().add("ce-datacontenttype", "application/xml").build(), new byte[0]);
    assertThat(strayOnly.dataContentType()).hasValue("application/xml");
  }

  @Test
  void a_repeated_attribute_and_a_missing_one_are_refused() {
    assertThatThrownBy(
            () -> BinaryEventReader.read(required().add("ce-id", "2").build(), new byte[0]))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("'id' is sent more than once");
    assertThatThrownBy(
            () ->
                BinaryEventReader.read(
                    Headers.builder().add("ce-id", "1").add("ce-type", "t").build(), new byte[0]))
        .hasMessageContaining("'specversion' is missing");
  }

  @Test
  void the_mode_comes_from_the_headers_alone() {
    assertThat(EventMode.detect(required().build())).hasValue(EventMode.BINARY);
    assertThat(
            EventMode.detect(
                Headers.builder()
                    .add("Content-Type", "application/cloudevents+json; charset=utf-8")
                    .build()))
        .hasValue(EventMode.STRUCTURED);
    assertThat(
            EventMode.detect(
                Headers.builder()
                    .add("Content-Type", "application/cloudevents-batch+json")
                    .build()))
        .hasValue(EventMode.BATCH);
    assertThat(EventMode.detect(Headers.builder().add("Content-Type", "text/plain").build()))
        .isEqualTo(Optional.empty());
    assertThat(EventMode.detect(Headers.builder().add("ce-type", "t").build()))
        .as("a partial event is still an event, to be refused as invalid")
        .hasValue(EventMode.BINARY);
  }
}
