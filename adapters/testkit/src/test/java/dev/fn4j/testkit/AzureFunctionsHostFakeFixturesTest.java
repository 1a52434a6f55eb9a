package dev.fn4j.testkit;

import static dev.fn4j.testkit.AzureFunctionsHostFakeTest.dataOf;
import static dev.fn4j.testkit.AzureFunctionsHostFakeTest.json;
import static dev.fn4j.testkit.AzureFunctionsHostFakeTest.metadataOf;
import static dev.fn4j.testkit.AzureFunctionsHostFakeTest.object;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fake's payloads against the published ones in the shared fixtures (the custom handler
 * documentation's samples and a third-party library's test payloads): same members, same shapes.
 */
@RequiresVendorFixtures("azure")
class AzureFunctionsHostFakeFixturesTest {

  private RecordingServer handler;
  private AzureFunctionsHostFake host;

  @BeforeEach
  void start() {
    handler = AzureFunctionsHostFakeTest.startHandler();
    host = AzureFunctionsHostFake.forHandler(handler.uri());
  }

  @AfterEach
  void stop() {
    handler.close();
  }

  @Test
  void the_http_payload_has_the_members_of_the_published_one() {
    Map<String, Object> published = fixture("custom-handler-http-trigger-request.azfunc.json");
    host.http(
        "helloHTTP",
        "POST",
        "/api/endpoint",
        Map.of("Content-Type", List.of("application/json")),
        "{\"message\":\"hello\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    Map<String, Object> req = object(dataOf(handler.only()).get("req"));
    Map<String, Object> publishedReq = object(object(published.get("Data")).get("req"));
    assertThat(req.keySet()).containsExactlyInAnyOrderElementsOf(publishedReq.keySet());
    assertThat(object(((List<?>) req.get("Identities")).get(0)).keySet())
        .containsExactlyInAnyOrderElementsOf(
            object(((List<?>) publishedReq.get("Identities")).get(0)).keySet());
    assertThat(object(req.get("Headers")).get("Content-Type"))
        .isEqualTo(object(publishedReq.get("Headers")).get("Content-Type"));
    assertThat(metadataOf(handler.only()).keySet())
        .containsAll(object(published.get("Metadata")).keySet());
  }

  @Test
  void the_queue_metadata_has_the_members_of_the_documented_sample_in_both_styles() {
    Map<String, Object> published = fixture("custom-handler-queue-trigger-request.docs.json");
    host.withBindings(AzureBindings.defaults().withTriggerName(AzureTrigger.QUEUE, "myQueueItem"))
        .withStyle(AzurePayloadStyle.DOCUMENTED)
        .queue("QueueTrigger", "{ message: \"Message sent\" }");
    host.queue("QueueTrigger", "{ message: \"Message sent\" }");

    Map<String, Object> documented = metadataOf(handler.requests().get(0));
    assertThat(documented.keySet())
        .containsExactlyInAnyOrderElementsOf(object(published.get("Metadata")).keySet());
    assertThat(dataOf(handler.requests().get(0))).isEqualTo(published.get("Data"));
    assertThat(documented.get("DequeueCount"))
        .isEqualTo(object(published.get("Metadata")).get("DequeueCount"));
    assertThat(metadataOf(handler.requests().get(1)).keySet())
        .containsExactlyInAnyOrderElementsOf(object(published.get("Metadata")).keySet());
  }

  @Test
  void the_timer_payload_has_the_shape_of_the_published_one() {
    Map<String, Object> published = fixture("custom-handler-timer-trigger-request.azfunc.json");
    host.withBindings(AzureBindings.defaults().withTriggerName(AzureTrigger.TIMER, "timer"))
        .timer("helloTimer");

    Map<String, Object> timer = object(dataOf(handler.only()).get("timer"));
    Map<String, Object> publishedTimer = object(object(published.get("Data")).get("timer"));
    assertThat(timer.keySet()).containsExactlyInAnyOrderElementsOf(publishedTimer.keySet());
    assertThat(object(timer.get("ScheduleStatus")).keySet())
        .containsExactlyInAnyOrderElementsOf(object(publishedTimer.get("ScheduleStatus")).keySet());
    assertThat(timer.get("Schedule")).isEqualTo(publishedTimer.get("Schedule"));
    assertThat(metadataOf(handler.only()).keySet())
        .containsExactlyInAnyOrderElementsOf(object(published.get("Metadata")).keySet());
  }

  @Test
  void published_event_grid_payloads_go_through_unchanged_in_both_schemas() {
    AzureFunctionsHostFake events =
        host.withBindings(
            AzureBindings.defaults().withTriggerName(AzureTrigger.EVENT_GRID, "event"));
    for (String name :
        List.of(
            "custom-handler-eventgrid-trigger-request.eventgrid-schema.azfunc.json",
            "custom-handler-eventgrid-trigger-request.cloudevents-schema.azfunc.json")) {
      Map<String, Object> published = fixture(name);
      Map<String, Object> event = object(object(published.get("Data")).get("event"));
      AzureEventGridSchema schema =
          event.containsKey("specversion")
              ? AzureEventGridSchema.CLOUD_EVENTS
              : AzureEventGridSchema.EVENT_GRID;

      events.eventGrid("testevent", AzureJson.write(event), schema);

      var request = handler.requests().get(handler.requests().size() - 1);
      assertThat(dataOf(request)).isEqualTo(published.get("Data"));
      assertThat(metadataOf(request).get("data"))
          .isEqualTo(object(published.get("Metadata")).get("data"));
    }
  }

  @Test
  void the_blob_created_events_are_accepted_as_webhook_deliveries_in_their_schemas() {
    VendorFixtures fixtures = VendorFixtures.require();
    host.eventGridWebhook(
        "events",
        "/api/events",
        fixtures.text("azure", "eventgrid-blob-created.eventgrid-schema.json"),
        AzureEventGridSchema.EVENT_GRID);
    host.eventGridWebhook(
        "events",
        "/api/events",
        fixtures.text("azure", "eventgrid-blob-created.cloudevents-schema.json"),
        AzureEventGridSchema.CLOUD_EVENTS);

    assertThat(handler.requests()).hasSize(2);
  }

  @Test
  void the_documented_response_payload_reads_as_outputs_logs_and_return_value() {
    String published =
        VendorFixtures.require().text("azure", "custom-handler-response-payload.docs.json");
    handler.answer(request -> json(200, published));

    AzureReply reply = host.http("order", "POST", "/api/order");

    assertThat(reply.violations()).isEmpty();
    assertThat(reply.httpResponse().orElseThrow().body()).isEqualTo("Message enqueued");
    assertThat(reply.output("myQueueOutput"))
        .hasValue(List.of("queue message 1", "queue message 2"));
    assertThat(reply.logs()).containsExactly("Log message 1", "Log message 2");
    assertThat(reply.returnValue()).hasValue("{\"hello\":\"world\"}");
  }

  @Test
  void the_published_validation_response_passes_the_subscription_validation() {
    VendorFixtures fixtures = VendorFixtures.require();
    Map<String, Object> event =
        object(
            ((List<?>)
                    AzureJson.read(
                            fixtures.text("azure", "eventgrid-subscription-validation-event.json"))
                        .orElseThrow())
                .get(0));
    String code = (String) object(event.get("data")).get("validationCode");
    String response = fixtures.text("azure", "eventgrid-subscription-validation-response.json");
    handler.answer(
        request ->
            json(
                200,
                "{\"Outputs\":{\"res\":{\"statusCode\":200,\"body\":"
                    + AzureJson.write(response)
                    + "}}}"));

    assertThat(host.eventGridValidation("events", "/api/events", code).violations()).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> fixture(String name) {
    return (Map<String, Object>)
        AzureJson.read(VendorFixtures.require().text("azure", name)).orElseThrow();
  }
}
