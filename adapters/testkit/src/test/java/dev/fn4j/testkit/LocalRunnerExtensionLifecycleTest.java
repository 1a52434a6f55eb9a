package dev.fn4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class LocalRunnerExtensionLifecycleTest {

  @Test
  void the_runner_is_stopped_after_each_test_whether_it_passed_or_failed() {
    // given
    StopCase.seen.clear();

    // when
    Events events = run(StopCase.class);

    // then
    events.assertThatEvents().haveExactly(1, event(test("passes"), finishedSuccessfully()));
    events.assertThatEvents().haveExactly(1, event(test("fails"), finishedWithFailure()));
    assertThat(StopCase.seen).hasSize(2);
    for (FunctionServer server : StopCase.seen) {
      assertThat(server.isRunning()).isFalse();
      assertThatThrownBy(() -> connect(server.port())).isInstanceOf(ConnectException.class);
    }
  }

  @Test
  void a_constructor_cannot_take_the_client_and_is_told_why() {
    run(ConstructorCase.class)
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("never_runs"),
                finishedWithFailure(
                    instanceOf(ParameterResolutionException.class),
                    message(m -> m.contains("The local runner starts before each test")))));
  }

  @Test
  void a_malformed_environment_entry_fails_the_test_naming_it() {
    run(MalformedEnvironmentCase.class)
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("never_runs"),
                finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class),
                    message(m -> m.contains("NAME=value, not 'FN4J_FUNCTION'")))));
  }

  @Test
  void the_port_cannot_be_chosen_by_the_test() {
    run(PortCase.class)
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("never_runs"),
                finishedWithFailure(
                    instanceOf(IllegalArgumentException.class),
                    message(m -> m.startsWith("PORT is chosen by the testkit")))));
  }

  @Test
  void an_unknown_selected_function_fails_the_test_with_the_catalogs_reason() {
    run(UnknownSelectionCase.class)
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("never_runs"),
                finishedWithFailure(message(m -> m.contains("FN4J_FUNCTION is 'nope'")))));
  }

  @Test
  void the_declarative_extension_takes_its_environment_from_the_annotation() {
    assertThatThrownBy(() -> new LocalRunnerExtension().withEnvironment("A", "b"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("@LocalRunner(environment");
  }

  private static void connect(int port) throws Exception {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
    }
  }

  private static Events run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(testClass))
        .execute()
        .testEvents();
  }

  /** Run only through {@link EngineTestKit} above (surefire skips nested classes). */
  @LocalRunner
  static class StopCase {
    static final List<FunctionServer> seen = new ArrayList<>();

    @Test
    void passes(FunctionServer server) {
      seen.add(server);
    }

    @Test
    void fails(FunctionServer server) {
      seen.add(server);
      throw new AssertionError("on purpose");
    }
  }

  /** Run only through {@link EngineTestKit} above. */
  @LocalRunner
  static class ConstructorCase {
    ConstructorCase(FunctionClient client) {}

    @Test
    void never_runs() {}
  }

  /** Run only through {@link EngineTestKit} above. */
  @LocalRunner(environment = "FN4J_FUNCTION")
  static class MalformedEnvironmentCase {
    @Test
    void never_runs() {}
  }

  /** Run only through {@link EngineTestKit} above. */
  @LocalRunner(environment = "PORT=8080")
  static class PortCase {
    @Test
    void never_runs() {}
  }

  /** Run only through {@link EngineTestKit} above. */
  @LocalRunner(environment = "FN4J_FUNCTION=nope")
  static class UnknownSelectionCase {
    @Test
    void never_runs() {}
  }
}
