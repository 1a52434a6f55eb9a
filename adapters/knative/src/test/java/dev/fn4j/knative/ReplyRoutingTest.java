package dev.fn4j.knative;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.function.FunctionRegistrar;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reply attributes from configuration, and the loop guard of a single-function service. */
class ReplyRoutingTest {

  static final FunctionRegistrar ONE_FUNCTION =
      registry ->
          registry.function(
              "uppercase", String.class, String.class, s -> s.toUpperCase(Locale.ROOT));

  @Test
  void the_only_function_takes_any_type_but_not_its_own_reply_type() {
    try (KnativeTestServer server = KnativeTestServer.start(ONE_FUNCTION)) {
      assertThat(server.postBinary("com.acme.anything", "text/plain", "a").body()).isEqualTo("A");

      HttpResponse<String> looped = server.postBinary("uppercase.output", "text/plain", "a");
      assertThat(looped.statusCode()).isEqualTo(404);
      assertThat(looped.body()).contains("reply type").contains("FN4J_ROUTING_TYPES");
    }
  }

  @Test
  void the_selected_function_does_not_take_its_own_reply_type_either() {
    try (KnativeTestServer server =
        KnativeTestServer.start(ONE_FUNCTION, Map.of("FN4J_FUNCTION", "uppercase"))) {
      assertThat(server.postBinary("uppercase.output", "text/plain", "a").statusCode())
          .isEqualTo(404);
    }
  }

  @Test
  void mapping_the_reply_type_explicitly_lifts_the_guard() {
    try (KnativeTestServer server =
        KnativeTestServer.start(
            ONE_FUNCTION, Map.of("FN4J_ROUTING_TYPES", "uppercase.output=uppercase"))) {
      HttpResponse<String> response = server.postBinary("uppercase.output", "text/plain", "a");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("A");
    }
  }

  @Test
  void reply_type_and_source_follow_their_templates() {
    try (KnativeTestServer server =
        KnativeTestServer.start(
            ONE_FUNCTION,
            Map.of(
                "FN4J_CE_REPLY_TYPE", "com.acme.{function}.done",
                "FN4J_CE_REPLY_SOURCE", "urn:acme:{service}:{function}",
                "K_SERVICE", "shop"))) {
      HttpResponse<String> response = server.postBinary("x", "text/plain", "a");
      assertThat(response.headers().firstValue("ce-type")).hasValue("com.acme.uppercase.done");
      assertThat(response.headers().firstValue("ce-source")).hasValue("urn:acme:shop:uppercase");
      // The reply type is the guarded one now.
      assertThat(server.postBinary("com.acme.uppercase.done", "text/plain", "a").statusCode())
          .isEqualTo(404);
    }
  }

  @Test
  void a_composition_named_by_the_path_gets_a_uri_safe_source() {
    FunctionRegistrar two =
        registry ->
            registry
                .function("uppercase", String.class, String.class, s -> s.toUpperCase(Locale.ROOT))
                .function(
                    "reverse",
                    String.class,
                    String.class,
                    s -> new StringBuilder(s).reverse().toString());
    try (KnativeTestServer server = KnativeTestServer.start(two)) {
      HttpResponse<String> response =
          server.post(
              "/uppercase,reverse",
              "abc",
              "ce-specversion",
              "1.0",
              "ce-id",
              "1",
              "ce-source",
              "/t",
              "ce-type",
              "t",
              "Content-Type",
              "text/plain");
      assertThat(response.body()).isEqualTo("CBA");
      String source = response.headers().firstValue("ce-source").orElseThrow();
      assertThat(java.net.URI.create(source).getPath()).startsWith("/svc/uppercase");
    }
  }
}
