package dev.fn4j.gcp.it;

import static dev.fn4j.gcp.it.CloudEventHttp.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fn4j.gcp.it.CloudEventHttp.Echo;
import dev.fn4j.testkit.EventFiles;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CloudEvents entry point under Google's real invoker: binary and structured CloudEvents and
 * legacy GCF events reach the function routed by type ({@code FN4J_ROUTING_TYPES}), with every
 * attribute and extension as {@code ce-*} headers and {@code ce.*} context attributes and the data
 * decoded by the function's declared type; a failure of any phase ends in the invoker's 500 (so
 * that Google redelivers the event), logged without a stack trace.
 */
class GcfEventFunctionUnderInvokerTest {

  private static final String ORDER = "events/gcp/custom/order-created.cloudevent.json";
  private static final String PUBSUB = "events/gcp/pubsub/message-published.cloudevent.json";
  private static final String PUBSUB_LEGACY = "events/gcp/pubsub/topic-publish.legacy.json";
  private static final String STORAGE = "events/gcp/storage/object-finalized.cloudevent.json";
  private static final String STORAGE_LEGACY = "events/gcp/storage/object-finalize.legacy.json";

  private static InvokerProcess invoker;

  @BeforeAll
  static void startInvoker() {
    invoker =
        InvokerProcess.start(
            InvokerProcess.EVENT_TARGET,
            Map.of(
                "FN4J_ROUTING_TYPES",
                String.join(
                    ",",
                    "dev.fn4j.test.order=order",
                    "dev.fn4j.test.echo=echo",
                    "dev.fn4j.test.text=text",
                    "dev.fn4j.test.fail=failing",
                    "google.cloud.pubsub.topic.v1.messagePublished=pubsub",
                    "google.cloud.storage.object.v1.finalized=storage")));
  }

  @AfterAll
  static void stopInvoker() {
    if (invoker != null) {
      invoker.close();
    }
  }

  private static ObjectNode event(String file) {
    return (ObjectNode) CloudEventHttp.json(EventFiles.bytes(file));
  }

  /** Sends a request, checks the invoker accepted it and returns what the one function saw. */
  private static JsonNode accepted(HttpRequest request, String function) {
    int mark = invoker.seen().count();
    HttpResponse<byte[]> response = invoker.send(request);
    assertThat(response.statusCode())
        .as("%s%n%s", new String(response.body(), StandardCharsets.UTF_8), invoker)
        .isBetween(200, 299);
    return invoker.seen().onlyOneSince(mark, function);
  }

  /** Sends a request the function fails on and returns what the invoker logged about it. */
  private static String failed(HttpRequest request, String expectedLog) {
    int mark = invoker.seen().count();
    InvokerProcess.LogMark logMark = invoker.logMark();
    HttpResponse<byte[]> response = invoker.send(request);
    assertThat(response.statusCode()).as("the invoker's answer to a failed event").isEqualTo(500);
    assertThat(invoker.seen().noneSince(mark)).as("no function completed").isTrue();
    String log = invoker.logAfter(logMark, expectedLog);
    assertThat(log).as("the invoker's log").contains(expectedLog);
    assertThat(log)
        .as("no stack trace: EventFailedException has no frames, and no other exception is logged")
        .doesNotContain("\tat ")
        .doesNotContain("Caused by")
        .doesNotContain("(GcfEventFunction.java:")
        .doesNotContain(InvokerFunctions.SECRET);
    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .doesNotContain(InvokerFunctions.SECRET);
    return log;
  }

  private static HttpRequest binary(String type, String contentType, byte[] data) {
    return invoker
        .request("/")
        .header("ce-specversion", "1.0")
        .header("ce-id", "it-" + type + "-" + System.nanoTime())
        .header("ce-source", "//fn4j.dev/tests")
        .header("ce-type", type)
        .header("Content-Type", contentType)
        .POST(BodyPublishers.ofByteArray(data))
        .build();
  }

  @Test
  void a_binary_event_reaches_a_record_function_decoded() {
    JsonNode seen = accepted(CloudEventHttp.binary(invoker, event(ORDER)), "order");

    assertThat(seen).isEqualTo(JSON.createObjectNode().put("item", "widget").put("quantity", 3));
  }

  @Test
  void a_binary_event_s_attributes_extensions_and_data_reach_the_function() {
    ObjectNode event = event(ORDER).put("type", "dev.fn4j.test.echo");

    Echo echo = Echo.of(accepted(CloudEventHttp.binary(invoker, event), "echo"));

    Map<String, String> sent = CloudEventHttp.attributes(event);
    assertThat(echo.headers()).as("ce-* and Content-Type headers").isEqualTo(sent);
    assertThat(echo.context()).as("ce.* context attributes").isEqualTo(sent);
    assertThat(echo.requestId()).isEqualTo("order-5531");
    assertThat(echo.platform()).isEqualTo("gcp-functions");
    assertThat(echo.traceParent()).isEqualTo(sent.get("traceparent"));
    assertThat(echo.data()).isEqualTo(CloudEventHttp.data(event));
  }

  @Test
  void a_structured_event_reaches_the_function_like_a_binary_one() {
    ObjectNode event = event(ORDER).put("type", "dev.fn4j.test.echo");

    Echo echo =
        Echo.of(
            accepted(
                CloudEventHttp.structured(
                    invoker, event.toString().getBytes(StandardCharsets.UTF_8)),
                "echo"));

    assertThat(echo.headers()).isEqualTo(CloudEventHttp.attributes(event));
    assertThat(echo.context()).isEqualTo(CloudEventHttp.attributes(event));
    assertThat(echo.dataJson()).isEqualTo(event.get("data"));
  }

  @Test
  void binary_data_of_a_structured_event_reaches_the_function_byte_for_byte() {
    byte[] bytes = InvokerFunctions.downloadBody();
    ObjectNode event =
        JSON.createObjectNode()
            .put("specversion", "1.0")
            .put("id", "bytes-1")
            .put("source", "//fn4j.dev/tests")
            .put("type", "dev.fn4j.test.echo")
            .put("datacontenttype", "application/octet-stream")
            .put("data_base64", java.util.Base64.getEncoder().encodeToString(bytes));

    Echo echo =
        Echo.of(
            accepted(
                CloudEventHttp.structured(
                    invoker, event.toString().getBytes(StandardCharsets.UTF_8)),
                "echo"));

    assertThat(echo.data()).isEqualTo(bytes);
    assertThat(echo.headers()).containsEntry("datacontenttype", "application/octet-stream");
  }

  @Test
  void an_event_without_data_reaches_the_function_with_an_empty_payload() {
    HttpRequest request =
        invoker
            .request("/")
            .header("ce-specversion", "1.0")
            .header("ce-id", "no-data-1")
            .header("ce-source", "//fn4j.dev/tests")
            .header("ce-type", "dev.fn4j.test.echo")
            .POST(BodyPublishers.noBody())
            .build();

    Echo echo = Echo.of(accepted(request, "echo"));

    assertThat(echo.data()).isEmpty();
    assertThat(echo.headers())
        .isEqualTo(
            Map.of(
                "specversion", "1.0",
                "id", "no-data-1",
                "source", "//fn4j.dev/tests",
                "type", "dev.fn4j.test.echo"));
  }

  @Test
  void text_data_reaches_a_string_function_decoded_by_its_charset() {
    JsonNode seen =
        accepted(
            binary(
                "dev.fn4j.test.text",
                "text/plain; charset=UTF-8",
                "Grüße, 世界".getBytes(StandardCharsets.UTF_8)),
            "text");

    assertThat(seen.asText()).isEqualTo("Grüße, 世界");
  }

  @Test
  void a_time_attribute_reaches_the_function_as_the_same_instant() {
    ObjectNode event =
        event(ORDER).put("type", "dev.fn4j.test.echo").put("time", "2024-03-01T10:15:30.250+01:00");

    Echo echo = Echo.of(accepted(CloudEventHttp.binary(invoker, event), "echo"));

    // The invoker parses the time into an OffsetDateTime; fn4j writes it back in ISO form, so the
    // instant and offset are kept but not necessarily the text (".250" arrives as ".25").
    assertThat(OffsetDateTime.parse(echo.headers().get("time")))
        .isEqualTo(OffsetDateTime.parse("2024-03-01T10:15:30.250+01:00"));
  }

  @Test
  void a_pubsub_event_reaches_a_record_function_with_the_message_decoded() {
    JsonNode seen = accepted(CloudEventHttp.binary(invoker, event(PUBSUB)), "pubsub");

    assertThat(seen.path("text").asText()).isEqualTo("order 1234 shipped");
    assertThat(seen.path("messageAttributes"))
        .isEqualTo(JSON.createObjectNode().put("origin", "warehouse-7").put("priority", "high"));
    assertThat(seen.path("messageId").asText()).isEqualTo("7103225631472219");
    assertThat(seen.path("publishTime").asText()).isEqualTo("2024-03-01T10:15:30.251Z");
    assertThat(seen.path("subscription").asText())
        .isEqualTo("projects/fn4j-demo/subscriptions/eventarc-orders-sub");
  }

  @Test
  void a_legacy_pubsub_event_is_seen_as_its_cloudevent() {
    JsonNode fromCloudEvent = accepted(CloudEventHttp.binary(invoker, event(PUBSUB)), "pubsub");
    JsonNode fromLegacy =
        accepted(CloudEventHttp.legacy(invoker, EventFiles.bytes(PUBSUB_LEGACY)), "pubsub");

    // Google's mapping: a legacy event carries no subscription, everything else is the same.
    assertThat(fromLegacy.path("subscription").isNull()).isTrue();
    JsonNode legacyWithoutSubscription =
        ((ObjectNode) fromLegacy.deepCopy()).without("subscription");
    JsonNode cloudEventWithoutSubscription =
        ((ObjectNode) fromCloudEvent.deepCopy()).without("subscription");
    assertThat(legacyWithoutSubscription).isEqualTo(cloudEventWithoutSubscription);
  }

  @Test
  void a_storage_event_reaches_a_record_function_decoded() {
    JsonNode seen = accepted(CloudEventHttp.binary(invoker, event(STORAGE)), "storage");

    JsonNode object = seen.path("object");
    assertThat(object.path("bucket").asText()).isEqualTo("fn4j-demo-uploads");
    assertThat(object.path("name").asText()).isEqualTo("avatars/ada.png");
    assertThat(object.path("contentType").asText()).isEqualTo("image/png");
    assertThat(object.path("size").asLong()).isEqualTo(48213L);
    assertThat(object.path("generation").asLong()).isEqualTo(1709287200123456L);
    assertThat(seen.path("attributes").path("subject").asText())
        .isEqualTo("objects/avatars/ada.png");
  }

  @Test
  void a_legacy_storage_event_is_seen_as_its_cloudevent() {
    JsonNode fromCloudEvent = accepted(CloudEventHttp.binary(invoker, event(STORAGE)), "storage");
    JsonNode fromLegacy =
        accepted(CloudEventHttp.legacy(invoker, EventFiles.bytes(STORAGE_LEGACY)), "storage");

    assertThat(fromLegacy).isEqualTo(fromCloudEvent);
  }

  @Test
  void a_function_that_throws_fails_the_event_with_500_and_one_line_logs() {
    String log =
        failed(
            binary("dev.fn4j.test.fail", "text/plain", "x".getBytes(StandardCharsets.UTF_8)),
            "EventFailedException: Function 'failing' failed in phase INVOKE");

    // fn4j's core logs a user failure in one record with the exception's type and where it was
    // thrown, never its message (FunctionException.toLogLine); the exception the invoker logs
    // carries neither.
    assertThat(log).doesNotContain(InvokerFunctions.SECRET);
    assertThat(log.lines().filter(line -> line.contains("(InvokerFunctions.java:")))
        .as("log records naming where the function threw")
        .singleElement()
        .asString()
        .contains("failed: Function 'failing'");
  }

  @Test
  void undecodable_data_fails_the_event_with_500_in_phase_decode() {
    failed(
        binary(
            "dev.fn4j.test.order",
            "application/json",
            "{\"item\":".getBytes(StandardCharsets.UTF_8)),
        "EventFailedException: Function 'order' failed in phase DECODE");
  }

  @Test
  void an_event_type_no_function_is_routed_for_fails_with_500_in_phase_route() {
    failed(
        binary("dev.fn4j.test.unrouted", "application/json", "{}".getBytes(StandardCharsets.UTF_8)),
        "failed in phase ROUTE");
  }

  @Test
  void the_invoker_keeps_serving_after_failures() {
    failed(
        binary("dev.fn4j.test.fail", "text/plain", "x".getBytes(StandardCharsets.UTF_8)),
        "phase INVOKE");

    JsonNode seen =
        accepted(
            binary("dev.fn4j.test.text", "text/plain", "after".getBytes(StandardCharsets.UTF_8)),
            "text");

    assertThat(seen.asText()).isEqualTo("after");
    assertThat(invoker.process().isAlive()).isTrue();
  }
}
