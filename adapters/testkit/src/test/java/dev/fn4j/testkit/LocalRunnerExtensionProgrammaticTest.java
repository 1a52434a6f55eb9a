package dev.fn4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LocalRunnerExtensionProgrammaticTest {

  @RegisterExtension
  static final LocalRunnerExtension runner =
      LocalRunnerExtension.serving(
              registry ->
                  registry
                      .function(
                          "upper", String.class, String.class, t -> t.toUpperCase(Locale.ROOT))
                      .function("twice", String.class, String.class, t -> t + t))
          .withEnvironment("FN4J_FUNCTION", "upper|twice");

  @Test
  void functions_written_as_lambdas_are_served_with_the_given_environment(FunctionClient client) {
    // when
    Reply reply = client.post("/", "ab");

    // then
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo("ABAB");
  }

  @Test
  void the_annotation_free_application_functions_are_not_served(FunctionServer server) {
    assertThat(server.runtime().catalog().find("shout")).isEmpty();
    assertThat(server.runtime().catalog().size()).isEqualTo(2);
  }
}
