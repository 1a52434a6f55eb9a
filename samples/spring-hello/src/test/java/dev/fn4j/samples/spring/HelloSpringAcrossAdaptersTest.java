package dev.fn4j.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.conformance.AdapterPaths;
import dev.fn4j.conformance.Call;
import dev.fn4j.conformance.Comparison;
import dev.fn4j.conformance.Outcome;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Spring application as every vendor entry class serves it: started once from {@code
 * fn4j.main.class} (set by the build, as the packaged jar's manifest names it), its beans called
 * along every adapter's in-process path, each call answering exactly as the local runner does.
 */
class HelloSpringAcrossAdaptersTest {

  private static AdapterPaths paths;

  @BeforeAll
  static void startPaths() {
    paths = AdapterPaths.all();
  }

  @AfterAll
  static void stopPaths() {
    paths.close();
  }

  static Stream<Arguments> calls() {
    return Stream.of(
        Arguments.of(
            Call.post("uppercase", "text/plain", "hello"), Outcome.of(200, "text/plain", "HELLO")),
        Arguments.of(
            Call.post("reverse", "text/plain", "ab\uD83D\uDE00"),
            Outcome.of(200, "text/plain", "\uD83D\uDE00ba")),
        Arguments.of(
            Call.json("greet", "{\"name\":\"Ada\",\"language\":\"es\"}"),
            Outcome.of(
                200, "application/json", "{\"message\":\"Hola, Ada!\",\"language\":\"es\"}")),
        Arguments.of(
            Call.get("motto"), Outcome.of(200, "text/plain", "Write it once, run it anywhere.")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void every_path_answers_as_the_local_runner(Call call, Outcome expected) {
    // when
    Comparison comparison = paths.compare(call);

    // then
    assertThat(comparison.outcome(AdapterPaths.LOCAL)).isEqualTo(expected);
    comparison.assertSameAs(AdapterPaths.LOCAL);
  }

  @Test
  void a_body_that_is_not_json_fails_greet_in_phase_decode_on_every_path() {
    // when
    Comparison comparison = paths.compare(Call.json("greet", "{\"name\":"));

    // then
    comparison.assertSameAs(AdapterPaths.LOCAL);
    Outcome local = comparison.outcome(AdapterPaths.LOCAL);
    assertThat(local.status()).isEqualTo(400);
    assertThat(local.problem())
        .hasValueSatisfying(
            problem -> {
              assertThat(problem.function()).isEqualTo("greet");
              assertThat(problem.phase()).isEqualTo("DECODE");
            });
  }

  @Test
  void a_bean_that_throws_fails_in_phase_invoke_without_its_message_on_every_path() {
    // when
    Comparison comparison = paths.compare(Call.json("greet", "{\"name\":\"\"}"));

    // then
    comparison.assertSameAs(AdapterPaths.LOCAL);
    Outcome local = comparison.outcome(AdapterPaths.LOCAL);
    assertThat(local.status()).isEqualTo(500);
    assertThat(local.problem()).hasValueSatisfying(p -> assertThat(p.phase()).isEqualTo("INVOKE"));
    assertThat(local.bodyText()).doesNotContain("a person needs a name");
  }

  @Test
  void a_name_that_is_no_bean_is_not_found_on_every_path() {
    // when
    Comparison comparison = paths.compare(Call.post("shop", "text/plain", "x"));

    // then
    comparison.assertSameAs(AdapterPaths.LOCAL);
    assertThat(comparison.outcome(AdapterPaths.LOCAL).status()).isEqualTo(404);
  }
}
