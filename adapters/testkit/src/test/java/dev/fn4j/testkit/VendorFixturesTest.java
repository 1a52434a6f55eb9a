package dev.fn4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VendorFixturesTest {

  @TempDir Path temp;
  Path fixtures;

  @BeforeEach
  void a_fixtures_folder_with_two_vendors() throws IOException {
    fixtures = Files.createDirectories(temp.resolve("shared/fixtures"));
    Path aws = Files.createDirectories(fixtures.resolve("aws"));
    Files.writeString(aws.resolve("alb-request.json"), "{\"alb\":1}");
    Files.writeString(aws.resolve("apigw-http-v2-request.json"), "{}");
    Files.writeString(aws.resolve("alb-response.json"), "{}");
    Files.createDirectories(aws.resolve("nested-request.json")); // a folder, never listed
    Files.createDirectories(fixtures.resolve("google"));
  }

  @Test
  void the_configured_folder_is_used_when_it_exists() {
    // given
    Path elsewhere = temp.resolve("elsewhere");

    // when
    var found = VendorFixtures.find(fixtures.toString(), elsewhere);

    // then
    assertThat(found).map(VendorFixtures::root).contains(fixtures);
  }

  @Test
  void the_configured_folder_is_normalised() {
    // given
    String configured = fixtures.resolve("aws").resolve("..").toString();

    // when / then
    assertThat(VendorFixtures.find(configured, temp).orElseThrow().root()).isEqualTo(fixtures);
  }

  @Test
  void without_a_configured_folder_the_search_walks_up_from_the_working_directory()
      throws IOException {
    // given
    Path module = Files.createDirectories(temp.resolve("checkout/adapters/aws"));

    // when
    var found = VendorFixtures.find(null, module);

    // then
    assertThat(found).map(VendorFixtures::root).contains(fixtures);
  }

  @Test
  void a_configured_folder_that_does_not_exist_falls_back_to_the_upward_search()
      throws IOException {
    // given
    Path module = Files.createDirectories(temp.resolve("checkout/adapters/aws"));
    String stale = temp.resolve("checkout/adapters/shared/fixtures").toString();

    // when / then
    assertThat(VendorFixtures.find(stale, module)).map(VendorFixtures::root).contains(fixtures);
  }

  @Test
  void nothing_is_found_when_neither_place_has_the_fixtures(@TempDir Path empty) {
    assertThat(VendorFixtures.find(empty.resolve("missing").toString(), empty)).isEmpty();
  }

  @Test
  void the_search_description_names_both_places_it_looked(@TempDir Path empty) {
    // given
    String configured = empty.resolve("missing").toString();

    // when
    String reason = VendorFixtures.notFound(VendorFixtures.searched(configured, empty));

    // then
    assertThat(reason)
        .startsWith("shared vendor fixtures not found at " + empty.resolve("missing"))
        .contains("shared/fixtures in " + empty + " or a parent")
        .contains("fn4j.fixtures");
  }

  @Test
  void a_vendor_folder_is_found_only_when_it_exists() {
    // given
    VendorFixtures found = VendorFixtures.at(fixtures);

    // when / then
    assertThat(found.folder("aws")).contains(fixtures.resolve("aws"));
    assertThat(found.folder("azure")).isEmpty();
  }

  @Test
  void files_lists_a_vendors_regular_files_matching_a_glob_sorted_by_name() {
    assertThat(VendorFixtures.at(fixtures).files("aws", "*-request.json"))
        .containsExactly(
            fixtures.resolve("aws/alb-request.json"),
            fixtures.resolve("aws/apigw-http-v2-request.json"));
  }

  @Test
  void files_of_an_absent_vendor_is_an_error_naming_the_folder() {
    assertThatThrownBy(() -> VendorFixtures.at(fixtures).files("azure", "*"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("shared vendor fixtures for 'azure' not found at " + fixtures.resolve("azure"));
  }

  @Test
  void text_reads_a_vendor_file() {
    assertThat(VendorFixtures.at(fixtures).text("aws", "alb-request.json"))
        .isEqualTo("{\"alb\":1}");
  }

  @Test
  void a_missing_file_is_an_error_naming_it_and_its_folder() {
    assertThatThrownBy(() -> VendorFixtures.at(fixtures).file("aws", "sqs-event.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'sqs-event.json'")
        .hasMessageContaining(fixtures.resolve("aws").toString());
  }

  @Test
  void a_file_name_cannot_leave_the_vendor_folder() throws IOException {
    // given
    Files.writeString(fixtures.resolve("SOURCES.md"), "# sources");

    // when / then
    assertThatThrownBy(() -> VendorFixtures.at(fixtures).file("aws", "../SOURCES.md"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_vendor_is_a_plain_folder_name() {
    VendorFixtures found = VendorFixtures.at(fixtures);

    assertThatThrownBy(() -> found.folder("../fixtures"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain folder name");
    assertThatThrownBy(() -> found.folder("aws/sub")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VendorFixtures.vendor(""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void at_refuses_a_folder_that_does_not_exist() {
    assertThatThrownBy(() -> VendorFixtures.at(temp.resolve("missing")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("shared vendor fixtures not found at " + temp.resolve("missing"));
  }

  @Test
  void fixtures_at_the_same_folder_are_equal() {
    assertThat(VendorFixtures.at(fixtures)).isEqualTo(VendorFixtures.at(fixtures.resolve(".")));
    assertThat(VendorFixtures.at(fixtures)).hasSameHashCodeAs(VendorFixtures.at(fixtures));
  }
}
