package dev.fn4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.conformance.BadInputCorpus.Entry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every entry of {@link BadInputCorpus} along every path it applies to: each path gives the
 * documented answer (DESIGN.md §6; Knative's rules on {@code knative-cloudevent}); the paths whose
 * expectation is the entry's default give equal outcomes (status, media type, problem members but
 * the request id), and every other path's difference is asserted with its reason; no answer holds a
 * stack trace, the function's secret or a credential, and no answer gains a header from a request
 * header's value. Afterwards every path still serves a good call, nothing logged or printed during
 * the run leaked, and no type hint created an object.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputCorpusTest {

  private static final List<Entry> CORPUS = BadInputCorpus.entries();

  private static BadInputRig rig;
  private static LeakWatch watch;
  private static AdapterPaths paths;
  private static RawPaths raw;
  private static BadInputSummary summary;

  @BeforeAll
  static void start() {
    rig = BadInputRig.start("bad-input corpus (BadInputCorpusTest)");
    watch = rig.watch;
    paths = rig.paths;
    raw = rig.raw;
    summary = rig.summary;
  }

  @AfterAll
  static void stop() {
    rig.stop(
        CORPUS.size()
            + " entries; default limit "
            + BadInputCorpus.DEFAULT_LIMIT
            + " bytes, configured limit of the raw servers "
            + RawPaths.SMALL_LIMIT
            + " bytes",
        CORPUS.stream().map(Entry::name).toList());
  }

  @Order(1)
  @TestFactory
  Stream<DynamicTest> every_entry_gives_its_documented_answer_along_every_path_it_applies_to() {
    return CORPUS.stream().map(entry -> DynamicTest.dynamicTest(entry.name(), () -> check(entry)));
  }

  private static void check(Entry entry) {
    // when
    Map<String, RawAnswer> answers = new LinkedHashMap<>();
    entry.expected().keySet().forEach(path -> answers.put(path, send(entry, path)));

    // then
    List<String> problems = new ArrayList<>();
    answers.forEach(
        (path, answer) -> {
          Expected expected = entry.expected().get(path);
          summary.count(path, BadInputSummary.kind(answer));
          summary.cell(entry.name(), path, BadInputSummary.kind(answer));
          expected.mismatches(answer).forEach(m -> problems.add(path + ": " + m));
          LeakWatch.leaks(answer.allText()).forEach(l -> problems.add(path + ": leaks " + l));
          if (!answer.header("Injected").isEmpty() || answer.extra().contains("\nInjected")) {
            problems.add(path + ": a request header's value became a response header");
          }
          answer.headers().stream()
              .filter(h -> h.getValue().indexOf('\r') >= 0 || h.getValue().indexOf('\n') >= 0)
              .forEach(
                  h ->
                      problems.add(path + ": response header " + h.getKey() + " has a line break"));
        });
    List<String> agreeing = entry.agreeing();
    RawAnswer reference = agreeing.isEmpty() ? null : answers.get(agreeing.get(0));
    for (String path : agreeing) {
      RawAnswer answer = answers.get(path);
      if (reference.isFailure() || answer.isFailure()) {
        continue;
      }
      answer
          .outcome()
          .differencesFrom(reference.outcome())
          .forEach(d -> problems.add(path + ": differs from " + agreeing.get(0) + ": " + d));
    }
    assertThat(problems)
        .as("%s (%s)%n%s", entry.name(), entry.group(), describe(answers))
        .isEmpty();
  }

  private static RawAnswer send(Entry entry, String path) {
    if (entry.delivery() instanceof BadInputCorpus.Neutral neutral) {
      return neutral(path, neutral.call());
    }
    return raw.send(path, ((BadInputCorpus.Raw) entry.delivery()).request());
  }

  private static RawAnswer neutral(String path, Call call) {
    try {
      Outcome outcome = paths.get(path).call(call);
      return RawAnswer.of(
          outcome.status(),
          outcome
              .contentType()
              .map(type -> List.of(Map.entry("Content-Type", type)))
              .orElse(List.of()),
          outcome.body(),
          null);
    } catch (PathFailure failure) {
      return RawAnswer.failed(failure.getMessage());
    }
  }

  private static String describe(Map<String, RawAnswer> answers) {
    StringBuilder text = new StringBuilder();
    answers.forEach(
        (path, answer) -> text.append("  ").append(path).append(": ").append(answer).append('\n'));
    return text.toString();
  }

  @Order(2)
  @Test
  void every_path_still_serves_a_good_call_afterwards() {
    // when
    Comparison good = paths.compare(Call.post("uppercase", "text/plain", "still serving"));

    // then
    Outcome expected = Outcome.of(200, "text/plain", "STILL SERVING");
    good.assertSameAs(AdapterPaths.LOCAL);
    assertThat(good.outcome(AdapterPaths.LOCAL)).isEqualTo(expected);
    for (String path : AdapterPaths.NAMES) {
      RawAnswer answer =
          raw.send(path, RawRequest.post("/uppercase", "text/plain", "still serving"));
      assertThat(answer.isFailure()).as(path + ": " + answer).isFalse();
      assertThat(answer.outcome()).as(path).isEqualTo(expected);
    }
  }

  @Order(3)
  @Test
  void nothing_logged_or_printed_during_the_run_leaks_and_no_type_hint_created_an_object() {
    assertThat(watch.logRecords()).as("log records were captured").isNotEmpty();
    assertThat(watch.logLeaks()).isEmpty();
    assertThat(BadInputCorpus.Tripwire.CREATED).hasValue(0);
  }

  /**
   * The Azure Functions host puts an {@code application/octet-stream} body in {@code Data.req.Body}
   * in base64. One that is not base64 is bad input (DESIGN.md principle 3: never guess), answered
   * like the Lambda and FC envelopes answer theirs: 400 in phase DECODE.
   */
  @Order(4)
  @Test
  void azure_payload_body_that_is_not_base64_is_bad_input() {
    RawAnswer answer =
        raw.send(AdapterPaths.AZURE_CUSTOM_HANDLER, BadInputCorpus.azureBodyThatIsNotBase64());

    assertThat(BadInputCorpus.problem(400, "DECODE", "invert").mismatches(answer)).isEmpty();
  }

  /**
   * A body over the default limit of the servers fn4j runs (6 MiB) is answered 413 in phase DECODE,
   * and the client gets that answer, every time (five tries per path): the server reads the body it
   * refuses to its end, so that no connection reset discards the 413.
   */
  @Order(5)
  @Test
  void a_body_over_the_default_limit_gets_its_413() {
    Call big = Call.post("uppercase", "text/plain", "a".repeat(BadInputCorpus.DEFAULT_LIMIT + 1));
    for (String path :
        List.of(
            AdapterPaths.LOCAL,
            AdapterPaths.KNATIVE,
            AdapterPaths.KNATIVE_CLOUDEVENT,
            AdapterPaths.AZURE_CUSTOM_HANDLER_PROXIED)) {
      for (int attempt = 1; attempt <= 5; attempt++) {
        RawAnswer answer = neutral(path, big);
        assertThat(answer.isFailure()).as(path + " #" + attempt + ": " + answer).isFalse();
        assertThat(answer.outcome().status()).as(path).isEqualTo(413);
        assertThat(answer.outcome().problem())
            .as(path)
            .hasValueSatisfying(problem -> assertThat(problem.phase()).isEqualTo("DECODE"));
      }
    }
  }

  /**
   * A CloudEvent over the limit is refused before it is routed: the problem names no function, or
   * the one its path names, never a made-up one.
   */
  @Order(6)
  @Test
  void a_cloudevent_over_the_limit_names_no_made_up_function() {
    RawAnswer answer =
        raw.send(
            AdapterPaths.KNATIVE_CLOUDEVENT,
            RawRequest.post("/uppercase", "text/plain", "b".repeat(RawPaths.SMALL_LIMIT + 1)));

    assertThat(answer.outcome().status()).isEqualTo(413);
    assertThat(answer.outcome().problem())
        .hasValueSatisfying(
            problem -> {
              assertThat(problem.phase()).isEqualTo("DECODE");
              assertThat(problem.function()).isIn(null, "uppercase");
              assertThat(problem.detail()).doesNotContain("the CloudEvent' failed");
            });
  }

  /**
   * A path is routed by its percent-decoded form on every path, as the JDK servers route it: a
   * client must encode the {@code |} of a composition, and {@code %63} is {@code c}.
   */
  @Order(7)
  @Test
  void a_percent_encoded_path_routes_like_the_decoded_one() {
    for (String path : AdapterPaths.NAMES) {
      if (path.equals(AdapterPaths.KNATIVE_CLOUDEVENT)) {
        continue; // routed by path too, but its answer is a reply event: covered by the corpus
      }
      for (String target : List.of(BadInputCorpus.ENCODED_COMPOSITION, "/upper%63ase")) {
        RawAnswer answer = raw.send(path, RawRequest.post(target, "text/plain", "x"));
        assertThat(answer.isFailure()).as(path + " " + target + ": " + answer).isFalse();
        assertThat(answer.outcome().status()).as(path + " " + target).isEqualTo(200);
      }
    }
  }

  /**
   * A log line of a failed request is one line (FunctionHttpHandler#logFailure says so): a name
   * with encoded line breaks must not start a new log line, let alone one that looks like a stack
   * frame.
   */
  @Order(8)
  @Test
  void an_unknown_name_with_line_breaks_cannot_forge_log_lines() {
    int before = watch.logRecords().size();
    for (String path : BadInputCorpus.SOCKET) {
      RawAnswer answer =
          raw.send(path, RawRequest.post(BadInputCorpus.FORGING_NAME, "text/plain", "x"));
      assertThat(answer.outcome().status()).as(path).isEqualTo(404);
    }
    List<String> added = watch.logRecords().subList(before, watch.logRecords().size());
    assertThat(added).isNotEmpty();
    assertThat(added)
        .allSatisfy(
            record ->
                assertThat(record)
                    .doesNotContain("\n")
                    .doesNotContain("\r")
                    .doesNotContain("\tat "));
  }
}
