package dev.fn4j.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.conformance.AdapterPaths;
import dev.fn4j.conformance.Call;
import dev.fn4j.conformance.Outcome;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sample's functions (found through {@code META-INF/services}, as every vendor entry class
 * finds them) along every adapter's in-process path: each call answers exactly as the local runner
 * answers it, failures included. The envelope of each platform (API Gateway, FC's HTTP trigger, the
 * Azure host's HTTP output, a CloudEvent reply) is stripped by {@code fn4j-conformance}.
 */
class HelloAcrossAdaptersTest {

  private static final Pattern SAYING =
      Pattern.compile("\\{\"number\":([123]),\"text\":\"[^\"]+\"}");

  private static AdapterPaths paths;

  @BeforeAll
  static void startPaths() {
    paths = AdapterPaths.all();
  }

  @AfterAll
  static void stopPaths() {
    paths.close();
  }

  static Stream<String> everyOtherPath() {
    return AdapterPaths.NAMES.stream().filter(name -> !name.equals(AdapterPaths.LOCAL));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyOtherPath")
  void uppercase_answers_as_locally(String path) {
    Outcome local = assertSameAsLocal(path, Call.post("uppercase", "text/plain", "hello"));

    assertThat(local).isEqualTo(Outcome.of(200, "text/plain", "HELLO"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyOtherPath")
  void reverse_keeps_characters_outside_the_bmp_as_locally(String path) {
    Outcome local = assertSameAsLocal(path, Call.post("reverse", "text/plain", "ab😀"));

    assertThat(local).isEqualTo(Outcome.of(200, "text/plain", "😀ba"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyOtherPath")
  void greet_answers_a_json_person_as_locally(String path) {
    Outcome local =
        assertSameAsLocal(path, Call.json("greet", "{\"name\":\"Ada\",\"language\":\"zh\"}"));

    assertThat(local)
        .isEqualTo(
            Outcome.of(200, "application/json", "{\"message\":\"你好, Ada!\",\"language\":\"zh\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyOtherPath")
  void greet_refuses_a_body_that_is_not_json_in_phase_decode_as_locally(String path) {
    Outcome local = assertSameAsLocal(path, Call.json("greet", "Ada"));

    assertThat(local.status()).isEqualTo(400);
    assertThat(local.problem())
        .hasValueSatisfying(
            problem -> {
              assertThat(problem.function()).isEqualTo("greet");
              assertThat(problem.phase()).isEqualTo("DECODE");
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyOtherPath")
  void greet_fails_in_phase_invoke_for_a_person_without_a_name_as_locally(String path) {
    Outcome local = assertSameAsLocal(path, Call.json("greet", "{\"name\":\" \"}"));

    assertThat(local.status()).isEqualTo(500);
    assertThat(local.problem())
        .hasValueSatisfying(
            problem -> {
              assertThat(problem.function()).isEqualTo("greet");
              assertThat(problem.phase()).isEqualTo("INVOKE");
            });
    assertThat(local.bodyText()).doesNotContain("a person needs a name");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyOtherPath")
  void greetings_reads_a_pub_sub_message_posted_over_http_as_locally(String path) {
    String published =
        "{\"message\":{\"data\":\"QWRh\",\"messageId\":\"m-1\"},\"subscription\":\"sub\"}";

    Outcome local = assertSameAsLocal(path, Call.json("greetings", published));

    assertThat(local).isEqualTo(Outcome.of(200, "text/plain", "Hello, Ada!"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyOtherPath")
  void an_unknown_function_is_not_found_as_locally(String path) {
    Outcome local = assertSameAsLocal(path, Call.post("farewell", "text/plain", "Ada"));

    assertThat(local.status()).isEqualTo(404);
    assertThat(local.problem())
        .hasValueSatisfying(problem -> assertThat(problem.phase()).isEqualTo("ROUTE"));
  }

  /**
   * Fortune hands out its sayings in turn, so two calls never answer alike: the path's answer is
   * the saying after the local runner's, from the same supplier object, in the same form.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("everyOtherPath")
  void fortune_continues_the_local_runners_rotation(String path) {
    Outcome local = paths.get(AdapterPaths.LOCAL).call(Call.get("fortune"));
    Outcome other = paths.get(path).call(Call.get("fortune"));

    assertThat(other.status()).isEqualTo(local.status()).isEqualTo(200);
    assertThat(other.contentType()).isEqualTo(local.contentType()).hasValue("application/json");
    assertThat(number(other)).isEqualTo(number(local) % 3 + 1);
  }

  private static int number(Outcome saying) {
    Matcher matcher = SAYING.matcher(saying.bodyText());
    assertThat(matcher.matches()).as("a saying: %s", saying).isTrue();
    return Integer.parseInt(matcher.group(1));
  }

  private static Outcome assertSameAsLocal(String path, Call call) {
    Outcome local = paths.get(AdapterPaths.LOCAL).call(call);

    Outcome other = paths.get(path).call(call);

    assertThat(other.differencesFrom(local))
        .as("%s along %s, locally %s", call, path, local)
        .isEmpty();
    return local;
  }
}
