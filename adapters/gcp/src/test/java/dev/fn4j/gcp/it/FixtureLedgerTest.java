package dev.fn4j.gcp.it;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The last check of {@link GoogleFixturesTest} can fail: it is not a check that always passes. */
class FixtureLedgerTest {

  private static final List<Path> FILES =
      List.of(Path.of("a-legacy-input.json"), Path.of("a-cloudevent-output.json"), Path.of("x.md"));
  private static final Map<String, String> SKIPPED = Map.of("x.md", "a document");

  @Test
  void every_file_planned_and_passed_satisfies_it() {
    // given
    FixtureLedger ledger = new FixtureLedger();
    ledger.plan("a-legacy-input.json", 1);
    ledger.plan("a-cloudevent-output.json", 1);
    ledger.passed("a-legacy-input.json");
    ledger.passed("a-cloudevent-output.json");

    // then
    assertThatCode(() -> ledger.assertEveryFileExercised(FILES, SKIPPED))
        .doesNotThrowAnyException();
  }

  @Test
  void a_file_no_check_reads_fails_it() {
    // given: a-cloudevent-output.json is present, but nothing planned a check for it
    FixtureLedger ledger = new FixtureLedger();
    ledger.plan("a-legacy-input.json", 1);
    ledger.passed("a-legacy-input.json");

    // then
    assertThatThrownBy(() -> ledger.assertEveryFileExercised(FILES, SKIPPED))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("a-cloudevent-output.json");
  }

  @Test
  void a_file_whose_check_failed_fails_it() {
    // given: the conversion check failed, so neither file was recorded as passed
    FixtureLedger ledger = new FixtureLedger();
    ledger.plan("a-legacy-input.json", 1);
    ledger.plan("a-cloudevent-output.json", 1);
    ledger.passed("a-legacy-input.json");

    // then
    assertThatThrownBy(() -> ledger.assertEveryFileExercised(FILES, SKIPPED))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("a-cloudevent-output.json")
        .hasMessageContaining("0 of 1");
  }

  @Test
  void a_skipped_file_that_is_not_there_fails_it() {
    // given
    FixtureLedger ledger = new FixtureLedger();
    ledger.plan("a-legacy-input.json", 1);
    ledger.plan("a-cloudevent-output.json", 1);
    ledger.passed("a-legacy-input.json");
    ledger.passed("a-cloudevent-output.json");

    // then
    assertThatThrownBy(
            () ->
                ledger.assertEveryFileExercised(
                    FILES, Map.of("x.md", "a document", "gone.json", "removed")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("gone.json");
  }
}
