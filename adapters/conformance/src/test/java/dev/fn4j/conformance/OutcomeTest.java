package dev.fn4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutcomeTest {

  private static final String PROBLEM =
      "{\"type\":\"urn:fn4j:problem:bad-input\",\"title\":\"Bad input\",\"status\":400,"
          + "\"detail\":\"Function 'greet' failed in phase DECODE: not JSON\","
          + "\"function\":\"greet\",\"phase\":\"DECODE\",\"requestId\":\"%s\"}";

  @Test
  void the_media_type_loses_its_parameters_and_case_and_an_empty_body_has_none() {
    assertThat(Outcome.of(200, "Text/Plain; charset=UTF-8", "hi").contentType())
        .hasValue("text/plain");
    assertThat(Outcome.of(204, "text/plain", new byte[0]).contentType()).isEmpty();
    assertThat(Outcome.of(200, "text/plain", "hi"))
        .isEqualTo(Outcome.of(200, "text/plain;charset=utf-8", "hi"));
  }

  @Test
  void outcomes_that_differ_in_status_type_or_body_are_not_equal_and_say_how() {
    Outcome reference = Outcome.of(204, null, new byte[0]);

    Outcome other = Outcome.of(202, "text/plain", "x");

    assertThat(other).isNotEqualTo(reference);
    assertThat(other.differencesFrom(reference))
        .containsExactly(
            "status 202, expected 204",
            "content type text/plain, expected (none)",
            "body \"x\", expected (no body)");
    assertThat(reference.differencesFrom(reference)).isEmpty();
  }

  @Test
  void binary_bodies_are_compared_byte_for_byte() {
    Outcome reference = Outcome.of(200, "application/octet-stream", new byte[] {1, 2, (byte) 0xff});

    assertThat(Outcome.of(200, "application/octet-stream", new byte[] {1, 2, (byte) 0xff}))
        .isEqualTo(reference)
        .hasSameHashCodeAs(reference);
    assertThat(Outcome.of(200, "application/octet-stream", new byte[] {1, 2, (byte) 0xfe}))
        .isNotEqualTo(reference);
    assertThat(reference.toString()).isEqualTo("200 application/octet-stream [3 bytes: 01 02 ff]");
  }

  @Test
  void problems_are_equal_whatever_their_request_ids_but_every_other_member_counts() {
    Outcome local = Outcome.of(400, "application/problem+json", PROBLEM.formatted("local-1"));
    Outcome aws = Outcome.of(400, "application/problem+json", PROBLEM.formatted("aws-9"));
    Outcome otherPhase =
        Outcome.of(
            400,
            "application/problem+json",
            PROBLEM.formatted("aws-9").replace("\"phase\":\"DECODE\"", "\"phase\":\"INVOKE\""));

    assertThat(aws).isEqualTo(local).hasSameHashCodeAs(local);
    assertThat(otherPhase).isNotEqualTo(local);
    assertThat(otherPhase.differencesFrom(local))
        .containsExactly("problem member 'phase' INVOKE, expected DECODE");
  }

  @Test
  void a_problem_body_is_read_into_its_fields() {
    Outcome outcome = Outcome.of(400, "application/problem+json", PROBLEM.formatted("r-1"));

    assertThat(outcome.problem())
        .hasValueSatisfying(
            problem -> {
              assertThat(problem.status()).isEqualTo(400);
              assertThat(problem.title()).isEqualTo("Bad input");
              assertThat(problem.function()).isEqualTo("greet");
              assertThat(problem.phase()).isEqualTo("DECODE");
              assertThat(problem.requestId()).isEqualTo("r-1");
            });
    assertThat(outcome.problemFields()).containsEntry("type", "urn:fn4j:problem:bad-input");
    assertThat(Outcome.of(200, "application/json", "{\"phase\":\"DECODE\"}").problem()).isEmpty();
    assertThat(Outcome.of(500, "application/problem+json", "not json").problem()).isEmpty();
  }

  @Test
  void the_body_is_copied_in_and_out() {
    byte[] bytes = {1, 2, 3};
    Outcome outcome = Outcome.of(200, "application/octet-stream", bytes);

    bytes[0] = 9;
    outcome.body()[1] = 9;

    assertThat(outcome.body()).containsExactly(1, 2, 3);
  }

  @Test
  void a_status_outside_http_is_refused() {
    assertThatThrownBy(() -> Outcome.of(0, null, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0");
  }
}
