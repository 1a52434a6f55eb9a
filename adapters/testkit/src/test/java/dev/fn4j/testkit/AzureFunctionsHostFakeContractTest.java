package dev.fn4j.testkit;

import static dev.fn4j.testkit.AzureFunctionsHostFakeTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.testkit.RecordingServer.Answer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@link AzureReply#violations()} and {@link AzureReply#succeeded()} make of answers. */
class AzureFunctionsHostFakeContractTest {

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
  void a_well_formed_answer_has_no_violations_and_succeeds() {
    AzureReply reply = host.queue("orders", "x");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("content-type")).hasValue("application/json; charset=utf-8");
    assertThat(reply.text()).isEqualTo("{\"Outputs\":{},\"Logs\":[],\"ReturnValue\":null}");
    assertThat(reply.violations()).isEmpty();
    assertThat(reply.succeeded()).isTrue();
    assertThat(reply.outputs()).isEmpty();
    assertThat(reply.logs()).isEmpty();
    assertThat(reply.returnValue()).isEmpty();
  }

  @Test
  void an_empty_200_never_completes_the_invocation() {
    handler.answer(request -> json(200, ""));

    AzureReply reply = host.queue("orders", "x");

    assertThat(reply.succeeded()).isFalse();
    assertThat(reply.violations())
        .containsExactly(
            "empty body with status 200: the host reads no result and never completes the"
                + " invocation");
  }

  @Test
  void a_2xx_answer_must_be_application_json() {
    handler.answer(request -> new Answer(200, Map.of(), "{\"Outputs\":{}}"));
    AzureReply untyped = host.queue("orders", "x");
    assertThat(untyped.succeeded()).isFalse();
    assertThat(untyped.violations())
        .containsExactly(
            "no Content-Type: the host reads the answer as JSON and fails the invocation");
    assertThat(untyped.outputs()).isEmpty();

    handler.answer(
        request -> new Answer(200, Map.of("Content-Type", "text/plain"), "{\"Outputs\":{}}"));
    assertThat(host.queue("orders", "x").violations())
        .containsExactly(
            "Content-Type 'text/plain' is not application/json: the host reads the answer as JSON"
                + " and fails the invocation");

    handler.answer(
        request -> new Answer(200, Map.of("Content-Type", "text/json"), "{\"Outputs\":{}}"));
    assertThat(host.queue("orders", "x").violations()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"HELLO", "[1,2]", "\"text\"", "null", "{\"Outputs\":{}} trailing"})
  void a_2xx_body_must_be_one_json_object(String body) {
    handler.answer(request -> json(200, body));

    AzureReply reply = host.timer("cleanup");

    assertThat(reply.succeeded()).isFalse();
    assertThat(reply.violations())
        .containsExactly("the body is not a JSON object with Outputs, Logs and ReturnValue");
  }

  @Test
  void outputs_must_be_an_object_and_logs_an_array_of_strings() {
    handler.answer(request -> json(200, "{\"Outputs\":[1],\"Logs\":\"one line\"}"));
    assertThat(host.timer("t").violations())
        .containsExactly("Outputs is not a JSON object", "Logs is not an array of strings");

    handler.answer(request -> json(200, "{\"outputs\":null,\"logs\":[\"ok\",{\"level\":1},2]}"));
    AzureReply reply = host.timer("t");
    assertThat(reply.violations())
        .containsExactly("logs[1] is not a string", "logs[2] is not a string");
    assertThat(reply.logs()).containsExactly("ok", "{\"level\":1}", "2");
  }

  @Test
  void a_stack_trace_in_any_answer_is_a_violation() {
    String trace =
        "java.lang.IllegalStateException: boom\\n\\tat dev.fn4j.demo.Orders.apply(Orders.java:12)";
    handler.answer(request -> json(200, "{\"Outputs\":{},\"Logs\":[\"" + trace + "\"]}"));
    assertThat(host.timer("t").violations())
        .containsExactly("the answer carries a Java stack trace");

    handler.answer(request -> json(500, "{\"error\":\"" + trace + "\"}"));
    assertThat(host.queue("q", "x").violations())
        .containsExactly("the answer carries a Java stack trace");

    handler.answer(
        request ->
            json(200, "{\"Outputs\":{},\"Logs\":[\"at the end of the day (really) it worked\"]}"));
    assertThat(host.timer("t").violations()).isEmpty();
  }

  @Test
  void the_storage_key_in_an_answer_is_a_violation() {
    handler.answer(
        request ->
            json(
                200,
                "{\"Logs\":[\"AccountKey="
                    + AzureFunctionsHostFake.FAKE_STORAGE_ACCOUNT_KEY
                    + "\"]}"));

    assertThat(host.timer("t").violations())
        .containsExactly("the answer carries the storage account key from AzureWebJobsStorage");
  }
}
