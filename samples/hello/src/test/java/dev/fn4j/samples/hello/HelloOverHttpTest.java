package dev.fn4j.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.testkit.FunctionClient;
import dev.fn4j.testkit.LocalRunner;
import dev.fn4j.testkit.Reply;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The sample as a user runs it: the application's functions (found through {@code
 * META-INF/services}, as the launcher finds them) over the local runner, on a free port, one fresh
 * runner per test.
 */
@LocalRunner
class HelloOverHttpTest {

  @Test
  void uppercase_answers_a_text_post_with_the_text_in_capitals(FunctionClient client) {
    // when
    Reply reply = client.post("/uppercase", "hello");

    // then
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.mediaType()).contains("text/plain");
    assertThat(reply.body()).isEqualTo("HELLO");
  }

  @Test
  void greet_answers_a_json_person_with_a_json_greeting(FunctionClient client) {
    // when
    Reply reply =
        client.post("/greet", "{\"name\":\"Ada\",\"language\":\"de\"}", "application/json");

    // then
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.mediaType()).contains("application/json");
    assertThat(reply.body())
        .startsWith("{")
        .contains("\"message\":\"Hallo, Ada!\"")
        .contains("\"language\":\"de\"")
        .endsWith("}");
  }

  @Test
  void greet_refuses_a_body_that_is_not_json_with_a_problem(FunctionClient client) {
    // when
    Reply reply = client.post("/greet", "Ada", "application/json");

    // then
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.mediaType()).contains("application/problem+json");
    assertThat(reply.body()).contains("\"function\":\"greet\"").contains("\"phase\":\"DECODE\"");
  }

  @Test
  void fortune_is_a_supplier_answering_a_get_with_the_sayings_in_turn(FunctionClient client) {
    // when
    Reply first = client.get("/fortune");
    Reply second = client.get("/fortune");

    // then
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.mediaType()).contains("application/json");
    assertThat(first.body())
        .contains("\"number\":1")
        .contains("\"text\":\"Write it once, run it anywhere.\"");
    assertThat(second.body()).contains("\"number\":2");
  }

  @Test
  void a_comma_separated_path_composes_the_functions_in_order(FunctionClient client) {
    // when
    Reply reply = client.post("/uppercase,reverse", "hello");

    // then
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo("OLLEH");
  }

  @Test
  void a_pipe_separated_path_composes_the_functions_too(FunctionClient client) {
    assertThat(client.post("/reverse|uppercase", "abc").body()).isEqualTo("CBA");
  }

  @Test
  void get_slash_lists_the_five_functions(FunctionClient client) {
    // when
    Reply reply = client.list();

    // then
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.mediaType()).contains("application/json");
    assertThat(names(reply.body()))
        .containsExactly("uppercase", "reverse", "greet", "fortune", "greetings");
    assertThat(reply.body())
        .contains("\"name\":\"fortune\",\"kind\":\"supplier\"")
        .contains("\"method\":\"GET\",\"path\":\"/fortune\"");
  }

  @Test
  void an_unknown_function_is_a_404_problem_naming_it(FunctionClient client) {
    // when
    Reply reply = client.post("/shout", "hello");

    // then
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.mediaType()).contains("application/problem+json");
    assertThat(reply.body()).contains("\"status\":404").contains("shout").doesNotContain("at dev.");
  }

  @Test
  @LocalRunner(environment = "FN4J_FUNCTION=reverse")
  void a_selected_function_answers_on_every_path(FunctionClient client) {
    assertThat(client.post("/", "stressed").body()).isEqualTo("desserts");
    assertThat(client.post("/uppercase", "stressed").body()).isEqualTo("desserts");
  }

  /** The {@code name} of each function in a listing, in order. */
  private static java.util.List<String> names(String listing) {
    Matcher name = Pattern.compile("\"name\":\"([^\"]*)\"").matcher(listing);
    java.util.List<String> names = new java.util.ArrayList<>();
    while (name.find()) {
      names.add(name.group(1));
    }
    return names;
  }
}
