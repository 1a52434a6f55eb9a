package dev.fn4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The event value the fake records and sends, and its wire encodings. */
class KnativeBrokerFakeMessageTest {

  @Test
  void the_builder_sets_the_attributes_and_copies_the_data() {
    byte[] data = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    CloudEventMessage event =
        CloudEventMessage.builder()
            .id("1")
            .source("/s")
            .type("t")
            .subject("sub")
            .time("2024-01-02T03:04:05Z")
            .extension("traceparent", "00-abc-def-01")
            .data("application/json", data)
            .build();
    data[0] = 'X';

    assertThat(event.mode()).isEqualTo(CloudEventMessage.Mode.BINARY);
    assertThat(event.specVersion()).isEqualTo("1.0");
    assertThat(event.attributes())
        .containsExactly(
            Map.entry("datacontenttype", "application/json"),
            Map.entry("id", "1"),
            Map.entry("source", "/s"),
            Map.entry("specversion", "1.0"),
            Map.entry("subject", "sub"),
            Map.entry("time", "2024-01-02T03:04:05Z"),
            Map.entry("traceparent", "00-abc-def-01"),
            Map.entry("type", "t"));
    assertThat(event.extensions()).containsOnlyKeys("traceparent");
    assertThat(event.dataContentType()).hasValue("application/json");
    assertThat(event.dataAsString()).isEqualTo("{\"a\":1}");
    event.data()[0] = 'Y';
    assertThat(event.dataAsString()).isEqualTo("{\"a\":1}");
    assertThat(event.httpHeaders()).isEmpty();
    assertThat(event.httpHeader("ce-id")).isEmpty();
    assertThatThrownBy(() -> event.attributes().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void an_event_needs_its_required_attributes_and_valid_names() {
    assertThatThrownBy(() -> CloudEventMessage.builder().id("1").type("t").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[source]");
    assertThatThrownBy(() -> CloudEventMessage.builder().id("").source("/s").type("t").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[id]");
    assertThatThrownBy(
            () ->
                CloudEventMessage.builder()
                    .id("1")
                    .source("/s")
                    .type("t")
                    .extension("Not-Valid", "x")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Not-Valid");
  }

  @Test
  void the_data_content_type_and_its_attribute_always_agree() {
    Map<String, String> attributes =
        Map.of("id", "1", "source", "/s", "specversion", "1.0", "type", "t");
    CloudEventMessage fromParameter =
        new CloudEventMessage(
            CloudEventMessage.Mode.BINARY,
            attributes,
            Optional.of("text/plain"),
            new byte[0],
            Map.of());
    CloudEventMessage fromAttribute =
        new CloudEventMessage(
            CloudEventMessage.Mode.BINARY,
            Map.of(
                "id",
                "1",
                "source",
                "/s",
                "specversion",
                "1.0",
                "type",
                "t",
                "datacontenttype",
                "text/plain"),
            Optional.empty(),
            new byte[0],
            Map.of());

    assertThat(fromParameter.attribute("datacontenttype")).hasValue("text/plain");
    assertThat(fromAttribute.dataContentType()).hasValue("text/plain");
    assertThat(fromParameter).isEqualTo(fromAttribute).hasSameHashCodeAs(fromAttribute);
    assertThatThrownBy(
            () ->
                new CloudEventMessage(
                    CloudEventMessage.Mode.BINARY,
                    fromAttribute.attributes(),
                    Optional.of("application/json"),
                    new byte[0],
                    Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("contradicts");
  }

  @Test
  void equality_compares_the_data_by_content() {
    CloudEventMessage one =
        CloudEventMessage.builder().id("1").source("/s").type("t").data("text/plain", "x").build();
    CloudEventMessage same =
        CloudEventMessage.builder().id("1").source("/s").type("t").data("text/plain", "x").build();
    CloudEventMessage other =
        CloudEventMessage.builder().id("1").source("/s").type("t").data("text/plain", "y").build();

    assertThat(one).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other);
    assertThat(one.toString()).isEqualTo("BINARY " + one.attributes() + " data: x");
  }

  @Test
  void data_as_string_follows_the_charset_of_the_content_type() {
    CloudEventMessage latin1 =
        CloudEventMessage.builder()
            .id("1")
            .source("/s")
            .type("t")
            .data("text/plain; charset=ISO-8859-1", new byte[] {'c', 'a', 'f', (byte) 0xe9})
            .build();

    assertThat(latin1.dataAsString()).isEqualTo("café");
  }

  @Test
  void header_values_are_percent_encoded_as_the_http_binding_asks_and_decoded_back() {
    String value = "a b\"c%d é 😀 ~!";

    String encoded = CloudEventWriter.percentEncode(value);

    assertThat(encoded).isEqualTo("a%20b%22c%25d%20%C3%A9%20%F0%9F%98%80%20~!");
    assertThat(CloudEventReader.percentDecode(encoded)).isEqualTo(value);
    assertThat(CloudEventReader.percentDecode("50%")).isEqualTo("50%");
    assertThat(CloudEventReader.percentDecode("%zz%4")).isEqualTo("%zz%4");
    assertThat(CloudEventReader.percentDecode("plain")).isEqualTo("plain");
  }

  @Test
  void each_mode_writes_what_the_reader_reads_back() throws Exception {
    CloudEventMessage event =
        CloudEventMessage.builder()
            .id("round-trip")
            .source("/s")
            .type("t")
            .subject("with space é")
            .extension("count", "3")
            .data("application/json", "{\"n\":[1,2]}")
            .build();

    for (CloudEventMessage.Mode mode : CloudEventMessage.Mode.values()) {
      CloudEventWriter.HttpMessage message = CloudEventWriter.write(event, mode);
      Map<String, List<String>> headers =
          message.headers().entrySet().stream()
              .collect(
                  java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));

      List<CloudEventMessage> read = CloudEventReader.read(headers, message.body());

      assertThat(read).hasSize(1);
      assertThat(read.get(0).mode()).isEqualTo(mode);
      assertThat(read.get(0).attributes()).isEqualTo(event.attributes());
      assertThat(read.get(0).dataAsString()).isEqualTo("{\"n\":[1,2]}");
    }
  }

  @Test
  void spec_0_3_binary_data_is_written_with_datacontentencoding() throws Exception {
    CloudEventMessage event =
        CloudEventMessage.builder()
            .specVersion("0.3")
            .id("old")
            .source("/s")
            .type("t")
            .data("application/octet-stream", new byte[] {1, 2, 3})
            .build();

    CloudEventWriter.HttpMessage message =
        CloudEventWriter.write(event, CloudEventMessage.Mode.STRUCTURED);

    assertThat(new String(message.body(), StandardCharsets.UTF_8))
        .contains("\"datacontentencoding\":\"base64\"")
        .contains("\"data\":\"AQID\"");
    CloudEventMessage read =
        CloudEventReader.read(
                Map.of("Content-Type", List.of("application/cloudevents+json")), message.body())
            .get(0);
    assertThat(read.data()).containsExactly(1, 2, 3);
  }
}
