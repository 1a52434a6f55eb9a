package dev.fn4j.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostValuesTest {

  @Test
  void the_hosts_json_in_a_string_layer_is_removed_once_and_plain_values_stay() {
    assertThat(HostValues.unwrap("\"hello\"")).isEqualTo("hello");
    assertThat(HostValues.unwrap("1")).isEqualTo(1L);
    assertThat(HostValues.unwrap("{\"a\":1}")).isEqualTo(Map.of("a", 1L));
    assertThat(HostValues.unwrap("hello")).isEqualTo("hello");
    assertThat(HostValues.unwrap("{ message: \"not json\" }"))
        .isEqualTo("{ message: \"not json\" }");
    assertThat(HostValues.unwrap(List.of("x"))).isEqualTo(List.of("x"));
  }

  @Test
  void a_binary_body_that_is_not_base64_is_refused_not_guessed_as_text() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> HostValues.httpBody("not base64!", Optional.of("application/octet-stream")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the application/octet-stream body is not base64, as the Functions host sends binary"
                + " bodies");
  }

  @Test
  void binary_and_multipart_bodies_are_base64_and_others_are_text() {
    assertThat(HostValues.httpBody("AAEC", Optional.of("application/octet-stream")))
        .containsExactly(0, 1, 2);
    assertThat(HostValues.httpBody("AAEC", Optional.of("text/plain")))
        .isEqualTo("AAEC".getBytes(StandardCharsets.UTF_8));
    assertThat(HostValues.httpBody(null, Optional.empty())).isEmpty();
    assertThat(HostValues.httpBody(Map.of("a", 1L), Optional.of("application/json")))
        .isEqualTo("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void a_blob_trigger_is_known_by_its_metadata() {
    assertThat(HostValues.isBlob(Map.of("Uri", "https://x", "Properties", Map.of()))).isTrue();
    assertThat(HostValues.isBlob(Map.of("DequeueCount", "1"))).isFalse();
  }

  @Test
  void event_grid_schema_attributes_take_cloudevents_names() {
    Map<String, String> attributes =
        EventGridEvents.attributes(
            Map.of(
                "id", "e-1",
                "topic", "/subscriptions/s/resourceGroups/g",
                "subject", "/blobServices/default/containers/c/blobs/b.txt",
                "eventType", "Microsoft.Storage.BlobCreated",
                "eventTime", "2026-01-01T00:00:00Z",
                "dataVersion", "1",
                "data", Map.of("api", "PutBlob")));
    assertThat(attributes)
        .containsEntry("specversion", "1.0")
        .containsEntry("type", "Microsoft.Storage.BlobCreated")
        .containsEntry("source", "/subscriptions/s/resourceGroups/g")
        .containsEntry("time", "2026-01-01T00:00:00Z")
        .containsEntry("dataversion", "1")
        .doesNotContainKey("data");
    assertThat(EventGridEvents.attributes(Map.of("anything", "else"))).isEmpty();
  }
}
