package dev.fn4j.alibaba.runtime;

import static dev.fn4j.alibaba.runtime.FcReplies.assertClean;
import static dev.fn4j.alibaba.runtime.FcReplies.assertSucceeded;
import static dev.fn4j.alibaba.runtime.FcReplies.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.testkit.EventFiles;
import dev.fn4j.testkit.FcReply;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An FC 3.0 HTTP trigger in front of an event function: {@code /invoke} gets the request as a
 * {@code version: v1} event, which the runtime routes by {@code rawPath} to an HTTP function and
 * answers with the v1 response document ({@code statusCode}, {@code headers}, {@code
 * isBase64Encoded}, {@code body}). The invocation itself succeeds (200, {@code x-fc-status: 200})
 * whatever the HTTP status in the document: failures are HTTP answers, as for an HTTP function.
 */
class HttpTriggerEventTest {

  private static FcTestServer server;

  @BeforeAll
  static void start() {
    server = FcTestServer.start(new RuntimeFunctions());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode invoke(String file) {
    FcReply reply = server.fc().invoke(EventFiles.bytes("events/alibaba/runtime/" + file));
    assertSucceeded(reply);
    assertThat(reply.header("Content-Type")).hasValue("application/json");
    JsonNode document = json(reply.text());
    List<String> members = new ArrayList<>();
    document.fieldNames().forEachRemaining(members::add);
    assertThat(members)
        .as("the v1 response document")
        .containsExactlyInAnyOrder("statusCode", "headers", "isBase64Encoded", "body");
    assertThat(document.path("statusCode").isIntegralNumber()).isTrue();
    assertThat(document.path("isBase64Encoded").isBoolean()).isTrue();
    assertThat(document.path("body").isTextual()).isTrue();
    return document;
  }

  @Test
  void a_text_request_is_routed_by_raw_path_and_answered_with_a_text_document() {
    // when
    JsonNode document = invoke("http-trigger-uppercase.json");

    // then
    assertThat(document.path("statusCode").asInt()).isEqualTo(200);
    assertThat(document.path("isBase64Encoded").asBoolean()).isFalse();
    assertThat(document.path("body").asText()).isEqualTo("HELLO TRIGGER");
    assertThat(document.path("headers").path("Content-Type").asText())
        .isEqualTo("text/plain; charset=UTF-8");
  }

  @Test
  void a_json_request_is_decoded_by_the_content_type_of_the_event_headers() {
    // when
    JsonNode document = invoke("http-trigger-greet.json");

    // then
    assertThat(document.path("statusCode").asInt()).isEqualTo(200);
    assertThat(json(document.path("body").asText()))
        .isEqualTo(json("{\"message\":\"Hello, HTTP trigger\"}"));
    assertThat(document.path("headers").path("Content-Type").asText())
        .isEqualTo("application/json");
  }

  @Test
  void a_base64_request_body_is_decoded_and_a_binary_answer_is_base64_encoded() {
    // when: the event's body is base64 of 00 01 02 fe ff
    JsonNode document = invoke("http-trigger-base64.json");

    // then
    assertThat(document.path("statusCode").asInt()).isEqualTo(200);
    assertThat(document.path("isBase64Encoded").asBoolean()).isTrue();
    assertThat(Base64.getDecoder().decode(document.path("body").asText()))
        .containsExactly(0xff, 0xfe, 2, 1, 0);
    assertThat(document.path("headers").path("Content-Type").asText())
        .isEqualTo("application/octet-stream");
  }

  @Test
  void the_functions_status_and_headers_go_into_the_document() {
    // when
    JsonNode document = invoke("http-trigger-created.json");

    // then
    assertThat(document.path("statusCode").asInt()).isEqualTo(201);
    assertThat(document.path("headers").path("X-Order-Id").asText()).isEqualTo("42");
    assertThat(document.path("body").asText()).isEqualTo("created order");
  }

  @Test
  void the_function_sees_method_path_query_and_headers_but_no_x_fc_header() {
    // when
    JsonNode document = invoke("http-trigger-echo.json");

    // then
    assertThat(document.path("statusCode").asInt()).isEqualTo(200);
    JsonNode echo = json(document.path("body").asText());
    assertThat(echo.path("payload").asText()).isEqualTo("echo me");
    JsonNode attributes = echo.path("attributes");
    assertThat(attributes.path("http.method").asText()).isEqualTo("PUT");
    assertThat(attributes.path("http.path").asText()).isEqualTo("/echo/items/7");
    assertThat(attributes.path("http.query").asText()).contains("page=2").contains("q=a+b");
    assertThat(attributes.path("fc.trigger").asText()).isEqualTo("http");
    assertThat(attributes.path("fc.function.name").asText()).isEqualTo("fn4j-test");
    assertThat(echo.path("headers").path("x-request-tag").asText()).isEqualTo("blue");
    assertThat(echo.path("headers").has("x-fc-smuggled")).isFalse();
    assertThat(echo.path("credentials").asText()).isEqualTo("the fake host's");
  }

  @Test
  void an_unknown_path_is_a_404_document_in_a_successful_invocation() {
    // when
    JsonNode document = invoke("http-trigger-unknown-path.json");

    // then
    assertThat(document.path("statusCode").asInt()).isEqualTo(404);
    assertThat(document.path("headers").path("Content-Type").asText())
        .isEqualTo("application/problem+json");
    assertThat(json(document.path("body").asText()).path("phase").asText()).isEqualTo("ROUTE");
  }

  @Test
  void a_body_that_does_not_decode_is_a_400_document_naming_the_function_and_phase() {
    // when
    JsonNode document = invoke("http-trigger-bad-json.json");

    // then
    assertThat(document.path("statusCode").asInt()).isEqualTo(400);
    JsonNode problem = json(document.path("body").asText());
    assertThat(problem.path("function").asText()).isEqualTo("greet");
    assertThat(problem.path("phase").asText()).isEqualTo("DECODE");
  }

  @Test
  void a_function_that_throws_is_a_500_document_without_its_message() {
    // when
    JsonNode document = invoke("http-trigger-fail.json");

    // then
    assertThat(document.path("statusCode").asInt()).isEqualTo(500);
    JsonNode problem = json(document.path("body").asText());
    assertThat(problem.path("function").asText()).isEqualTo("fail");
    assertThat(problem.path("phase").asText()).isEqualTo("INVOKE");
    assertClean(document.toString());
  }

  @Test
  void fcs_own_invocation_url_reaches_the_only_function() {
    try (FcTestServer single =
        FcTestServer.start(
            registry ->
                registry.function(
                    "shout",
                    String.class,
                    String.class,
                    text -> text.toUpperCase(Locale.ROOT) + "!"))) {
      // given: the raw path is FC's invocation URL, which names no fn4j function
      byte[] event = EventFiles.bytes("events/alibaba/runtime/http-trigger-invocation-url.json");

      // when
      FcReply reply = single.fc().invoke(event);

      // then
      assertSucceeded(reply);
      JsonNode document = json(reply.text());
      assertThat(document.path("statusCode").asInt()).isEqualTo(200);
      assertThat(document.path("body").asText()).isEqualTo("HELLO TRIGGER!");
    }
  }
}
