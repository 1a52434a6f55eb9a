package dev.fn4j.testkit;

import static dev.fn4j.testkit.AzureFunctionsHostFakeTest.dataOf;
import static dev.fn4j.testkit.AzureFunctionsHostFakeTest.json;
import static dev.fn4j.testkit.AzureFunctionsHostFakeTest.metadataOf;
import static dev.fn4j.testkit.AzureFunctionsHostFakeTest.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.testkit.RecordingServer.Recorded;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Queue, Service Bus, timer, blob and Event Grid trigger payloads, in both payload styles. */
class AzureFunctionsHostFakeTriggersTest {

  private static final Instant NOW = Instant.parse("2024-03-01T10:15:30.25Z");

  private RecordingServer handler;
  private AzureFunctionsHostFake host;

  @BeforeEach
  void start() {
    handler = AzureFunctionsHostFakeTest.startHandler();
    host =
        AzureFunctionsHostFake.forHandler(handler.uri())
            .withClock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    handler.close();
  }

  @Test
  void a_queue_message_is_json_encoded_once_more_and_its_metadata_too_as_the_host_code_does() {
    host.queue("orders", "{\"id\":42,\"customer\":\"ada\"}");

    Recorded request = handler.only();
    assertThat(dataOf(request)).containsOnlyKeys("myQueueItem");
    assertThat(dataOf(request).get("myQueueItem"))
        .isEqualTo("\"{\\\"id\\\":42,\\\"customer\\\":\\\"ada\\\"}\"");
    Map<String, Object> metadata = metadataOf(request);
    assertThat(metadata)
        .containsKeys(
            "DequeueCount",
            "ExpirationTime",
            "Id",
            "InsertionTime",
            "NextVisibleTime",
            "PopReceipt",
            "sys")
        .doesNotContainKey("QueueTrigger");
    assertThat(metadata.get("DequeueCount")).isEqualTo("1");
    assertThat(metadata.get("InsertionTime")).isEqualTo("\"2024-03-01T10:15:30.25+00:00\"");
    assertThat(metadata.get("ExpirationTime")).isEqualTo("\"2024-03-08T10:15:30.25+00:00\"");
    assertThat((String) metadata.get("Id")).startsWith("\"").endsWith("\"").hasSize(38);
    assertThat(metadata.get("id")).isEqualTo("42");
    assertThat(metadata.get("customer")).isEqualTo("\"ada\"");
  }

  @Test
  void in_the_documented_style_a_queue_message_and_its_metadata_are_plain() {
    host.withStyle(AzurePayloadStyle.DOCUMENTED).queue("orders", "{\"id\":42}");

    Recorded request = handler.only();
    assertThat(dataOf(request).get("myQueueItem")).isEqualTo("{\"id\":42}");
    Map<String, Object> metadata = metadataOf(request);
    assertThat(metadata)
        .containsOnlyKeys(
            "DequeueCount",
            "ExpirationTime",
            "Id",
            "InsertionTime",
            "NextVisibleTime",
            "PopReceipt",
            "sys");
    assertThat(metadata.get("DequeueCount")).isEqualTo(1);
    assertThat(metadata.get("InsertionTime")).isEqualTo("2024-03-01T10:15:30.25+00:00");
  }

  @Test
  void a_service_bus_message_carries_its_ids_times_and_application_properties() {
    host.serviceBus("billing", "paid", Map.of("tenant", "t1", "attempt", 2, "urgent", true));

    Recorded request = handler.only();
    assertThat(dataOf(request)).containsOnlyKeys("mySbMsg");
    assertThat(dataOf(request).get("mySbMsg")).isEqualTo("\"paid\"");
    Map<String, Object> metadata = metadataOf(request);
    assertThat(metadata)
        .containsKeys(
            "MessageId",
            "DeliveryCount",
            "SequenceNumber",
            "LockToken",
            "EnqueuedTimeUtc",
            "EnqueuedTime",
            "ExpiresAtUtc",
            "ExpiresAt",
            "ApplicationProperties",
            "UserProperties",
            "MessageActions",
            "sys");
    assertThat(metadata.get("DeliveryCount")).isEqualTo("1");
    assertThat(metadata.get("EnqueuedTimeUtc")).isEqualTo("\"2024-03-01T10:15:30.25Z\"");
    assertThat(metadata.get("ApplicationProperties"))
        .isEqualTo(Map.of("tenant", "t1", "attempt", 2, "urgent", true));
    assertThat((String) metadata.get("MessageId")).matches("\"[0-9a-f]{32}\"");
  }

  @Test
  void service_bus_properties_are_scalars_and_sequence_numbers_grow() {
    assertThatThrownBy(() -> host.serviceBus("b", "m", Map.of("nested", List.of(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nested");

    AzureFunctionsHostFake plain = host.withStyle(AzurePayloadStyle.DOCUMENTED);
    plain.serviceBus("b", "one", Map.of());
    plain.serviceBus("b", "two", Map.of());
    List<Recorded> requests = handler.requests();
    long first = ((Number) metadataOf(requests.get(0)).get("SequenceNumber")).longValue();
    long second = ((Number) metadataOf(requests.get(1)).get("SequenceNumber")).longValue();
    assertThat(second).isGreaterThan(first);
    assertThat(metadataOf(requests.get(0))).doesNotContainKey("MessageActions");
  }

  @Test
  void a_timer_sends_its_schedule_status_and_whether_it_is_past_due() {
    host.timer("cleanup", true);

    Recorded request = handler.only();
    Map<String, Object> timer = object(dataOf(request).get("myTimer"));
    assertThat(timer).containsOnlyKeys("Schedule", "ScheduleStatus", "IsPastDue");
    assertThat(timer.get("Schedule")).isEqualTo(Map.of("AdjustForDST", true));
    assertThat(timer.get("ScheduleStatus"))
        .isEqualTo(
            Map.of(
                "Last", "2024-03-01T10:10:30.25Z",
                "Next", "2024-03-01T10:20:30.25Z",
                "LastUpdated", "2024-03-01T10:10:30.25Z"));
    assertThat(timer.get("IsPastDue")).isEqualTo(true);
    assertThat(metadataOf(request)).containsOnlyKeys("sys");

    host.timer("cleanup");
    assertThat(object(dataOf(handler.requests().get(1)).get("myTimer")).get("IsPastDue"))
        .isEqualTo(false);
  }

  @Test
  void a_blob_goes_in_base64_with_its_uri_properties_and_name() {
    byte[] content = {0, 1, 2, (byte) 0xfe, (byte) 0xff};

    host.blob("thumbnails", "uploads/2024/photo.png", content);

    Recorded request = handler.only();
    assertThat(Base64.getDecoder().decode((String) dataOf(request).get("myBlob")))
        .isEqualTo(content);
    Map<String, Object> metadata = metadataOf(request);
    assertThat(metadata).containsOnlyKeys("Uri", "Properties", "Metadata", "name", "sys");
    assertThat(metadata.get("Uri"))
        .isEqualTo("\"https://fn4jteststorage.blob.core.windows.net/uploads/2024/photo.png\"");
    assertThat(metadata.get("name")).isEqualTo("\"2024/photo.png\"");
    assertThat(object(metadata.get("Properties")).get("ContentLength")).isEqualTo(5);
    assertThatThrownBy(() -> host.blob("t", "photo.png", content))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> host.blob("t", "uploads/", content))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(handler.requests()).hasSize(1);
  }

  @Test
  void an_event_grid_event_goes_as_an_object_in_either_schema_with_its_data_in_the_metadata() {
    String eventGrid =
        "{\"id\":\"1\",\"topic\":\"/t\",\"subject\":\"/s\",\"eventType\":\"Demo.Created\","
            + "\"eventTime\":\"2024-03-01T10:00:00Z\",\"data\":{\"n\":1},\"dataVersion\":\"1\","
            + "\"metadataVersion\":\"1\"}";
    String cloudEvent =
        "{\"specversion\":\"1.0\",\"id\":\"2\",\"source\":\"/s\",\"type\":\"Demo.Created\","
            + "\"time\":\"2024-03-01T10:00:00Z\",\"data\":{\"n\":2}}";

    host.eventGrid("events", eventGrid, AzureEventGridSchema.EVENT_GRID);
    host.eventGrid("events", cloudEvent, AzureEventGridSchema.CLOUD_EVENTS);

    Recorded first = handler.requests().get(0);
    assertThat(object(dataOf(first).get("eventGridEvent")))
        .containsEntry("eventType", "Demo.Created")
        .containsEntry("data", Map.of("n", 1));
    assertThat(metadataOf(first))
        .containsOnlyKeys("data", "sys")
        .containsEntry("data", Map.of("n", 1));
    Recorded second = handler.requests().get(1);
    assertThat(object(dataOf(second).get("eventGridEvent")))
        .containsEntry("specversion", "1.0")
        .containsEntry("type", "Demo.Created");
    assertThat(metadataOf(second)).containsEntry("data", Map.of("n", 2));
  }

  @Test
  void an_event_grid_trigger_gets_one_event_of_the_declared_schema_and_nothing_else() {
    String cloudEvent = "{\"specversion\":\"1.0\",\"id\":\"2\",\"source\":\"/s\",\"type\":\"T\"}";

    assertThatThrownBy(() -> host.eventGrid("events", cloudEvent, AzureEventGridSchema.EVENT_GRID))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("EVENT_GRID schema")
        .hasMessageContaining("eventType");
    assertThatThrownBy(
            () ->
                host.eventGrid("events", "[" + cloudEvent + "]", AzureEventGridSchema.CLOUD_EVENTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JSON object");
    assertThatThrownBy(
            () ->
                host.eventGrid(
                    "events", cloudEvent.replace("1.0", "0.3"), AzureEventGridSchema.CLOUD_EVENTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0.3");
    assertThatThrownBy(() -> host.eventGrid("events", "{", AzureEventGridSchema.CLOUD_EVENTS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(handler.requests()).isEmpty();
  }

  @Test
  void an_event_trigger_may_fail_with_any_status_and_is_then_not_succeeded() {
    handler.answer(request -> json(500, "{\"error\":\"retry me\"}"));

    AzureReply queue = host.queue("orders", "x");
    AzureReply timer = host.timer("cleanup");

    assertThat(queue.succeeded()).isFalse();
    assertThat(queue.violations()).isEmpty();
    assertThat(timer.succeeded()).isFalse();
    assertThat(timer.violations()).isEmpty();
  }

  @Test
  void outputs_logs_and_return_value_are_read_from_an_event_triggers_answer() {
    handler.answer(
        request ->
            json(
                200,
                "{\"Outputs\":{\"myQueueOutput\":[\"m1\",\"m2\"],\"table\":{\"k\":1}},"
                    + "\"Logs\":[\"one\",\"two\"],\"ReturnValue\":\"{\\\"hello\\\":\\\"world\\\"}\"}"));

    AzureReply reply = host.queue("orders", "x");

    assertThat(reply.succeeded()).isTrue();
    assertThat(reply.violations()).isEmpty();
    assertThat(reply.outputs()).containsOnlyKeys("myQueueOutput", "table");
    assertThat(reply.output("myQueueOutput")).hasValue(List.of("m1", "m2"));
    assertThat(reply.output("missing")).isEmpty();
    assertThat(reply.logs()).containsExactly("one", "two");
    assertThat(reply.returnValue()).hasValue("{\"hello\":\"world\"}");
    assertThat(reply.httpResponse()).isEmpty();
    assertThatThrownBy(() -> reply.outputs().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
