package dev.fn4j.alibaba.runtime;

import static dev.fn4j.alibaba.runtime.FcReplies.assertFailed;
import static dev.fn4j.alibaba.runtime.FcReplies.assertSucceeded;
import static dev.fn4j.alibaba.runtime.FcReplies.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.alibaba.runtime.RuntimeFunctions.Order;
import dev.fn4j.testkit.EventFiles;
import dev.fn4j.testkit.FcReply;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * EventBridge-based triggers (MNS queue, RocketMQ, Kafka, ...) deliver CloudEvents to {@code
 * /invoke}: one event, a JSON array of events, or (Kafka) a JSON array of strings that hold the
 * events. Each is routed by its {@code type} ({@code FN4J_ROUTING_TYPES}) and the function gets its
 * {@code data}, decoded by the declared type; a batch goes one event per call, or whole to a {@code
 * List<T>} function, and one failed event fails the invocation, naming the event.
 */
class CloudEventInvocationTest {

  private RuntimeFunctions functions;
  private FcTestServer server;

  @BeforeEach
  void start() {
    functions = new RuntimeFunctions();
    server =
        FcTestServer.start(functions, Map.of("FN4J_ROUTING_TYPES", RuntimeFunctions.ROUTING_TYPES));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private FcReply invoke(String file) {
    return server.fc().invoke(EventFiles.bytes("events/alibaba/runtime/" + file));
  }

  @Test
  void a_cloudevent_is_routed_by_its_type_and_its_data_decoded_for_a_record_function() {
    // when
    FcReply reply = invoke("cloudevent-greeting.json");

    // then
    assertSucceeded(reply);
    assertThat(json(reply.text())).isEqualTo(json("{\"message\":\"Hello, EventBridge\"}"));
    assertThat(reply.header("Content-Type")).hasValue("application/json");
  }

  @Test
  void the_function_sees_the_attributes_as_ce_headers_and_ce_context_attributes() {
    // when
    FcReply reply = invoke("cloudevent-echo.json");

    // then
    assertSucceeded(reply);
    JsonNode echo = json(reply.text());
    assertThat(json(echo.path("payload").asText()))
        .isEqualTo(json("{\"messageBody\":\"hello queue\"}"));
    JsonNode headers = echo.path("headers");
    assertThat(headers.path("ce-id").asText()).isEqualTo("evt-echo-1");
    assertThat(headers.path("ce-type").asText()).isEqualTo("com.example.echo");
    assertThat(headers.path("ce-source").asText()).isEqualTo("acs:mns");
    assertThat(headers.path("ce-subject").asText()).isEqualTo("queues/orders");
    assertThat(headers.path("ce-aliyunregionid").asText()).isEqualTo("cn-hangzhou");
    assertThat(headers.path("content-type").asText()).isEqualTo("application/json");
    JsonNode attributes = echo.path("attributes");
    assertThat(attributes.path("ce.id").asText()).isEqualTo("evt-echo-1");
    assertThat(attributes.path("ce.aliyunaccountid").asText()).isEqualTo("1234567890123456");
    assertThat(attributes.path("fc.trigger").asText()).isEqualTo("cloudevent");
    assertThat(attributes.path("fc.function.name").asText()).isEqualTo("fn4j-test");
    assertThat(echo.path("requestId").asText()).isEqualTo(reply.requestId());
  }

  @Test
  void data_base64_is_handed_over_as_bytes() {
    // when
    FcReply reply = invoke("cloudevent-bytes.json");

    // then: AAEC/w== is 00 01 02 ff; reverse answers ff 02 01 00
    assertSucceeded(reply);
    assertThat(reply.bytes()).containsExactly(0xff, 2, 1, 0);
    assertThat(reply.header("Content-Type")).hasValue("application/octet-stream");
  }

  @Test
  void data_that_does_not_decode_fails_the_invocation_in_the_decode_phase() {
    // when
    FcReply reply = invoke("cloudevent-greeting-bad-data.json");

    // then
    assertFailed(reply, "greet", "DECODE");
  }

  @Test
  void a_type_no_function_takes_fails_the_invocation_in_the_route_phase() {
    // when
    FcReply reply = invoke("cloudevent-unmapped-type.json");

    // then
    assertFailed(reply, "com.example.nobody.listens", "ROUTE");
  }

  @Test
  void a_batch_goes_one_event_per_call_to_a_function_of_one_item() {
    // when
    FcReply reply = invoke("batch-orders.json");

    // then
    assertSucceeded(reply);
    assertThat(functions.orders())
        .containsExactly(new Order("A-1", 2), new Order("A-2", 5), new Order("A-3", 1));
  }

  @Test
  void a_kafka_batch_of_json_strings_is_read_as_the_events_they_hold() {
    // when
    FcReply reply = invoke("batch-orders-kafka-strings.json");

    // then
    assertSucceeded(reply);
    assertThat(functions.orders()).containsExactly(new Order("K-1", 7), new Order("K-2", 8));
  }

  @Test
  void a_batch_goes_whole_to_a_list_function_which_answers_for_it() {
    // when
    FcReply reply = invoke("batch-orders-bulk.json");

    // then
    assertSucceeded(reply);
    assertThat(json(reply.text()))
        .isEqualTo(json("{\"count\":2,\"ids\":[\"B-1\",\"B-2\"],\"total\":7}"));
  }

  @Test
  void one_failing_event_fails_the_invocation_naming_its_position_and_id() {
    // when
    FcReply reply = invoke("batch-orders-one-fails.json");

    // then
    JsonNode problem = assertFailed(reply, "order", "INVOKE");
    assertThat(problem.path("detail").asText())
        .contains("event 1 (id 'order-bad-2')")
        .doesNotContain("order-ok-1")
        .doesNotContain("order-ok-3");
    assertThat(functions.orders())
        .as("the others ran: the batch is redelivered whole, at least once")
        .containsExactly(new Order("C-1", 1), new Order("C-3", 3));
  }

  @Test
  void one_event_whose_data_does_not_decode_fails_the_invocation_in_the_decode_phase() {
    // when
    FcReply reply = invoke("batch-orders-undecodable-item.json");

    // then
    JsonNode problem = assertFailed(reply, "order", "DECODE");
    assertThat(problem.path("detail").asText()).contains("event 1 (id 'order-garbled-2')");
  }
}
