package dev.fn4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@LocalRunner
class LocalRunnerExtensionTest {

  FunctionClient clientOfBeforeEach;

  @BeforeEach
  void remember(FunctionClient client) {
    clientOfBeforeEach = client;
  }

  @Test
  void the_applications_own_functions_are_served_over_http(FunctionClient client) {
    // when
    Reply reply = client.post("/shout", "hey");

    // then
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo("HEY!");
  }

  @Test
  void a_test_gets_a_fresh_catalog(FunctionClient client) {
    assertThat(client.get("/count").body()).isEqualTo("1");
    assertThat(client.get("/count").body()).isEqualTo("2");
  }

  @Test
  void another_test_gets_a_fresh_catalog_too(FunctionClient client) {
    assertThat(client.get("/count").body()).isEqualTo("1");
  }

  @Test
  void the_runner_listens_on_a_free_loopback_port(FunctionServer server, FunctionClient client) {
    assertThat(server.isRunning()).isTrue();
    assertThat(server.port()).isPositive();
    assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
    assertThat(client.baseUri()).isEqualTo(server.uri());
  }

  @Test
  void before_each_methods_get_the_same_runner(FunctionClient client) {
    assertThat(clientOfBeforeEach.baseUri()).isEqualTo(client.baseUri());
  }

  @Test
  @LocalRunner(registrars = TestFunctions.Whisper.class)
  void registrars_on_the_method_replace_the_applications_functions(FunctionClient client) {
    assertThat(client.post("/whisper", "HUSH").body()).isEqualTo("hush...");
    assertThat(client.post("/shout", "hey").status()).isEqualTo(404);
  }

  @Test
  @LocalRunner(environment = "FN4J_FUNCTION=shout")
  void the_environment_reaches_the_runner(FunctionClient client) {
    // when
    Reply reply = client.post("/any/path", "all paths");

    // then
    assertThat(reply.body()).isEqualTo("ALL PATHS!");
    assertThat(client.list().body()).contains("\"selected\":\"shout\"");
  }

  @Nested
  class InANestedClass {
    @Test
    void the_enclosing_classes_settings_apply(FunctionClient client) {
      assertThat(client.post("/shout", "nested").body()).isEqualTo("NESTED!");
    }
  }

  @Nested
  @LocalRunner(registrars = TestFunctions.Whisper.class)
  class WithItsOwnSettings {
    @Test
    void the_nested_classes_settings_win(FunctionClient client) {
      assertThat(client.post("/whisper", "NESTED").body()).isEqualTo("nested...");
    }
  }
}
