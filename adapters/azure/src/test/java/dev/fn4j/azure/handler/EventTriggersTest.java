package dev.fn4j.azure.handler;

import static dev.fn4j.azure.handler.HandlerServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.testkit.AzureFunctionsHostFake;
import dev.fn4j.testkit.AzurePayloadStyle;
import dev.fn4j.testkit.AzureReply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Queue, Service Bus, timer and blob triggers in both payload styles (the host's JSON-in-a-string
 * values and the documented plain ones): the function gets the value itself (text as text, JSON
 * decoded by its declared type, a binary blob as its bytes), the trigger metadata as {@code
 * azure.*} context attributes, and its result goes back in {@code ReturnValue}, its log lines in
 * {@code Logs}.
 */
class EventTriggersTest {

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

  private static AzureFunctionsHostFake host(AzurePayloadStyle style) {
    return server.host().withStyle(style);
  }

  private static String returned(AzureReply reply) {
    assertThat(HandlerServer.violations(reply)).as("%s", reply).isEmpty();
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.succeeded()).isTrue();
    assertThat(reply.outputs()).isEmpty();
    return (String) reply.returnValue().orElseThrow();
  }

  @ParameterizedTest
  @EnumSource(AzurePayloadStyle.class)
  void a_queue_message_of_json_is_decoded_by_the_declared_type(AzurePayloadStyle style) {
    AzureReply reply = host(style).queue("order", "{\"id\":\"Q-1\",\"quantity\":3}");

    assertThat(returned(reply)).isEqualTo("order Q-1 x3");
    assertThat(functions.orders()).contains(new HandlerFunctions.Order("Q-1", 3));
  }

  @ParameterizedTest
  @EnumSource(AzurePayloadStyle.class)
  void a_queue_message_of_text_arrives_without_the_hosts_quotes_and_with_its_metadata(
      AzurePayloadStyle style) {
    AzureReply reply = host(style).queue("echo", "hello queue");

    JsonNode got = json(returned(reply));
    assertThat(got.path("payload").asText()).isEqualTo("hello queue");
    JsonNode attributes = got.path("attributes");
    assertThat(attributes.path("azure.DequeueCount").asText()).isEqualTo("1");
    assertThat(attributes.path("azure.Id").asText()).matches("[0-9a-f-]{36}");
    assertThat(attributes.path("azure.PopReceipt").asText()).doesNotStartWith("\"");
    assertThat(attributes.path("azure.function.name").asText()).isEqualTo("echo");
    assertThat(attributes.path("azure.sys.MethodName").asText()).isEqualTo("echo");
    String randGuid =
        json(reply.invocation().payload()).path("Metadata").path("sys").path("RandGuid").asText();
    assertThat(got.path("requestId").asText()).isEqualTo(randGuid);
    assertThat(got.path("platform").asText()).isEqualTo("azure-functions");
  }

  @ParameterizedTest
  @EnumSource(AzurePayloadStyle.class)
  void a_service_bus_message_arrives_with_its_metadata(AzurePayloadStyle style) {
    AzureReply reply =
        host(style).serviceBus("echo", "hello bus", Map.of("tenant", "contoso", "priority", 2));

    JsonNode got = json(returned(reply));
    assertThat(got.path("payload").asText()).isEqualTo("hello bus");
    JsonNode attributes = got.path("attributes");
    assertThat(attributes.path("azure.DeliveryCount").asText()).isEqualTo("1");
    assertThat(attributes.path("azure.MessageId").asText()).matches("[0-9a-f]{32}");
    assertThat(attributes.path("azure.SequenceNumber").asText()).matches("[0-9]+");
  }

  @ParameterizedTest
  @EnumSource(AzurePayloadStyle.class)
  void a_timer_arrives_as_its_status(AzurePayloadStyle style) {
    String onTime = returned(host(style).timer("timer"));
    String late = returned(host(style).timer("timer", true));

    assertThat(onTime).startsWith("past due: false, status: {").contains("Next=");
    assertThat(late).startsWith("past due: true");
  }

  @ParameterizedTest
  @EnumSource(AzurePayloadStyle.class)
  void a_binary_blob_arrives_as_its_bytes(AzurePayloadStyle style) {
    byte[] content = new byte[300];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 7);
    }
    int before = functions.blobs().size();

    AzureReply reply = host(style).blob("blob", "uploads/2024/report.bin", content);

    assertThat(returned(reply)).isEqualTo("300 bytes, name 2024/report.bin");
    assertThat(functions.blobs()).hasSize(before + 1);
    assertThat(functions.blobs().get(before)).isEqualTo(content);
  }

  @ParameterizedTest
  @EnumSource(AzurePayloadStyle.class)
  void what_the_function_logs_is_in_logs(AzurePayloadStyle style) {
    AzureReply reply = host(style).queue("logging", "from the queue");

    assertThat(returned(reply)).isEqualTo("logged");
    assertThat(reply.logs())
        .containsExactly(
            "INFO: " + HandlerFunctions.LOGGED + "from the queue", "WARNING: second line");
  }

  @ParameterizedTest
  @EnumSource(AzurePayloadStyle.class)
  void logs_of_one_invocation_do_not_leak_into_the_next(AzurePayloadStyle style) {
    host(style).queue("logging", "first");

    AzureReply next = host(style).queue("echo", "second");

    assertThat(next.logs()).isEmpty();
    assertThat(List.of(next.text())).noneMatch(text -> text.contains(HandlerFunctions.LOGGED));
  }
}
