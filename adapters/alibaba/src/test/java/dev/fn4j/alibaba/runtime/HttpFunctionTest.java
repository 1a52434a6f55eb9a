package dev.fn4j.alibaba.runtime;

import static dev.fn4j.alibaba.runtime.FcReplies.assertClean;
import static dev.fn4j.alibaba.runtime.FcReplies.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.function.HttpReply;
import dev.fn4j.function.TypeRef;
import dev.fn4j.testkit.FcReply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HTTP functions: FC forwards the client's request with {@code x-fc-control-path: /http-invoke},
 * and the runtime serves it by path as the local runner does. The function's status, headers and
 * body go back as they are; {@code x-fc-status} is 200 for a handled answer (4xx included) and 404
 * when the invocation failed (5xx).
 */
class HttpFunctionTest {

  private static FcTestServer server;

  @BeforeAll
  static void start() {
    server = FcTestServer.start(new RuntimeFunctions());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** POSTs to an HTTP function; every answer must keep FC's contract, whatever its status. */
  private static FcReply post(String path, String contentType, String body) {
    FcReply reply =
        server
            .fc()
            .http(
                "POST",
                path,
                Map.of("Content-Type", List.of(contentType)),
                body.getBytes(StandardCharsets.UTF_8));
    assertThat(reply.violations()).as("%s", reply).isEmpty();
    return reply;
  }

  @Test
  void a_function_is_routed_by_path_and_answers_with_its_output() {
    // when
    FcReply reply = post("/uppercase", "text/plain", "hello http");

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.fcStatus()).hasValue(200);
    assertThat(reply.violations()).isEmpty();
    assertThat(reply.text()).isEqualTo("HELLO HTTP");
    assertThat(reply.header("Content-Type")).hasValue("text/plain; charset=UTF-8");
  }

  @Test
  void a_json_body_is_decoded_for_a_record_function() {
    // when
    FcReply reply = post("/greet", "application/json", "{\"name\":\"client\"}");

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.fcStatus()).hasValue(200);
    assertThat(json(reply.text())).isEqualTo(json("{\"message\":\"Hello, client\"}"));
  }

  @Test
  void the_functions_status_headers_and_body_are_passed_through() {
    // when
    FcReply reply = post("/created", "text/plain", "book");

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    assertThat(reply.fcStatus()).hasValue(200);
    assertThat(reply.violations()).isEmpty();
    assertThat(reply.header("X-Order-Id")).hasValue("42");
    assertThat(reply.header("Content-Type")).hasValue("text/plain; charset=UTF-8");
    assertThat(reply.text()).isEqualTo("created book");
  }

  @Test
  void bytes_go_through_unchanged() {
    // given
    byte[] body = {0, 1, 2, (byte) 0xfe, (byte) 0xff};

    // when
    FcReply reply =
        server
            .fc()
            .http(
                "POST",
                "/reverse",
                Map.of("Content-Type", List.of("application/octet-stream")),
                body);

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.fcStatus()).hasValue(200);
    assertThat(reply.violations()).isEmpty();
    assertThat(reply.bytes()).containsExactly(0xff, 0xfe, 2, 1, 0);
    assertThat(reply.header("Content-Type")).hasValue("application/octet-stream");
  }

  @Test
  void an_unknown_path_is_a_handled_404_with_x_fc_status_200() {
    // when
    FcReply reply = post("/nowhere", "text/plain", "x");

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(404);
    assertThat(reply.fcStatus()).as("a handled answer, not a failed invocation").hasValue(200);
    assertThat(reply.violations()).isEmpty();
    JsonNode problem = json(reply.text());
    assertThat(problem.path("phase").asText()).isEqualTo("ROUTE");
    assertThat(problem.path("requestId").asText()).isEqualTo(reply.requestId());
  }

  @Test
  void a_body_that_does_not_decode_is_a_handled_400_with_x_fc_status_200() {
    // when
    FcReply reply = post("/greet", "application/json", "{\"name\":");

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(400);
    assertThat(reply.fcStatus()).hasValue(200);
    assertThat(reply.header("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json(reply.text());
    assertThat(problem.path("function").asText()).isEqualTo("greet");
    assertThat(problem.path("phase").asText()).isEqualTo("DECODE");
  }

  @Test
  void a_wrong_method_is_a_handled_405_naming_the_allowed_one() {
    // when
    FcReply reply = server.fc().http("GET", "/uppercase");

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(405);
    assertThat(reply.fcStatus()).hasValue(200);
    assertThat(reply.violations()).isEmpty();
    assertThat(reply.header("Allow")).hasValue("POST");
  }

  @Test
  void a_function_that_throws_is_a_500_with_x_fc_status_404_and_no_trace_of_its_message() {
    // when
    FcReply reply = post("/fail", "text/plain", "x");

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(500);
    assertThat(reply.fcStatus()).as("a failed invocation").hasValue(404);
    assertThat(reply.violations()).isEmpty();
    JsonNode problem = json(reply.text());
    assertThat(problem.path("function").asText()).isEqualTo("fail");
    assertThat(problem.path("phase").asText()).isEqualTo("INVOKE");
    assertThat(problem.path("requestId").asText()).isEqualTo(reply.requestId());
    assertClean(reply.text());
  }

  @Test
  void a_user_path_named_like_a_control_path_is_served_as_an_http_function() {
    // when: the client of an HTTP trigger posts to /invoke; FC marks it /http-invoke
    FcReply reply = post("/invoke", "text/plain", "{\"name\":\"not an event\"}");

    // then: routed by path (no function 'invoke'), a handled 404, not an event invocation
    assertThat(reply.status()).as("%s", reply).isEqualTo(404);
    assertThat(reply.fcStatus()).hasValue(200);
    assertThat(json(reply.text()).path("function").asText()).isEqualTo("invoke");
  }

  @Test
  void every_http_invocation_is_framed_by_fcs_start_and_end_log_lines() {
    // when
    FcReply ok = post("/uppercase", "text/plain", "a");
    FcReply failed = post("/fail", "text/plain", "b");

    // then
    for (FcReply reply : List.of(ok, failed)) {
      server.awaitLogLine("FC Invoke Start RequestId: " + reply.requestId());
      server.awaitLogLine("FC Invoke End RequestId: " + reply.requestId());
    }
    assertClean(server.log());
  }

  @Test
  void a_body_larger_than_the_limit_is_a_handled_413() {
    try (FcTestServer small =
        FcTestServer.start(new RuntimeFunctions(), Map.of("FN4J_MAX_BODY_BYTES", "64"))) {
      // when
      FcReply reply =
          small
              .fc()
              .http(
                  "POST",
                  "/uppercase",
                  Map.of("Content-Type", List.of("text/plain")),
                  "x".repeat(1000).getBytes(StandardCharsets.UTF_8));

      // then
      assertThat(reply.status()).as("%s", reply).isEqualTo(413);
      assertThat(reply.fcStatus()).hasValue(200);
      assertThat(reply.violations()).isEmpty();
      assertThat(json(reply.text()).path("phase").asText()).isEqualTo("DECODE");
    }
  }

  @Test
  void reply_headers_fc_reserves_are_not_passed_through_from_a_function() {
    try (FcTestServer spoofing =
        FcTestServer.start(
            registry ->
                registry.function(
                    "spoof",
                    new TypeRef<String>() {},
                    new TypeRef<HttpReply<String>>() {},
                    text ->
                        HttpReply.of(503, "unavailable")
                            .withHeader("x-fc-status", "200")
                            .withHeader("X-Fc-Error-Type", "none")))) {
      // when
      FcReply reply = spoofing.fc().http("POST", "/spoof", Map.of(), new byte[0]);

      // then: the runtime alone says how the invocation went
      assertThat(reply.status()).as("%s", reply).isEqualTo(503);
      assertThat(reply.headers().get("x-fc-status"))
          .as("x-fc-status of %s", reply.headers())
          .containsExactly("404");
      assertThat(reply.violations()).as("%s", reply.headers()).isEmpty();
    }
  }
}
