package dev.fn4j.knative.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.core.convert.Payload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StructuredEventReaderTest {

  static final String REQUIRED =
      "\"specversion\":\"1.0\",\"id\":\"A-1\",\"source\":\"/orders\",\"type\":\"com.acme.created\"";

  static CloudEvent read(String members) {
    return StructuredEventReader.readEvent(
        ("{" + REQUIRED + members + "}").getBytes(StandardCharsets.UTF_8));
  }

  static String text(Payload payload) {
    return payload.asText(StandardCharsets.UTF_8);
  }

  @Test
  void json_data_is_kept_as_json_text_and_typed_extensions_become_strings() {
    CloudEvent event =
        read(
            ",\"datacontenttype\":\"application/json\",\"data\":{\"a\":[1,2]},"
                + "\"flag\":true,\"count\":-7,\"label\":\"x\",\"subject\":null");
    assertThat(text(event.data())).isEqualTo("{\"a\":[1,2]}");
    assertThat(event.attributes())
        .containsEntry("flag", "true")
        .containsEntry("count", "-7")
        .containsEntry("label", "x")
        .doesNotContainKey("subject");
    assertThat(event.id()).isEqualTo("A-1");
    assertThat(event.type()).isEqualTo("com.acme.created");
  }

  @Test
  void without_a_content_type_data_is_json_and_a_json_string_keeps_its_quotes() {
    assertThat(text(read(",\"data\":\"hi\"").data())).isEqualTo("\"hi\"");
  }

  @Test
  void string_data_of_a_text_type_is_the_text_itself() {
    CloudEvent event = read(",\"datacontenttype\":\"application/xml\",\"data\":\"<a>é</a>\"");
    assertThat(event.data()).isInstanceOf(Payload.Text.class);
    assertThat(text(event.data())).isEqualTo("<a>é</a>");
  }

  @Test
  void data_base64_is_decoded_to_bytes() {
    CloudEvent event =
        read(",\"datacontenttype\":\"application/octet-stream\",\"data_base64\":\"AAEC/w==\"");
    assertThat(event.data().asBytes()).containsExactly(0, 1, 2, 255);
  }

  @Test
  void spec_0_3_base64_data_is_decoded() {
    CloudEvent event =
        StructuredEventReader.readEvent(
            ("{\"specversion\":\"0.3\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\","
                    + "\"datacontentencoding\":\"Base64\",\"data\":\"aGk=\"}")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(text(event.data())).isEqualTo("hi");
    assertThat(event.specVersion()).isEqualTo("0.3");
  }

  @Test
  void an_event_without_data_has_an_empty_payload() {
    assertThat(read("").data().isEmpty()).isTrue();
    assertThat(read(",\"data\":null").data().isEmpty()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "decimal extension | ,\"decimal\":42.42 | decimal number",
        "object extension | ,\"ext\":{\"a\":1} | JSON object or array",
        "int64 extension | ,\"big\":4294967296 | 32-bit",
        "both data members | ,\"data\":1,\"data_base64\":\"AA==\" | not both",
        "bad base64 | ,\"data_base64\":\"***\" | not valid base64",
        "upper-case name | ,\"Bad\":\"x\" | attribute name 'Bad'",
        "duplicate member | ,\"id\":\"again\" | Duplicate",
        "bad time | ,\"time\":\"yesterday\" | RFC 3339",
        "relative dataschema | ,\"dataschema\":\"schemas/a\" | absolute URI",
        "json data for text type | ,\"datacontenttype\":\"text/plain\",\"data\":{} | not JSON",
        "trailing content | }{ | after the JSON document",
        "numeric subject | ,\"subject\":5 | 'subject' must be a JSON string",
        "february 30 | ,\"time\":\"2018-02-30T00:00:00Z\" | RFC 3339",
        "hour 24 | ,\"time\":\"2018-02-03T24:00:00Z\" | RFC 3339",
      })
  void malformed_events_are_refused_with_a_reason(String label, String members, String reason) {
    assertThatThrownBy(() -> read(members))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void required_attributes_must_be_json_strings() {
    assertThatThrownBy(
            () ->
                StructuredEventReader.readEvent(
                    "{\"specversion\":\"1.0\",\"id\":5,\"source\":\"/\",\"type\":\"t\"}"
                        .getBytes()))
        .hasMessageContaining("'id' must be a JSON string");
  }

  @Test
  void required_attributes_are_checked() {
    assertThatThrownBy(
            () -> StructuredEventReader.readEvent("{\"specversion\":\"1.0\"}".getBytes()))
        .hasMessageContaining("'id' is missing");
    assertThatThrownBy(
            () ->
                StructuredEventReader.readEvent(
                    "{\"specversion\":\"1.0\",\"id\":\"\",\"source\":\"/\",\"type\":\"t\"}"
                        .getBytes()))
        .hasMessageContaining("'id' is empty");
    assertThatThrownBy(() -> StructuredEventReader.readEvent("[]".getBytes()))
        .hasMessageContaining("JSON object");
    assertThatThrownBy(() -> StructuredEventReader.readEvent("{".getBytes()))
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void a_batch_is_read_in_order_and_a_bad_element_is_named_by_position() {
    String one = "{" + REQUIRED + ",\"data\":1}";
    List<CloudEvent> events =
        StructuredEventReader.readBatch(("[" + one + "," + one + "]").getBytes());
    assertThat(events).hasSize(2);
    assertThat(text(events.get(1).data())).isEqualTo("1");
    assertThatThrownBy(() -> StructuredEventReader.readBatch(("[" + one + ",3]").getBytes()))
        .hasMessageContaining("event 1 of the batch");
    assertThatThrownBy(() -> StructuredEventReader.readBatch("{}".getBytes()))
        .hasMessageContaining("JSON array");
  }
}
