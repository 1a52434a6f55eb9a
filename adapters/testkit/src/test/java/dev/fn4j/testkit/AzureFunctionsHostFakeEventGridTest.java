package dev.fn4j.testkit;

import static dev.fn4j.testkit.AzureFunctionsHostFakeTest.dataOf;
import static dev.fn4j.testkit.AzureFunctionsHostFakeTest.json;
import static dev.fn4j.testkit.AzureFunctionsHostFakeTest.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Event Grid webhook requests as an HTTP trigger receives them, validation handshakes included. */
class AzureFunctionsHostFakeEventGridTest {

  private static final String EVENT_GRID_EVENT =
      "{\"id\":\"1\",\"topic\":\"/t\",\"subject\":\"/s\",\"eventType\":\"Demo.Created\","
          + "\"eventTime\":\"2024-03-01T10:00:00Z\",\"data\":{},\"dataVersion\":\"2\","
          + "\"metadataVersion\":\"1\"}";
  private static final String CLOUD_EVENT =
      "{\"specversion\":\"1.0\",\"id\":\"2\",\"source\":\"/s\",\"type\":\"Demo.Created\"}";

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
  void event_grid_schema_deliveries_are_arrays_with_the_aeg_headers() {
    host.eventGridWebhook(
        "events", "/api/events", "[" + EVENT_GRID_EVENT + "]", AzureEventGridSchema.EVENT_GRID);

    Map<String, Object> req = req();
    assertThat(req.get("Method")).isEqualTo("POST");
    assertThat(req.get("Url")).isEqualTo("https://fn4j-test.azurewebsites.net/api/events");
    assertThat(req.get("Body")).isEqualTo("[" + EVENT_GRID_EVENT + "]");
    Map<String, Object> headers = object(req.get("Headers"));
    assertThat(headers.get("aeg-event-type")).isEqualTo(List.of("Notification"));
    assertThat(headers.get("aeg-subscription-name"))
        .isEqualTo(List.of(AzureFunctionsHostFake.SUBSCRIPTION_NAME));
    assertThat(headers.get("aeg-delivery-count")).isEqualTo(List.of("0"));
    assertThat(headers.get("aeg-metadata-version")).isEqualTo(List.of("1"));
    assertThat(headers.get("aeg-data-version")).isEqualTo(List.of("2"));
    assertThat(headers.get("Content-Type")).isEqualTo(List.of("application/json; charset=utf-8"));
  }

  @Test
  void cloud_events_deliveries_are_single_events_or_batches_by_content_type() {
    host.eventGridWebhook("events", "/api/events", CLOUD_EVENT, AzureEventGridSchema.CLOUD_EVENTS);
    host.eventGridWebhook(
        "events",
        "/api/events",
        "[" + CLOUD_EVENT + "," + CLOUD_EVENT + "]",
        AzureEventGridSchema.CLOUD_EVENTS);

    List<Object> contentTypes =
        handler.requests().stream()
            .map(
                request ->
                    object(object(dataOf(request).get("req")).get("Headers")).get("Content-Type"))
            .toList();
    assertThat(contentTypes)
        .containsExactly(
            List.of("application/cloudevents+json; charset=utf-8"),
            List.of("application/cloudevents-batch+json; charset=utf-8"));
    assertThat(object(object(dataOf(handler.requests().get(0)).get("req")).get("Headers")))
        .containsEntry("aeg-metadata-version", List.of("1.0"))
        .doesNotContainKey("aeg-data-version");
  }

  @Test
  void deliveries_must_be_events_of_the_declared_schema() {
    assertThatThrownBy(
            () ->
                host.eventGridWebhook(
                    "e", "/api/e", EVENT_GRID_EVENT, AzureEventGridSchema.EVENT_GRID))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JSON array");
    assertThatThrownBy(
            () -> host.eventGridWebhook("e", "/api/e", "[]", AzureEventGridSchema.CLOUD_EVENTS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                host.eventGridWebhook(
                    "e", "/api/e", "[" + CLOUD_EVENT + "]", AzureEventGridSchema.EVENT_GRID))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("eventType");
    assertThat(handler.requests()).isEmpty();
  }

  @Test
  void the_subscription_validation_event_comes_with_its_header_and_code() {
    AzureReply reply = host.eventGridValidation("events", "/api/events", "512d38b6-code");

    assertThat(reply.invocation().kind()).isEqualTo(AzureInvocation.Kind.SUBSCRIPTION_VALIDATION);
    assertThat(reply.invocation().challenge()).isEqualTo("512d38b6-code");
    Map<String, Object> req = req();
    assertThat(object(req.get("Headers")).get("aeg-event-type"))
        .isEqualTo(List.of("SubscriptionValidation"));
    List<?> events = (List<?>) AzureJson.read((String) req.get("Body")).orElseThrow();
    assertThat(events).hasSize(1);
    Map<String, Object> event = object(events.get(0));
    assertThat(event.get("eventType")).isEqualTo("Microsoft.EventGrid.SubscriptionValidationEvent");
    assertThat(object(event.get("data")).get("validationCode")).isEqualTo("512d38b6-code");
    assertThat((String) object(event.get("data")).get("validationUrl")).contains("512d38b6-code");
  }

  @Test
  void echoing_the_code_with_200_passes_the_subscription_validation() {
    handler.answer(
        request ->
            json(
                200,
                "{\"Outputs\":{\"res\":{\"statusCode\":200,\"headers\":{\"Content-Type\":"
                    + "\"application/json\"},\"body\":\"{\\\"validationResponse\\\":\\\"c0de\\\"}\"}}}"));
    assertThat(host.eventGridValidation("events", "/api/events", "c0de").violations()).isEmpty();

    handler.answer(
        request ->
            json(
                200,
                "{\"Outputs\":{\"res\":{\"statusCode\":200,\"body\":{\"validationResponse\":\"c0de\"}}}}"));
    assertThat(host.eventGridValidation("events", "/api/events", "c0de").violations()).isEmpty();
  }

  @Test
  void a_202_or_a_wrong_code_fails_the_subscription_validation() {
    handler.answer(
        request ->
            json(
                200,
                "{\"Outputs\":{\"res\":{\"statusCode\":202,\"body\":{\"validationResponse\":\"other\"}}}}"));

    assertThat(host.eventGridValidation("events", "/api/events", "c0de").violations())
        .containsExactly(
            "Outputs.res.statusCode 202: Event Grid accepts only 200 for a subscription validation",
            "Outputs.res.body does not echo the validation code as {\"validationResponse\":"
                + " \"c0de\"}");
  }

  @Test
  void the_cloud_events_handshake_is_an_options_request_with_the_requesting_origin() {
    AzureReply reply =
        host.cloudEventsValidation(
            "events", "/api/events", AzureFunctionsHostFake.EVENT_GRID_ORIGIN);

    assertThat(reply.invocation().kind()).isEqualTo(AzureInvocation.Kind.ABUSE_PROTECTION);
    Map<String, Object> req = req();
    assertThat(req.get("Method")).isEqualTo("OPTIONS");
    assertThat(req).doesNotContainKey("Body");
    assertThat(object(req.get("Headers")).get("WebHook-Request-Origin"))
        .isEqualTo(List.of("eventgrid.azure.net"));
  }

  @Test
  void granting_the_origin_or_all_passes_the_cloud_events_handshake_and_anything_else_fails() {
    handler.answer(
        request ->
            json(
                200,
                "{\"Outputs\":{\"res\":{\"statusCode\":200,\"headers\":{\"WebHook-Allowed-Origin\":"
                    + "\"eventgrid.azure.net\",\"Allow\":\"POST\"}}}}"));
    assertThat(host.cloudEventsValidation("e", "/api/e", "eventgrid.azure.net").violations())
        .isEmpty();

    handler.answer(
        request ->
            json(200, "{\"Outputs\":{\"res\":{\"headers\":{\"webhook-allowed-origin\":\"*\"}}}}"));
    assertThat(host.cloudEventsValidation("e", "/api/e", "eventgrid.azure.net").violations())
        .isEmpty();

    handler.answer(
        request ->
            json(
                200,
                "{\"Outputs\":{\"res\":{\"headers\":{\"WebHook-Allowed-Origin\":\"example.com\"}}}}"));
    assertThat(host.cloudEventsValidation("e", "/api/e", "eventgrid.azure.net").violations())
        .containsExactly(
            "Outputs.res allows the origin 'example.com', not 'eventgrid.azure.net' (or *)");

    handler.answer(request -> json(200, "{\"Outputs\":{\"res\":{\"statusCode\":405}}}"));
    assertThat(host.cloudEventsValidation("e", "/api/e", "eventgrid.azure.net").violations())
        .containsExactly(
            "Outputs.res has no WebHook-Allowed-Origin header, so Event Grid does not deliver"
                + " events");
  }

  @Test
  void the_validation_event_can_be_had_for_a_proxied_request() {
    List<?> events =
        (List<?>)
            AzureJson.read(AzureFunctionsHostFake.subscriptionValidationEvent("abc")).orElseThrow();

    Map<String, Object> event = object(events.get(0));
    assertThat(event)
        .containsKeys(
            "id",
            "topic",
            "subject",
            "data",
            "eventType",
            "eventTime",
            "metadataVersion",
            "dataVersion");
    assertThat(object(event.get("data")).get("validationCode")).isEqualTo("abc");
    assertThatThrownBy(() -> AzureFunctionsHostFake.subscriptionValidationEvent(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private Map<String, Object> req() {
    return object(dataOf(handler.only()).get("req"));
  }
}
