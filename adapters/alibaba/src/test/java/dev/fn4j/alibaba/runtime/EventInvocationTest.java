package dev.fn4j.alibaba.runtime;

import static dev.fn4j.alibaba.runtime.FcReplies.assertClean;
import static dev.fn4j.alibaba.runtime.FcReplies.assertFailed;
import static dev.fn4j.alibaba.runtime.FcReplies.assertSucceeded;
import static dev.fn4j.alibaba.runtime.FcReplies.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.testkit.EventFiles;
import dev.fn4j.testkit.FcReply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /invoke}: an event function's invocation, answered with the output as it is (200 and
 * {@code x-fc-status: 200}) or, when it failed, in FC's form (404, {@code x-fc-status: 404} and a
 * problem body naming the function and the phase), never with a stack trace, a user exception's
 * message or a credential.
 */
class EventInvocationTest {

  private static FcTestServer selecting(String function) {
    return FcTestServer.start(new RuntimeFunctions(), Map.of("FN4J_FUNCTION", function));
  }

  @Test
  void an_event_to_a_text_function_is_answered_with_its_output_as_text() {
    try (FcTestServer server = selecting("uppercase")) {
      // when
      FcReply reply = server.fc().invoke("hello function compute");

      // then
      assertSucceeded(reply);
      assertThat(reply.text()).isEqualTo("HELLO FUNCTION COMPUTE");
      assertThat(reply.header("Content-Type")).hasValue("text/plain; charset=UTF-8");
    }
  }

  @Test
  void a_json_event_to_a_record_function_is_decoded_and_answered_as_json() {
    try (FcTestServer server = selecting("greet")) {
      // given: FC sends every event as application/octet-stream
      byte[] event = EventFiles.bytes("events/alibaba/runtime/greeting.json");

      // when
      FcReply reply = server.fc().invoke(event);

      // then
      assertSucceeded(reply);
      assertThat(reply.header("Content-Type")).hasValue("application/json");
      assertThat(json(reply.text())).isEqualTo(json("{\"message\":\"Hello, fn4j\"}"));
    }
  }

  @Test
  void a_function_with_an_empty_output_is_answered_with_200_and_no_body() {
    try (FcTestServer server = selecting("uppercase")) {
      // when
      FcReply reply = server.fc().invoke(new byte[0]);

      // then
      assertSucceeded(reply);
      assertThat(reply.bytes()).isEmpty();
    }
  }

  @Test
  void a_function_that_throws_fails_the_invocation_in_fcs_form_without_its_message() {
    try (FcTestServer server = selecting("fail")) {
      // when
      FcReply reply = server.fc().invoke("anything");

      // then
      JsonNode problem = assertFailed(reply, "fail", "INVOKE");
      assertThat(problem.path("detail").asText()).contains("java.lang.IllegalStateException");
    }
  }

  @Test
  void an_event_that_is_not_json_for_a_record_function_fails_in_the_decode_phase() {
    try (FcTestServer server = selecting("greet")) {
      // given
      byte[] event = EventFiles.bytes("events/alibaba/runtime/greeting-not-json.json");

      // when
      FcReply reply = server.fc().invoke(event);

      // then
      JsonNode problem = assertFailed(reply, "greet", "DECODE");
      assertThat(problem.path("detail").asText()).contains("not JSON");
    }
  }

  @Test
  void an_empty_event_for_a_record_function_fails_in_the_decode_phase() {
    try (FcTestServer server = selecting("greet")) {
      // when
      FcReply reply = server.fc().invoke(new byte[0]);

      // then
      assertFailed(reply, "greet", "DECODE");
    }
  }

  @Test
  void an_event_nothing_routes_with_several_functions_fails_in_the_route_phase() {
    try (FcTestServer server = FcTestServer.start(new RuntimeFunctions())) {
      // when: plain text offers no routing key, and nothing is selected
      FcReply reply = server.fc().invoke("just text");

      // then
      JsonNode problem = assertFailed(reply, null, "ROUTE");
      assertThat(problem.path("detail").asText()).contains("FN4J_FUNCTION");
    }
  }

  @Test
  void a_trigger_event_whose_routing_keys_no_function_takes_fails_in_the_route_phase() {
    try (FcTestServer server = FcTestServer.start(new RuntimeFunctions())) {
      // given: a timer event; no function is named or mapped after timer:nightly-report or timer
      byte[] event = EventFiles.bytes("events/alibaba/runtime/timer-unmapped.json");

      // when
      FcReply reply = server.fc().invoke(event);

      // then
      JsonNode problem = assertFailed(reply, "timer:nightly-report", "ROUTE");
      assertThat(problem.path("detail").asText()).contains("FN4J_ROUTING_TYPES");
    }
  }

  @Test
  void a_trigger_event_is_routed_by_its_routing_key_to_a_function_that_gets_it_whole() {
    try (FcTestServer server =
        FcTestServer.start(
            new RuntimeFunctions(), Map.of("FN4J_ROUTING_TYPES", "timer:nightly-report=echo"))) {
      // given
      String event = EventFiles.text("events/alibaba/runtime/timer-unmapped.json");

      // when
      FcReply reply = server.fc().invoke(event);

      // then
      assertSucceeded(reply);
      JsonNode echo = json(reply.text());
      assertThat(echo.path("functionName").asText()).isEqualTo("echo");
      assertThat(json(echo.path("payload").asText())).isEqualTo(json(event));
      assertThat(echo.path("attributes").path("fc.trigger").asText()).isEqualTo("timer");
    }
  }

  @Test
  void a_selected_function_takes_every_event_whatever_its_routing_keys() {
    try (FcTestServer server = selecting("echo")) {
      // given: a timer event that names no function
      String event = EventFiles.text("events/alibaba/runtime/timer-unmapped.json");

      // when
      FcReply reply = server.fc().invoke(event);

      // then
      assertSucceeded(reply);
      assertThat(json(reply.text()).path("functionName").asText()).isEqualTo("echo");
    }
  }

  @Test
  void an_event_larger_than_the_body_limit_fails_in_the_decode_phase() {
    try (FcTestServer server =
        FcTestServer.start(
            new RuntimeFunctions(),
            Map.of("FN4J_FUNCTION", "uppercase", "FN4J_MAX_BODY_BYTES", "64"))) {
      // when
      FcReply reply = server.fc().invoke("x".repeat(1000));

      // then
      JsonNode problem = assertFailed(reply, null, "DECODE");
      assertThat(problem.path("title").asText()).isEqualTo("Payload too large");
    }
  }

  @Test
  void an_event_larger_than_the_body_limit_names_no_function() {
    try (FcTestServer server =
        FcTestServer.start(
            new RuntimeFunctions(),
            Map.of("FN4J_FUNCTION", "uppercase", "FN4J_MAX_BODY_BYTES", "64"))) {
      // when
      FcReply reply = server.fc().invoke("x".repeat(1000));

      // then: no function was chosen yet (or the selected one is named)
      JsonNode problem = assertFailed(reply, null, "DECODE");
      assertThat(problem.path("function").asText("uppercase")).isEqualTo("uppercase");
    }
  }

  @Test
  void every_event_invocation_is_framed_by_fcs_start_and_end_log_lines() {
    try (FcTestServer server = selecting("fail")) {
      // when: one invocation fails, another does not parse as anything
      FcReply failed = server.fc().invoke("anything");
      FcReply empty = server.fc().invoke(new byte[0]);

      // then
      for (FcReply reply : List.of(failed, empty)) {
        server.awaitLogLine("FC Invoke Start RequestId: " + reply.requestId());
        server.awaitLogLine("FC Invoke End RequestId: " + reply.requestId());
      }
      List<String> lines = server.log().lines().toList();
      assertThat(lines.indexOf("FC Invoke Start RequestId: " + failed.requestId()))
          .isLessThan(lines.indexOf("FC Invoke End RequestId: " + failed.requestId()));
      assertClean(server.log());
    }
  }
}
