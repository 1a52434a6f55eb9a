package dev.fn4j.conformance;

import static dev.fn4j.conformance.AdapterPaths.ALIBABA_BUILTIN;
import static dev.fn4j.conformance.AdapterPaths.AWS_LAMBDA_HANDLER;
import static dev.fn4j.conformance.AdapterPaths.AWS_RUNTIME_API;
import static dev.fn4j.conformance.AdapterPaths.AZURE_CUSTOM_HANDLER;
import static dev.fn4j.conformance.AdapterPaths.KNATIVE_CLOUDEVENT;
import static dev.fn4j.conformance.AdapterPaths.LOCAL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.core.http.Problem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The application of {@link ConformanceFunctions} along every adapter path: each call gives the
 * local runner's outcome on every path, except where a platform documents another answer, which is
 * then asserted on its own:
 *
 * <ul>
 *   <li>{@code knative-cloudevent}, a function that returns nothing: 202 (Knative Eventing's
 *       "accepted, no reply event"), where HTTP answers 204 (DESIGN.md §5). DESIGN.md does not make
 *       them equivalent, so they are not normalised.
 *   <li>{@code azure-custom-handler}, a binary body: the HTTP output's {@code body} is a JSON
 *       string, which the Functions host writes to the client as it is (it does not decode base64),
 *       so the client gets the base64 text of the bytes. {@code enableProxyingHttpRequest} ({@code
 *       azure-custom-handler-proxied}) carries the bytes.
 * </ul>
 */
class EveryAdapterPathTest {

  private static AdapterPaths paths;

  @BeforeAll
  static void startPaths() {
    paths = AdapterPaths.all();
  }

  @AfterAll
  static void stopPaths() {
    paths.close();
  }

  @Test
  void a_text_function_answers_alike_on_every_path() {
    // when
    Comparison uppercase = paths.compare(Call.post("uppercase", "text/plain", "héllo wörld"));

    // then
    assertThat(uppercase.paths()).containsExactlyElementsOf(AdapterPaths.NAMES);
    uppercase.assertSameAs(LOCAL);
    assertThat(uppercase.outcome(LOCAL)).isEqualTo(Outcome.of(200, "text/plain", "HÉLLO WÖRLD"));
  }

  @Test
  void a_json_record_function_answers_alike_on_every_path() {
    // when
    Comparison greet = paths.compare(Call.json("greet", "{\"name\":\"Ada\",\"language\":\"de\"}"));

    // then
    greet.assertSameAs(LOCAL);
    assertThat(greet.outcome(LOCAL))
        .isEqualTo(
            Outcome.of(200, "application/json", "{\"message\":\"Hallo, Ada!\",\"length\":3}"));
  }

  @Test
  void a_byte_function_answers_alike_except_through_the_azure_hosts_http_output() {
    // given
    byte[] bytes = {0, 1, (byte) 0x80, (byte) 0xfe, (byte) 0xff, 'A'};
    byte[] inverted = {(byte) 0xff, (byte) 0xfe, 0x7f, 1, 0, (byte) ~'A'};

    // when
    Comparison invert = paths.compare(Call.post("invert", "application/octet-stream", bytes));

    // then
    invert.without(AZURE_CUSTOM_HANDLER).assertSameAs(LOCAL);
    assertThat(invert.outcome(LOCAL))
        .isEqualTo(Outcome.of(200, "application/octet-stream", inverted));
    assertThat(invert.outcome(AZURE_CUSTOM_HANDLER))
        .as("the host passes the HTTP output's body string on as it is")
        .isEqualTo(
            Outcome.of(
                200,
                "application/octet-stream",
                Base64.getEncoder().encodeToString(inverted).getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void a_supplier_answers_a_get_alike_on_every_path() {
    // when
    Comparison answer = paths.compare(Call.get("answer"));

    // then
    answer.assertSameAs(LOCAL);
    assertThat(answer.outcome(LOCAL))
        .isEqualTo(
            Outcome.of(
                200,
                "application/json",
                "{\"value\":42,\"question\":\"life, the universe and everything\"}"));
  }

  @Test
  void a_consumer_answers_204_over_http_and_202_as_a_knative_event_and_gets_every_call() {
    // given
    String note = "note-" + System.nanoTime();

    // when
    Comparison remember = paths.compare(Call.post("remember", "text/plain", note));

    // then
    remember.without(KNATIVE_CLOUDEVENT).assertSameAs(LOCAL);
    assertThat(remember.outcome(LOCAL)).isEqualTo(Outcome.of(204, null, new byte[0]));
    assertThat(remember.outcome(KNATIVE_CLOUDEVENT))
        .as("Knative: accepted, no reply event")
        .isEqualTo(Outcome.of(202, null, new byte[0]));
    assertThat(ConformanceFunctions.REMEMBERED)
        .filteredOn(note::equals)
        .hasSize(AdapterPaths.NAMES.size());
  }

  @Test
  void a_function_that_throws_answers_500_in_phase_invoke_alike_without_its_message() {
    // when
    Comparison explode = paths.compare(Call.post("explode", "text/plain", "now"));

    // then
    explode.assertSameAs(LOCAL);
    Outcome reference = explode.outcome(LOCAL);
    assertThat(reference.status()).isEqualTo(500);
    assertThat(reference.contentType()).hasValue(Problem.CONTENT_TYPE);
    assertThat(reference.problem())
        .hasValueSatisfying(
            problem -> {
              assertThat(problem.status()).isEqualTo(500);
              assertThat(problem.function()).isEqualTo("explode");
              assertThat(problem.phase()).isEqualTo("INVOKE");
            });
    assertThat(explode.outcomes().values())
        .allSatisfy(
            outcome ->
                assertThat(outcome.bodyText())
                    .doesNotContain("secret-internal-detail")
                    .doesNotContain("\tat "));
  }

  @Test
  void bad_json_for_a_record_answers_400_in_phase_decode_naming_the_function_alike() {
    // when
    Comparison greet = paths.compare(Call.json("greet", "Ada"));

    // then
    greet.assertSameAs(LOCAL);
    Outcome reference = greet.outcome(LOCAL);
    assertThat(reference.status()).isEqualTo(400);
    assertThat(reference.problem())
        .hasValueSatisfying(
            problem -> {
              assertThat(problem.status()).isEqualTo(400);
              assertThat(problem.function()).isEqualTo("greet");
              assertThat(problem.phase()).isEqualTo("DECODE");
            });
  }

  @Test
  void an_unknown_function_answers_404_in_phase_route_alike() {
    // when
    Comparison nope = paths.compare(Call.post("nope", "text/plain", "anyone?"));

    // then
    nope.assertSameAs(LOCAL);
    Outcome reference = nope.outcome(LOCAL);
    assertThat(reference.status()).isEqualTo(404);
    assertThat(reference.problem())
        .hasValueSatisfying(problem -> assertThat(problem.phase()).isEqualTo("ROUTE"));
  }

  @Test
  void a_request_header_reaches_the_function_alike() {
    // when
    Comparison echo =
        paths.compare(
            Call.post("echo-header", "text/plain", "-").withHeader("X-Conformance", "checked"));

    // then
    echo.assertSameAs(LOCAL);
    assertThat(echo.outcome(LOCAL)).isEqualTo(Outcome.of(200, "text/plain", "checked"));
  }

  @Test
  void every_path_serves_the_same_function_objects_as_the_shared_runtime() {
    // when: a counting supplier, called once along each path in turn
    Comparison count = paths.compare(Call.get("count"));

    // then: one count, continued by every path; a path with a copy of the application restarts it
    assertThat(count.failures()).isEmpty();
    List<Integer> counts =
        count.outcomes().values().stream()
            .map(outcome -> Integer.valueOf(outcome.bodyText()))
            .toList();
    int first = counts.get(0);
    assertThat(counts)
        .containsExactlyElementsOf(
            IntStream.range(first, first + AdapterPaths.NAMES.size()).boxed().toList());
  }

  /**
   * A CloudEvent is always delivered with POST, so {@code knative-cloudevent} has no method to
   * check. The HTTP paths of servers fn4j runs answer a supplier called with POST, and a function
   * called with GET, with 405 and {@code Allow}, as the local runner does.
   */
  @Test
  void a_call_with_the_wrong_method_answers_405_on_the_paths_that_check_it() {
    for (Call call : List.of(Call.post("answer", "text/plain", "x"), Call.get("uppercase"))) {
      // when
      Comparison wrongMethod =
          paths
              .compare(call)
              .without(KNATIVE_CLOUDEVENT, AWS_LAMBDA_HANDLER, AWS_RUNTIME_API, ALIBABA_BUILTIN);

      // then
      wrongMethod.assertSameAs(LOCAL);
      assertThat(wrongMethod.outcome(LOCAL).status()).isEqualTo(405);
      assertThat(wrongMethod.outcome(LOCAL).problem())
          .hasValueSatisfying(problem -> assertThat(problem.phase()).isEqualTo("ROUTE"));
    }
  }

  /**
   * The Lambda handler and FC's HTTP trigger do not check the method today: the gateway's or the
   * trigger's own route configuration decides which methods arrive, and AWS's documented events
   * send GET to functions. Whether they should answer 405 like the others is an open decision; this
   * test pins today's behaviour so that a change is deliberate.
   */
  @Test
  void the_lambda_handler_and_fc_http_trigger_invoke_whatever_the_method() {
    Comparison supplierByPost = paths.compare(Call.post("answer", "text/plain", "x"));
    for (String path : List.of(AWS_LAMBDA_HANDLER, AWS_RUNTIME_API, ALIBABA_BUILTIN)) {
      assertThat(supplierByPost.outcome(path).status()).as(path).isEqualTo(200);
    }
  }
}
