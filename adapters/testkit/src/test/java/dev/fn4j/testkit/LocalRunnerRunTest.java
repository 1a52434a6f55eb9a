package dev.fn4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.core.catalog.CatalogException;
import dev.fn4j.core.catalog.FunctionCatalog;
import dev.fn4j.function.FunctionRegistrar;
import dev.fn4j.function.Lifecycle;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LocalRunnerRunTest {

  private static final FunctionRegistrar UPPERCASE =
      registry ->
          registry.function(
              "uppercase", String.class, String.class, t -> t.toUpperCase(Locale.ROOT));

  @Test
  void run_serves_the_functions_of_a_registrar() {
    LocalRunnerTest.run(
        UPPERCASE,
        (server, client) -> {
          // when
          Reply reply = client.post("/uppercase", "hello");

          // then
          assertThat(reply.status()).isEqualTo(200);
          assertThat(reply.body()).isEqualTo("HELLO");
          assertThat(reply.mediaType()).contains("text/plain");
        });
  }

  @Test
  void run_passes_the_environment_to_the_runner() {
    // given
    FunctionCatalog catalog =
        FunctionCatalog.of(
            both(
                UPPERCASE,
                registry ->
                    registry.function("exclaim", String.class, String.class, t -> t + "!")));

    LocalRunnerTest.run(
        catalog,
        Map.of("FN4J_FUNCTION", "exclaim|uppercase"),
        (server, client) -> assertThat(client.post("/uppercase", "hey").body()).isEqualTo("HEY!"));
  }

  @Test
  void the_runner_is_stopped_when_the_test_code_fails() {
    // given
    AtomicReference<FunctionServer> seen = new AtomicReference<>();

    // when
    assertThatThrownBy(
            () ->
                LocalRunnerTest.run(
                    UPPERCASE,
                    (server, client) -> {
                      seen.set(server);
                      throw new AssertionError("the test's own failure");
                    }))
        // then
        .isInstanceOf(AssertionError.class)
        .hasMessage("the test's own failure");
    assertThat(seen.get().isRunning()).isFalse();
  }

  @Test
  void a_checked_exception_of_the_test_code_is_rethrown_with_its_cause() {
    IOException failure = new IOException("disk on fire");

    assertThatThrownBy(
            () ->
                LocalRunnerTest.run(
                    UPPERCASE,
                    (server, client) -> {
                      throw failure;
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasCause(failure);
  }

  @Test
  void run_application_serves_the_functions_listed_in_meta_inf_services() {
    LocalRunnerTest.runApplication(
        Map.of(),
        (server, client) -> {
          assertThat(client.post("/shout", "app").body()).isEqualTo("APP!");
          assertThat(server.runtime().catalog().find("count")).isPresent();
        });
  }

  @Test
  void init_hooks_run_before_serving_and_pre_stop_hooks_after_stopping() {
    // given
    List<String> calls = new CopyOnWriteArrayList<>();
    Lifecycle hooks =
        new Lifecycle() {
          @Override
          public void onInit() {
            calls.add("init");
          }

          @Override
          public void preStop() {
            calls.add("preStop");
          }
        };

    // when
    LocalRunnerTest.run(
        both(UPPERCASE, registry -> registry.lifecycle(hooks)),
        (server, client) -> {
          client.post("/uppercase", "x");
          assertThat(calls).containsExactly("init");
        });

    // then
    assertThat(calls).containsExactly("init", "preStop");
  }

  @Test
  void an_invalid_selection_fails_before_any_server_starts() {
    assertThatThrownBy(
            () ->
                LocalRunnerTest.run(
                    UPPERCASE,
                    Map.of("FN4J_FUNCTION", "missing"),
                    (server, client) -> {
                      throw new AssertionError("never runs");
                    }))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("missing");
  }

  @Test
  void the_server_can_be_managed_by_hand_and_closed_twice() {
    // given
    FunctionServer server = FunctionServer.start(UPPERCASE, Map.of());

    // when
    Reply reply = server.client().post("uppercase", "by hand");
    server.close();
    server.close();

    // then
    assertThat(reply.body()).isEqualTo("BY HAND");
    assertThat(server.isRunning()).isFalse();
    assertThat(server.toString()).endsWith(", stopped]");
  }

  private static FunctionRegistrar both(FunctionRegistrar first, FunctionRegistrar second) {
    return registry -> {
      first.register(registry);
      second.register(registry);
    };
  }
}
