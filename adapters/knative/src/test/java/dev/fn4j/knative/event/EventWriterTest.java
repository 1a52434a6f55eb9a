package dev.fn4j.knative.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.knative.event.EventWriter.OutgoingEvent;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventWriterTest {

  static Map<String, String> attributes() {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("specversion", "1.0");
    attributes.put("id", "r-1");
    attributes.put("source", "/svc/f");
    attributes.put("type", "f.output");
    return attributes;
  }

  static CloudEvent roundTrip(OutgoingEvent event) {
    return StructuredEventReader.readEvent(EventWriter.structured(event));
  }

  @Test
  void json_data_is_embedded_text_is_a_string_and_bytes_are_base64() {
    CloudEvent json =
        roundTrip(new OutgoingEvent(attributes(), "{\"a\":1}".getBytes(), "application/json"));
    assertThat(new String(json.data().asBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");

    byte[] xml = "<a>é</a>".getBytes(StandardCharsets.ISO_8859_1);
    CloudEvent text =
        roundTrip(new OutgoingEvent(attributes(), xml, "application/xml; charset=ISO-8859-1"));
    assertThat(text.data().asText(StandardCharsets.UTF_8)).isEqualTo("<a>é</a>");

    CloudEvent binary =
        roundTrip(
            new OutgoingEvent(attributes(), new byte[] {0, -1, 7}, "application/octet-stream"));
    assertThat(binary.data().asBytes()).containsExactly(0, -1, 7);
    assertThat(
            new String(
                EventWriter.structured(
                    new OutgoingEvent(
                        attributes(), new byte[] {0, -1, 7}, "application/octet-stream")),
                StandardCharsets.UTF_8))
        .contains("\"data_base64\":\"AP8H\"");
  }

  @Test
  void json_content_type_with_data_that_is_not_json_is_refused() {
    assertThatThrownBy(
            () ->
                EventWriter.structured(
                    new OutgoingEvent(attributes(), "not json".getBytes(), "application/json")))
        .isInstanceOf(EventWriter.NotJsonException.class);
  }

  @Test
  void binary_headers_are_percent_encoded_with_the_content_type_apart() {
    Map<String, String> attributes = attributes();
    attributes.put("subject", "a b");
    Map<String, String> headers = new LinkedHashMap<>();
    EventWriter.binaryHeaders(
        new OutgoingEvent(attributes, new byte[0], "text/plain"), headers::put);
    assertThat(headers)
        .containsEntry("ce-subject", "a%20b")
        .containsEntry("ce-id", "r-1")
        .containsEntry("Content-Type", "text/plain")
        .doesNotContainKey("ce-datacontenttype");
  }

  @Test
  void a_batch_is_an_array_the_reader_reads_back() {
    byte[] batch =
        EventWriter.batch(
            List.of(
                new OutgoingEvent(attributes(), "1".getBytes(), "application/json"),
                new OutgoingEvent(attributes(), new byte[0], null)));
    List<CloudEvent> events = StructuredEventReader.readBatch(batch);
    assertThat(events).hasSize(2);
    assertThat(events.get(1).data().isEmpty()).isTrue();
  }
}
