package dev.fn4j.azure.handler;

import static dev.fn4j.azure.handler.HandlerServer.json;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.testkit.AzureFunctionsHostFake;
import dev.fn4j.testkit.AzurePayloadStyle;
import dev.fn4j.testkit.AzureReply;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DESIGN.md §6 for triggers other than HTTP: every failure (route, decode, invoke) ends the
 * invocation as failed, with status 500 so that the host retries the message, and a JSON body whose
 * {@code Logs} hold fn4j's one failure line; nothing carries a stack trace or the function's
 * exception message.
 */
class TriggerFailuresTest {

  private static final String SEVERAL_BINDINGS =
      "{\"Data\":{\"myQueueItem\":\"\\\"from the trigger\\\"\",\"lookup\":\"\\\"from a blob input\\\"\"},"
          + "\"Metadata\":{\"DequeueCount\":\"1\",\"sys\":{\"MethodName\":\"echo\","
          + "\"UtcNow\":\"2024-05-02T10:00:00Z\",\"RandGuid\":\"1a2b3c4d-0000-4000-8000-000000000001\"}}}";

  private static HandlerServer server;

  @BeforeAll
  static void start() {
    server = HandlerServer.start(new HandlerFunctions());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Asserts a failed invocation and returns its one log line. */
  private static String failed(AzureReply reply) {
    assertThat(reply.status()).as("%s", reply).isEqualTo(500);
    assertThat(reply.succeeded()).isFalse();
    assertThat(HandlerServer.violations(reply)).as("%s", reply).isEmpty();
    assertThat(reply.header("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    JsonNode body = json(reply.text());
    assertThat(body.has("Outputs")).isTrue();
    assertThat(body.has("ReturnValue")).isTrue();
    assertThat(reply.text())
        .doesNotContain(HandlerFunctions.SECRET)
        .doesNotContain("\tat ")
        .doesNotContain(AzureFunctionsHostFake.FAKE_STORAGE_ACCOUNT_KEY);
    assertThat(reply.logs()).as("%s", reply).hasSize(1);
    return reply.logs().get(0);
  }

  @ParameterizedTest
  @EnumSource(AzurePayloadStyle.class)
  void a_throwing_function_fails_the_invocation(AzurePayloadStyle style) {
    String line = failed(server.host().withStyle(style).queue("fail", "x"));

    assertThat(line).contains("fail", "INVOKE");
  }

  @Test
  void a_function_throwing_on_a_service_bus_message_fails_the_invocation() {
    String line =
        failed(server.host().serviceBus("order", "{\"id\":\"B-1\",\"quantity\":-1}", Map.of()));

    assertThat(line).contains("order", "INVOKE");
  }

  @Test
  void an_undecodable_message_fails_the_invocation() {
    String line = failed(server.host().queue("order", "{\"id\":\"B-2\",\"quantity\":\"many\"}"));

    assertThat(line).contains("order", "DECODE");
  }

  @Test
  void an_unknown_azure_function_fails_the_invocation() {
    String line = failed(server.host().queue("nosuch", "x"));

    assertThat(line).contains("nosuch");
  }

  @Test
  void a_failing_timer_and_blob_fail_the_invocation() {
    failed(server.host().timer("fail"));
    failed(server.host().blob("fail", "uploads/x.bin", "x".getBytes(UTF_8)));
  }

  @Test
  void failed_answers_carry_no_stack_frame_at_all() {
    AzureReply queue = server.host().queue("fail", "x");
    AzureReply http = server.host().http("fail", "POST", "/api/fail");

    assertThat(queue.violations()).as("%s", queue).isEmpty();
    assertThat(http.violations()).as("%s", http).isEmpty();
  }

  @Test
  void several_data_bindings_without_the_trigger_binding_setting_fail_naming_them() {
    HttpResponse<byte[]> answer = server.post("/echo", SEVERAL_BINDINGS.getBytes(UTF_8));

    assertThat(answer.statusCode()).isEqualTo(500);
    JsonNode logs = json(answer.body()).path("Logs");
    assertThat(logs).hasSize(1);
    assertThat(logs.get(0).asText())
        .contains("myQueueItem", "lookup", "FN4J_AZURE_TRIGGER_BINDING");
  }

  @Test
  void the_trigger_binding_setting_picks_the_trigger_among_several_bindings() {
    try (HandlerServer named =
        HandlerServer.start(
            new HandlerFunctions(), Map.of("FN4J_AZURE_TRIGGER_BINDING", "myQueueItem"))) {
      HttpResponse<byte[]> answer = named.post("/echo", SEVERAL_BINDINGS.getBytes(UTF_8));

      assertThat(answer.statusCode()).isEqualTo(200);
      JsonNode got = json(json(answer.body()).path("ReturnValue").asText());
      assertThat(got.path("payload").asText()).isEqualTo("from the trigger");
      assertThat(got.path("attributes").path("azure.DequeueCount").asText()).isEqualTo("1");
    }
  }

  @Test
  void a_body_that_is_not_the_hosts_payload_fails_the_invocation() {
    HttpResponse<byte[]> notJson = server.post("/echo", "not json".getBytes(UTF_8));
    HttpResponse<byte[]> noData = server.post("/echo", "{\"Metadata\":{}}".getBytes(UTF_8));

    for (HttpResponse<byte[]> answer : new HttpResponse[] {notJson, noData}) {
      assertThat(answer.statusCode()).isEqualTo(500);
      assertThat(json(answer.body()).path("Logs")).hasSize(1);
      assertThat(new String(answer.body(), UTF_8)).doesNotContain("\tat ");
    }
  }
}
