package dev.fn4j.conformance.event;

import static dev.fn4j.conformance.event.Disposition.ACKNOWLEDGED;
import static dev.fn4j.conformance.event.Disposition.REJECTED;
import static dev.fn4j.conformance.event.Disposition.RETRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The normalisation itself: outcomes, leak checks, and the platforms' rules as the paths read them.
 */
class EventOutcomeTest {

  @Test
  void an_exception_with_frames_shows_a_stack_trace_and_its_message() {
    // given
    EventOutcome thrown =
        EventOutcome.of(
            List.of(RETRY),
            List.of(),
            PlatformView.thrown(new IllegalStateException("secret-internal-detail")));

    // then
    assertThat(thrown.showsStackTrace()).isTrue();
    assertThat(thrown.reveals("secret-internal-detail")).isTrue();
  }

  @Test
  void an_exception_without_frames_shows_no_stack_trace() {
    // given
    RuntimeException frameless = new RuntimeException("Function 'f' failed", null, false, false) {};

    // when
    EventOutcome outcome =
        EventOutcome.withoutReplies(List.of(RETRY), PlatformView.thrown(frameless));

    // then
    assertThat(outcome.showsStackTrace()).isFalse();
    assertThat(outcome.reveals("Function 'f' failed")).isTrue();
  }

  @Test
  void frames_on_lines_of_their_own_count_as_a_stack_trace_a_throw_site_in_a_line_does_not() {
    assertThat(
            EventOutcome.of(
                    List.of(RETRY),
                    List.of(),
                    "java.lang.IllegalStateException: boom\n    at com.acme.Fn.apply(Fn.java:42)")
                .showsStackTrace())
        .isTrue();
    // fn4j's log lines name the throw site (FailureText): one frame, not a trace.
    assertThat(
            EventOutcome.of(
                    List.of(RETRY),
                    List.of(),
                    "WARNING: f failed: java.lang.IllegalStateException at com.acme.Fn.apply(Fn.java:42)")
                .showsStackTrace())
        .isFalse();
  }

  @Test
  void replies_are_compared_only_when_both_outcomes_carry_them() {
    // given
    EventOutcome expected =
        EventOutcome.expected(List.of(ACKNOWLEDGED), List.of(EventPayload.text("HELLO")));

    // then
    assertThat(EventOutcome.withoutReplies(List.of(ACKNOWLEDGED), "").differencesFrom(expected))
        .isEmpty();
    assertThat(
            EventOutcome.of(List.of(ACKNOWLEDGED), List.of(EventPayload.text("hello")), "")
                .differencesFrom(expected))
        .containsExactly("reply 0: bytes \"hello\", expected \"HELLO\"");
    assertThat(EventOutcome.of(List.of(ACKNOWLEDGED), List.of(), "").differencesFrom(expected))
        .containsExactly("replies [], expected [text/plain \"HELLO\"]");
    assertThat(
            EventOutcome.of(
                    List.of(ACKNOWLEDGED),
                    List.of(EventPayload.of(null, "HELLO".getBytes(StandardCharsets.UTF_8))),
                    "")
                .differencesFrom(expected))
        .as("a reply without a content type is compared by its bytes")
        .isEmpty();
    assertThat(EventOutcome.of(List.of(RETRY), List.of(), "").differencesFrom(expected))
        .contains("dispositions [RETRY], expected [ACKNOWLEDGED]");
  }

  @Test
  void an_outcome_has_a_disposition_per_item_and_is_compared_with_a_reference() {
    assertThatThrownBy(
            () -> EventOutcome.withoutReplies(List.of(ACKNOWLEDGED), "").differencesFrom(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> EventOutcome.of(List.of(), List.of(), ""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void joined_outcomes_keep_every_item_in_order() {
    // when
    EventOutcome joined =
        EventOutcome.joined(
            List.of(
                EventOutcome.of(List.of(ACKNOWLEDGED), List.of(EventPayload.text("a")), "one"),
                EventOutcome.of(List.of(RETRY), List.of(), "two")));

    // then
    assertThat(joined.dispositions()).containsExactly(ACKNOWLEDGED, RETRY);
    assertThat(joined.replies()).containsExactly(EventPayload.text("a"));
    assertThat(joined.platformView()).isEqualTo("one\n---\ntwo");
  }

  @Test
  void sqs_partial_batch_responses_are_read_as_lambda_reads_them() {
    List<String> ids = List.of("m1", "m2", "m3");
    assertThat(SqsPath.dispositions(ids, bytes(""))).containsOnly(ACKNOWLEDGED);
    assertThat(SqsPath.dispositions(ids, bytes("null"))).containsOnly(ACKNOWLEDGED);
    assertThat(SqsPath.dispositions(ids, bytes("{}"))).containsOnly(ACKNOWLEDGED);
    assertThat(SqsPath.dispositions(ids, bytes("{\"batchItemFailures\":[]}")))
        .containsOnly(ACKNOWLEDGED);
    assertThat(
            SqsPath.dispositions(
                ids, bytes("{\"batchItemFailures\":[{\"itemIdentifier\":\"m2\"}]}")))
        .containsExactly(ACKNOWLEDGED, RETRY, ACKNOWLEDGED);
    // AWS: an invalid response, or an empty, null or unknown itemIdentifier fails the whole batch.
    for (String whole :
        List.of(
            "not json",
            "{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}",
            "{\"batchItemFailures\":[{\"itemIdentifier\":null}]}",
            "{\"batchItemFailures\":[{\"id\":\"m2\"}]}",
            "{\"batchItemFailures\":[{\"itemIdentifier\":\"m9\"}]}")) {
      assertThat(SqsPath.dispositions(ids, bytes(whole))).as(whole).containsOnly(RETRY);
    }
  }

  @Test
  void knative_statuses_follow_its_retry_rules() {
    assertThat(KnativeBinaryPath.disposition(200)).isEqualTo(ACKNOWLEDGED);
    assertThat(KnativeBinaryPath.disposition(202)).isEqualTo(ACKNOWLEDGED);
    for (int retried : new int[] {-1, 404, 408, 409, 425, 429, 500, 503}) {
      assertThat(KnativeBinaryPath.disposition(retried)).as("%d", retried).isEqualTo(RETRY);
    }
    for (int given : new int[] {400, 405, 413, 415}) {
      assertThat(KnativeBinaryPath.disposition(given)).as("%d", given).isEqualTo(REJECTED);
    }
  }

  @Test
  void structured_events_carry_json_as_json_text_as_text_and_the_rest_in_base64() {
    assertThat(StructuredEvents.event("1", "/s", "t", EventPayload.json("{\"a\":1}")))
        .containsEntry("data", java.util.Map.of("a", 1L));
    assertThat(StructuredEvents.event("1", "/s", "t", EventPayload.text("hi")))
        .containsEntry("data", "hi");
    assertThat(StructuredEvents.event("1", "/s", "t", EventPayload.json("{\"a\":")))
        .containsEntry("data_base64", "eyJhIjo=")
        .doesNotContainKey("data");
    assertThat(
            StructuredEvents.data(
                StructuredEvents.event(
                    "1",
                    "/s",
                    "t",
                    EventPayload.of("application/octet-stream", new byte[] {1, 2}))))
        .isEqualTo(EventPayload.of("application/octet-stream", new byte[] {1, 2}));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
