package dev.fn4j.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class RequiresVendorFixturesTest {

  @TempDir Path temp;

  @Test
  void a_test_runs_when_the_fixtures_and_its_vendor_folder_exist() throws IOException {
    // given
    Path fixtures = Files.createDirectories(temp.resolve("fixtures/aws")).getParent();

    // when
    Events events = run(AwsCase.class, fixtures.toString(), temp).testEvents();

    // then
    events.assertThatEvents().haveExactly(1, event(test("needs_aws"), finishedSuccessfully()));
  }

  @Test
  void a_test_is_skipped_with_the_searched_location_when_the_fixtures_are_absent() {
    // given
    Path missing = temp.resolve("no-such-fixtures");

    // when
    Events events = run(AwsCase.class, missing.toString(), temp).testEvents();

    // then
    events
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("needs_aws"),
                skippedWithReason(
                    reason ->
                        reason.startsWith("shared vendor fixtures not found at " + missing))));
  }

  @Test
  void a_test_is_skipped_naming_the_vendor_folder_when_only_that_is_absent() throws IOException {
    // given
    Path fixtures = Files.createDirectories(temp.resolve("fixtures/google")).getParent();

    // when
    Events events = run(AwsCase.class, fixtures.toString(), temp).testEvents();

    // then
    events
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("needs_aws"),
                skippedWithReason(
                    "shared vendor fixtures for 'aws' not found at " + fixtures.resolve("aws"))));
  }

  @Test
  void without_a_configured_folder_the_fixtures_are_found_above_the_search_start()
      throws IOException {
    // given
    Files.createDirectories(temp.resolve("shared/fixtures/aws"));
    Path module = Files.createDirectories(temp.resolve("main/adapters/aws"));

    // when
    Events events = run(AwsCase.class, "", module).testEvents();

    // then
    events.assertThatEvents().haveExactly(1, event(test("needs_aws"), finishedSuccessfully()));
  }

  @Test
  void an_annotated_class_is_skipped_as_a_whole() {
    // given
    Path missing = temp.resolve("no-such-fixtures");

    // when
    Events containers = run(WholeClassCase.class, missing.toString(), temp).containerEvents();

    // then
    containers
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                container(WholeClassCase.class),
                skippedWithReason(
                    reason ->
                        reason.startsWith("shared vendor fixtures not found at " + missing))));
  }

  @Test
  void tests_without_the_annotation_run_regardless() {
    // given
    Path missing = temp.resolve("no-such-fixtures");

    // when
    Events events = run(AwsCase.class, missing.toString(), temp).testEvents();

    // then
    events.assertThatEvents().haveExactly(1, event(test("needs_nothing"), finishedSuccessfully()));
  }

  private static org.junit.platform.testkit.engine.EngineExecutionResults run(
      Class<?> testClass, String fixtures, Path searchFrom) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter(VendorFixtures.PROPERTY, fixtures)
        .configurationParameter(VendorFixturesCondition.SEARCH_FROM, searchFrom.toString())
        .selectors(selectClass(testClass))
        .execute();
  }

  /** Run only through {@link EngineTestKit} above (surefire skips nested classes). */
  static class AwsCase {
    @Test
    @RequiresVendorFixtures("aws")
    void needs_aws() {}

    @Test
    void needs_nothing() {}
  }

  /** Run only through {@link EngineTestKit} above. */
  @RequiresVendorFixtures
  static class WholeClassCase {
    @Test
    void needs_the_fixtures() {}
  }
}
