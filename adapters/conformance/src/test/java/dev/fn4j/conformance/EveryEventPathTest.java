package dev.fn4j.conformance;

import static dev.fn4j.conformance.event.Disposition.ACKNOWLEDGED;
import static dev.fn4j.conformance.event.Disposition.REJECTED;
import static dev.fn4j.conformance.event.Disposition.RETRY;
import static dev.fn4j.conformance.event.EventPaths.AWS_DIRECT;
import static dev.fn4j.conformance.event.EventPaths.AWS_SQS;
import static dev.fn4j.conformance.event.EventPaths.KNATIVE_BATCH;
import static dev.fn4j.conformance.event.EventPaths.KNATIVE_BINARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.conformance.event.Disposition;
import dev.fn4j.conformance.event.EventCall;
import dev.fn4j.conformance.event.EventOutcome;
import dev.fn4j.conformance.event.EventPath;
import dev.fn4j.conformance.event.EventPaths;
import dev.fn4j.conformance.event.EventPayload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The application of {@link ConformanceFunctions} along every event path: for the same events,
 * every path reports the same normalised outcome, and each failure phase maps as DESIGN.md §6 says
 * for event triggers (an unknown function is never acknowledged; a DECODE failure is rejected where
 * the platform has a non-retryable failure, else retried; INVOKE and ENCODE failures are retried).
 * Where a platform legitimately differs, the test asserts the difference, with the platform's
 * reason:
 *
 * <ul>
 *   <li>{@code knative-batch}: a batch is all or nothing. Its sender can only redeliver the batch
 *       whole, so one failed event fails (and redelivers) every event of the batch.
 *   <li>{@code knative-binary} and {@code knative-batch}: undecodable data is {@link
 *       Disposition#REJECTED} (400), Knative's one non-retryable failure; the other platforms have
 *       none, so they retry it and then dead-letter it.
 *   <li>{@code aws-direct}: a Lambda invocation's payload is a JSON document, so a text event
 *       travels as a JSON string, which a {@code String} function gets as it is, quotes included.
 *   <li>{@code aws-sqs}, {@code aws-direct}, {@code azure-queue}: their messages are text; bytes
 *       are refused.
 *   <li>{@code aws-sqs} and {@code gcp-event} have no reply channel: what a function returns is
 *       dropped, so their replies are not compared.
 * </ul>
 *
 * <p>The whole-batch function {@code ship} is delivered only along the paths that deliver batches
 * natively: the others deliver one event per invocation, and a {@code List<T>} function reads a
 * single event's data as a JSON array (DESIGN.md §5), which a lone order is not.
 */
class EveryEventPathTest {

  private static final byte[] BYTES = {0, 1, (byte) 0x80, (byte) 0xfe, (byte) 0xff, 'A'};
  private static final byte[] INVERTED = {(byte) 0xff, (byte) 0xfe, 0x7f, 1, 0, (byte) ~'A'};

  private static EventPaths paths;

  @BeforeAll
  static void startPaths() {
    paths = EventPaths.all();
  }

  @AfterAll
  static void stopPaths() {
    paths.close();
  }

  static Stream<String> everyPath() {
    return EventPaths.NAMES.stream();
  }

  static Stream<String> batchPaths() {
    try (EventPaths all = EventPaths.all()) {
      return all.list().stream()
          .filter(EventPath::deliversBatches)
          .map(EventPath::name)
          .toList()
          .stream();
    }
  }

  @Test
  void the_paths_are_the_eight_event_triggers_and_two_deliver_batches() {
    assertThat(paths.names()).containsExactlyElementsOf(EventPaths.NAMES).hasSize(8);
    assertThat(batchPaths()).containsExactly(AWS_SQS, KNATIVE_BATCH);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyPath")
  void a_text_event_is_acknowledged_and_answered(String name) {
    // when
    EventOutcome outcome = paths.get(name).deliver(EventCall.text("uppercase", "héllo wörld"));

    // then
    EventPayload reply =
        name.equals(AWS_DIRECT)
            // Lambda's Invoke API takes a JSON document: the text travels as a JSON string, and a
            // String function gets the JSON text as it is (DESIGN.md §5: never JSON-parsed).
            ? EventPayload.of(null, "\"HÉLLO WÖRLD\"".getBytes(StandardCharsets.UTF_8))
            : EventPayload.text("HÉLLO WÖRLD");
    assertOutcome(outcome, List.of(ACKNOWLEDGED), List.of(reply));
    assertThat(outcome.carriesReplies()).isEqualTo(paths.get(name).carriesReplies());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyPath")
  void text_that_looks_like_json_reaches_a_string_function_as_it_is(String name) {
    // when: a JSON number that JSON parsing would rewrite (1500.0, 1.5E3)
    EventOutcome outcome = paths.get(name).deliver(EventCall.text("uppercase", "1.50e3"));

    // then: DESIGN.md §5, a String gets the raw text; Lambda sends this valid JSON document as it
    // is
    assertOutcome(outcome, List.of(ACKNOWLEDGED), List.of(EventPayload.text("1.50E3")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyPath")
  void a_json_event_is_decoded_into_the_declared_record_and_answered_in_json(String name) {
    // when
    EventOutcome outcome =
        paths.get(name).deliver(EventCall.json("greet", "{\"name\":\"Ada\",\"language\":\"de\"}"));

    // then
    assertOutcome(
        outcome,
        List.of(ACKNOWLEDGED),
        List.of(EventPayload.json("{\"message\":\"Hallo, Ada!\",\"length\":3}")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyPath")
  void a_bytes_event_reaches_a_byte_function_untouched_where_the_platform_carries_bytes(
      String name) {
    EventPath path = paths.get(name);
    EventCall invert = EventCall.bytes("invert", "application/octet-stream", BYTES);
    if (!path.carriesBytes()) {
      // SQS message bodies and Azure Storage queue messages are strings, and a Lambda invocation's
      // payload is a JSON document: bytes cannot be carried as they are.
      assertThat(name).isIn(AWS_SQS, AWS_DIRECT, EventPaths.AZURE_QUEUE);
      assertThatThrownBy(() -> path.deliver(invert))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(name);
      return;
    }

    // when
    EventOutcome outcome = path.deliver(invert);

    // then
    assertOutcome(
        outcome,
        List.of(ACKNOWLEDGED),
        List.of(EventPayload.of("application/octet-stream", INVERTED)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyPath")
  void a_consumer_gets_the_event_once_and_nothing_is_replied(String name) {
    // given
    String note = name + "-note-" + System.nanoTime();

    // when
    EventOutcome outcome = paths.get(name).deliver(EventCall.text("remember", note));

    // then
    assertOutcome(outcome, List.of(ACKNOWLEDGED), List.of());
    String received =
        name.equals(AWS_DIRECT)
            // A Lambda invocation's payload is a JSON document: the text travels as a JSON string,
            // which a String consumer gets as it is, quotes included.
            ? "\"" + note + "\""
            : note;
    assertThat(ConformanceFunctions.REMEMBERED).filteredOn(received::equals).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyPath")
  void an_event_for_an_unknown_function_is_never_acknowledged_but_redelivered(String name) {
    // when
    EventOutcome outcome = paths.get(name).deliver(EventCall.text("nope", "anyone?"));

    // then: redelivered, then dead-lettered by the platform; never silently acknowledged
    assertThat(outcome.dispositions()).doesNotContain(ACKNOWLEDGED);
    assertOutcome(outcome, List.of(RETRY), List.of());
    assertNothingLeaked(outcome);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyPath")
  void undecodable_data_is_rejected_by_knative_and_retried_where_no_failure_is_final(String name) {
    // Knative does not retry a 4xx other than 404, 408, 409, 425 and 429: a DECODE failure (400) is
    // final. SQS, Lambda, Google, FC and Azure have no non-retryable failure: they retry it and
    // then dead-letter it.
    Disposition expected = isKnative(name) ? REJECTED : RETRY;
    // Malformed JSON; JSON that is not a Person; text, which is no JSON (and, where the content
    // type
    // travels, a content type greet cannot read).
    for (EventPayload bad :
        List.of(
            EventPayload.json("{\"name\":"),
            EventPayload.json("[1,2,3]"),
            EventPayload.text("Ada"))) {
      // when
      EventOutcome outcome = paths.get(name).deliver(EventCall.of("greet", bad));

      // then
      assertOutcome(outcome, List.of(expected), List.of());
      assertNothingLeaked(outcome);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyPath")
  void a_function_that_throws_is_retried_without_its_message_or_a_stack_trace(String name) {
    // when
    EventOutcome outcome = paths.get(name).deliver(EventCall.text("explode", "now"));

    // then
    assertOutcome(outcome, List.of(RETRY), List.of());
    assertNothingLeaked(outcome);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyPath")
  void an_output_that_cannot_be_encoded_is_retried_without_its_message(String name) {
    // when
    EventOutcome outcome = paths.get(name).deliver(EventCall.text("unencodable", "x"));

    // then
    assertOutcome(outcome, List.of(RETRY), List.of());
    assertNothingLeaked(outcome);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyPath")
  void a_batch_with_one_bad_item_redelivers_that_item_alone_except_as_a_knative_batch(String name) {
    // given
    String id = name + "-" + System.nanoTime();
    EventCall orders = orders("ship-one", id);

    // when
    EventOutcome outcome = paths.get(name).deliver(orders);

    // then
    if (name.equals(KNATIVE_BATCH)) {
      // A CloudEvents batch is all or nothing: its sender can only redeliver it whole, so the
      // failure of one event fails the batch, and every event comes again (at-least-once).
      assertOutcome(outcome, List.of(RETRY, RETRY, RETRY), List.of());
    } else {
      assertOutcome(
          outcome,
          List.of(ACKNOWLEDGED, RETRY, ACKNOWLEDGED),
          List.of(
              EventPayload.text("shipped " + id + "-a"),
              EventPayload.text("shipped " + id + "-c")));
    }
    assertThat(ConformanceFunctions.ShipOne.SHIPPED_ONE)
        .filteredOn(shipped -> shipped.startsWith(id))
        .containsExactly(id + "-a", id + "-c");
    assertNothingLeaked(outcome);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("batchPaths")
  void a_whole_batch_function_names_its_failed_item_for_redelivery(String name) {
    // given
    String id = name + "-" + System.nanoTime();

    // when
    EventOutcome outcome = paths.get(name).deliver(orders("ship", id));

    // then
    if (name.equals(AWS_SQS)) {
      // batchItemFailures names exactly the order the function reported; the others are deleted.
      assertThat(outcome.dispositions()).containsExactly(ACKNOWLEDGED, RETRY, ACKNOWLEDGED);
    } else {
      // A CloudEvents batch is all or nothing: the reported order fails the batch (500), and the
      // sender redelivers all three, the shipped ones included (at-least-once).
      assertThat(outcome.dispositions()).containsExactly(RETRY, RETRY, RETRY);
    }
    assertThat(ConformanceFunctions.Ship.SHIPPED)
        .filteredOn(shipped -> shipped.startsWith(id))
        .containsExactly(id + "-a", id + "-c");
    assertNothingLeaked(outcome);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyPath")
  void a_slow_function_completes_within_the_delivery(String name) {
    // when
    long started = System.nanoTime();
    EventOutcome outcome = paths.get(name).deliver(EventCall.text("slow", "300"));
    long tookMillis = (System.nanoTime() - started) / 1_000_000;

    // then: the delivery ends when the function does, not before (a lower bound, not a budget)
    assertOutcome(outcome, List.of(ACKNOWLEDGED), List.of(EventPayload.text("waited 300 ms")));
    assertThat(tookMillis).isGreaterThanOrEqualTo(300);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyPath")
  void a_cloudevent_type_routes_only_where_the_platform_routes_by_it(String name) {
    // given: a type no function is named after, and that FN4J_ROUTING_TYPES does not map
    EventCall call = EventCall.json("greet", "{\"name\":\"Ada\"}").withType("com.acme.greeting");

    // when
    EventOutcome outcome = paths.get(name).deliver(call);

    // then
    if (List.of(
            KNATIVE_BINARY, KNATIVE_BATCH, EventPaths.GCP_EVENT, EventPaths.ALIBABA_BUILTIN_EVENT)
        .contains(name)) {
      // These deliver CloudEvents, routed by their type: no function for it, redelivered.
      assertOutcome(outcome, List.of(RETRY), List.of());
      assertNothingLeaked(outcome);
    } else {
      // These route by the queue, the deployment's FN4J_FUNCTION or the Azure function's name;
      // their events have no CloudEvent type.
      assertThat(outcome.dispositions()).containsExactly(ACKNOWLEDGED);
    }
  }

  @Test
  void the_same_events_give_the_same_outcome_on_every_path() {
    for (EventCall call :
        List.of(
            EventCall.json("greet", "{\"name\":\"Grace\"}"),
            EventCall.text("explode", "again"),
            EventCall.text("nope", "anyone?"))) {
      // when
      Map<String, EventOutcome> outcomes = paths.deliver(call);

      // then
      EventOutcome reference = outcomes.get(KNATIVE_BINARY);
      assertThat(outcomes.keySet()).containsExactlyElementsOf(EventPaths.NAMES);
      outcomes.forEach(
          (name, outcome) ->
              assertThat(outcome.differencesFrom(reference)).as(name + ": " + outcome).isEmpty());
    }
  }

  private static EventCall orders(String function, String id) {
    return EventCall.batch(
        function,
        List.of(
            EventPayload.json("{\"id\":\"" + id + "-a\",\"quantity\":2}"),
            EventPayload.json("{\"id\":\"" + id + "-b\",\"quantity\":0}"),
            EventPayload.json("{\"id\":\"" + id + "-c\",\"quantity\":1}")));
  }

  private static boolean isKnative(String name) {
    return name.equals(KNATIVE_BINARY) || name.equals(KNATIVE_BATCH);
  }

  private static void assertOutcome(
      EventOutcome outcome, List<Disposition> dispositions, List<EventPayload> replies) {
    assertThat(outcome.differencesFrom(EventOutcome.expected(dispositions, replies)))
        .as("%s", outcome)
        .isEmpty();
  }

  /** The platform was told something, but neither user code's message nor a stack trace. */
  private static void assertNothingLeaked(EventOutcome outcome) {
    assertThat(outcome.platformView()).as("what the platform saw").isNotBlank();
    assertThat(outcome.reveals("secret-internal-detail")).as("%s", outcome).isFalse();
    assertThat(outcome.showsStackTrace()).as("%s", outcome).isFalse();
  }
}
