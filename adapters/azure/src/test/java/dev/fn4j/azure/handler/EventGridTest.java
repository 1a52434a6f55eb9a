package dev.fn4j.azure.handler;

import static dev.fn4j.azure.handler.HandlerServer.json;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fn4j.testkit.AzureEventGridSchema;
import dev.fn4j.testkit.AzureFunctionsHostFake;
import dev.fn4j.testkit.AzureHttpResponse;
import dev.fn4j.testkit.AzurePayloadStyle;
import dev.fn4j.testkit.AzureReply;
import dev.fn4j.testkit.EventFiles;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Event Grid: events through an {@code eventGridTrigger} (either schema, one event or an array: the
 * function gets the {@code data} by its declared type, the attributes as {@code ce-*} headers and
 * {@code ce.*} context attributes), and events posted to an HTTP trigger as to any webhook, with
 * Event Grid's validation handshake (Event Grid schema) and the CloudEvents {@code OPTIONS}
 * handshake answered by the handler.
 */
class EventGridTest {

  private static final String EVENTS = "events/azure/handler/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static HandlerFunctions functions;
  private static HandlerServer server;

  @BeforeAll
  static void start() {
    functions = new HandlerFunctions();
    server = HandlerServer.start(functions);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode returnValue(AzureReply reply) {
    assertThat(HandlerServer.violations(reply)).as("%s", reply).isEmpty();
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.outputs()).isEmpty();
    return json((String) reply.returnValue().orElseThrow());
  }

  @ParameterizedTest
  @EnumSource(AzurePayloadStyle.class)
  void an_event_grid_schema_event_is_decoded_with_its_attributes_in_cloudevents_names(
      AzurePayloadStyle style) {
    AzureReply reply =
        server
            .host()
            .withStyle(style)
            .eventGrid(
                "blobCreated",
                EventFiles.text(EVENTS + "blob-created.eventgrid-schema.json"),
                AzureEventGridSchema.EVENT_GRID);

    JsonNode got = returnValue(reply);
    assertThat(got.path("api").asText()).isEqualTo("PutBlob");
    assertThat(got.path("contentLength").asLong()).isEqualTo(2048);
    assertThat(got.path("url").asText())
        .isEqualTo("https://fn4jteststorage.blob.core.windows.net/uploads/report.csv");
    JsonNode attributes = got.path("attributes");
    assertThat(attributes.path("ce.id").asText()).isEqualTo("9a1f0e52-0001-0042-7a3d-8c4f2b000001");
    assertThat(attributes.path("ce.type").asText()).isEqualTo("Microsoft.Storage.BlobCreated");
    assertThat(attributes.path("ce.source").asText()).endsWith("/storageAccounts/fn4jteststorage");
    assertThat(attributes.path("ce.subject").asText())
        .isEqualTo("/blobServices/default/containers/uploads/blobs/report.csv");
    assertThat(attributes.path("ce.time").asText()).isEqualTo("2024-05-02T10:15:30.1234567Z");
    assertThat(attributes.path("ce.specversion").asText()).isEqualTo("1.0");
    assertThat(attributes.path("ce.metadataversion").asText()).isEqualTo("1");
    assertThat(attributes.path("azure.function.name").asText()).isEqualTo("blobCreated");
    JsonNode headers = got.path("headers");
    assertThat(headers.path("ce-type").asText()).isEqualTo("Microsoft.Storage.BlobCreated");
    assertThat(headers.path("ce-id").asText()).isEqualTo("9a1f0e52-0001-0042-7a3d-8c4f2b000001");
    assertThat(headers.path("ce-source").asText()).endsWith("/storageAccounts/fn4jteststorage");
  }

  @ParameterizedTest
  @EnumSource(AzurePayloadStyle.class)
  void a_cloudevents_schema_event_is_decoded_with_its_attributes_and_extensions(
      AzurePayloadStyle style) {
    AzureReply reply =
        server
            .host()
            .withStyle(style)
            .eventGrid(
                "blobCreated",
                EventFiles.text(EVENTS + "blob-created.cloudevents-schema.json"),
                AzureEventGridSchema.CLOUD_EVENTS);

    JsonNode got = returnValue(reply);
    assertThat(got.path("api").asText()).isEqualTo("PutBlockList");
    assertThat(got.path("contentLength").asLong()).isEqualTo(4096);
    JsonNode attributes = got.path("attributes");
    assertThat(attributes.path("ce.id").asText()).isEqualTo("9a1f0e52-0001-0042-7a3d-8c4f2b000002");
    assertThat(attributes.path("ce.type").asText()).isEqualTo("Microsoft.Storage.BlobCreated");
    assertThat(attributes.path("ce.subject").asText())
        .isEqualTo("/blobServices/default/containers/uploads/blobs/photo.png");
    assertThat(attributes.path("ce.tenant").asText()).isEqualTo("contoso");
    assertThat(attributes.has("ce.data")).isFalse();
    JsonNode headers = got.path("headers");
    assertThat(headers.path("ce-tenant").asText()).isEqualTo("contoso");
    assertThat(headers.path("ce-specversion").asText()).isEqualTo("1.0");
    assertThat(headers.path("content-type").asText()).isEqualTo("application/json");
  }

  /** An array of events in {@code Data}: the host sends it as JSON text in a string, or plain. */
  private static HttpResponse<byte[]> postArray(String file, boolean asString) {
    try {
      JsonNode events = JSON.readTree(EventFiles.text(EVENTS + file));
      ObjectNode body = JSON.createObjectNode();
      ObjectNode data = body.putObject("Data");
      if (asString) {
        data.put("eventGridEvent", JSON.writeValueAsString(events));
      } else {
        data.set("eventGridEvent", events);
      }
      ObjectNode sys = body.putObject("Metadata").putObject("sys");
      sys.put("MethodName", "blobCreated");
      sys.put("UtcNow", "2024-05-02T10:20:02Z");
      sys.put("RandGuid", "5d6e7f80-1111-4222-8333-944455556666");
      return server.post("/blobCreated", JSON.writeValueAsBytes(body));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @EnumSource(AzurePayloadStyle.class)
  void an_array_of_events_calls_the_function_once_per_event(AzurePayloadStyle style) {
    List<String> before = functions.events();

    HttpResponse<byte[]> answer =
        postArray("two-blobs-created.eventgrid-schema.json", style == AzurePayloadStyle.HOST);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode body = json(answer.body());
    assertThat(body.has("Outputs")).isTrue();
    assertThat(body.path("Logs").isArray()).isTrue();
    assertThat(functions.events().subList(before.size(), functions.events().size()))
        .containsExactly("array-event-1", "array-event-2");
  }

  @Test
  void an_array_with_an_undecodable_event_fails_the_invocation_so_the_host_retries_it() {
    HttpResponse<byte[]> answer =
        postArray("two-blobs-second-undecodable.eventgrid-schema.json", false);

    assertThat(answer.statusCode()).isEqualTo(500);
    String text = new String(answer.body(), UTF_8);
    JsonNode body = json(answer.body());
    assertThat(body.path("Logs").isArray()).isTrue();
    assertThat(body.path("Logs").toString()).contains("blobCreated");
    assertThat(text).doesNotContain("\tat ");
  }

  @Test
  void the_validation_handshake_over_an_http_trigger_is_answered_without_a_function() {
    AzureReply reply = server.host().eventGridValidation("fn4j-http", "/api/events", "code-4711");

    assertThat(HandlerServer.violations(reply)).as("%s", reply).isEmpty();
    AzureHttpResponse res = reply.httpResponse().orElseThrow();
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(json(res.bodyText())).isEqualTo(json("{\"validationResponse\":\"code-4711\"}"));
  }

  @Test
  void the_cloudevents_options_handshake_is_answered_with_the_allowed_origin() {
    AzureReply reply =
        server
            .host()
            .cloudEventsValidation(
                "fn4j-http", "/api/events", AzureFunctionsHostFake.EVENT_GRID_ORIGIN);

    assertThat(HandlerServer.violations(reply)).as("%s", reply).isEmpty();
    AzureHttpResponse res = reply.httpResponse().orElseThrow();
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.header("WebHook-Allowed-Origin"))
        .hasValue(AzureFunctionsHostFake.EVENT_GRID_ORIGIN);
  }

  @Test
  void events_posted_to_an_http_trigger_reach_the_function_as_the_body() {
    AzureReply eventGrid =
        server
            .host()
            .eventGridWebhook(
                "fn4j-http",
                "/api/webhook",
                EventFiles.text(EVENTS + "two-blobs-created.eventgrid-schema.json"),
                AzureEventGridSchema.EVENT_GRID);
    AzureReply cloudEvents =
        server
            .host()
            .eventGridWebhook(
                "webhook",
                "/api/orders",
                EventFiles.text(EVENTS + "order-placed.cloudevents-batch.json"),
                AzureEventGridSchema.CLOUD_EVENTS);
    AzureReply single =
        server
            .host()
            .eventGridWebhook(
                "webhook",
                "/api/orders",
                EventFiles.text(EVENTS + "blob-created.cloudevents-schema.json"),
                AzureEventGridSchema.CLOUD_EVENTS);

    assertThat(json(HttpTriggerTest.res(eventGrid).bodyText()).path("ids"))
        .isEqualTo(json("[\"array-event-1\",\"array-event-2\"]"));
    assertThat(json(HttpTriggerTest.res(cloudEvents).bodyText()).path("ids"))
        .isEqualTo(json("[\"order-1\",\"order-2\"]"));
    assertThat(json(HttpTriggerTest.res(single).bodyText()).path("ids"))
        .isEqualTo(json("[\"9a1f0e52-0001-0042-7a3d-8c4f2b000002\"]"));
  }
}
