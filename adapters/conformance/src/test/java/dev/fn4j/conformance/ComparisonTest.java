package dev.fn4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonTest {

  private static final Call CALL = Call.post("remember", "text/plain", "x");

  private static Comparison comparison() {
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("local", Outcome.of(204, null, new byte[0]));
    results.put("same", Outcome.of(204, null, new byte[0]));
    results.put("knative-cloudevent", Outcome.of(202, null, new byte[0]));
    results.put("broken", new PathFailure("broken", "no answer", null));
    return Comparison.of(CALL, results);
  }

  @Test
  void the_differences_name_each_path_that_differs_and_how() {
    assertThat(comparison().differencesFrom("local"))
        .containsExactly(
            Map.entry("knative-cloudevent", List.of("status 202, expected 204")),
            Map.entry("broken", List.of("failed: broken: no answer")));
  }

  @Test
  void the_assertion_fails_with_every_differing_path_in_its_message() {
    assertThatThrownBy(() -> comparison().assertSameAs("local"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("POST /remember")
        .hasMessageContaining("2 of 4 paths differ from local (204 (no body))")
        .hasMessageContaining("knative-cloudevent: status 202, expected 204")
        .hasMessageContaining("broken: failed: broken: no answer")
        .hasMessageNotContaining("same:");
  }

  @Test
  void paths_left_out_are_not_compared() {
    Comparison rest = comparison().without("knative-cloudevent", "broken", "not-there");

    rest.assertSameAs("local");
    assertThat(rest.paths()).containsExactly("local", "same");
  }

  @Test
  void outcomes_and_failures_are_kept_apart() {
    Comparison comparison = comparison();

    assertThat(comparison.outcomes()).containsOnlyKeys("local", "same", "knative-cloudevent");
    assertThat(comparison.failures()).containsOnlyKeys("broken");
    assertThatThrownBy(() -> comparison.outcome("broken")).isInstanceOf(PathFailure.class);
    assertThatThrownBy(() -> comparison.outcome("elsewhere"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
