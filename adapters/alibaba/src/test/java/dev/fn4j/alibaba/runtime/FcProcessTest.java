package dev.fn4j.alibaba.runtime;

import static dev.fn4j.alibaba.runtime.FcReplies.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.testkit.EventFiles;
import dev.fn4j.testkit.FcHostFake;
import dev.fn4j.testkit.FcReply;
import dev.fn4j.testkit.JvmProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The custom runtime as FC runs it: {@code java dev.fn4j.launcher.Main} in a child JVM with the
 * environment FC sets (a port in {@code FC_CUSTOM_LISTEN_PORT}, the function's name and region, the
 * role's credentials in {@code ALIBABA_CLOUD_*}), driven over loopback by the FC host fake. FC's
 * log lines frame every request on standard output, no credential is ever printed (not even after a
 * function put one in its exception's message, nor after an echo of the headers), and SIGTERM ends
 * the process with status 0 after the pre-stop hooks ran once.
 */
class FcProcessTest {

  private static final String EVENTS = "events/alibaba/runtime/";

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the launcher as FC would, and waits until it listens. */
  private static Started start() {
    return start(Map.of());
  }

  private static Started start(Map<String, String> more) {
    int port = freePort();
    FcHostFake fc = FcHostFake.forServer(URI.create("http://127.0.0.1:" + port));
    Map<String, String> environment = new HashMap<>(fc.environment(port));
    environment.put("FN4J_HTTP_HOST", "127.0.0.1");
    environment.putAll(more);
    JvmProcess process =
        JvmProcess.command("dev.fn4j.launcher.Main").withEnvironment(environment).start();
    try {
      process.awaitOutput("on port " + port, Duration.ofSeconds(30));
    } catch (RuntimeException | AssertionError e) {
      process.close();
      throw e;
    }
    return new Started(process, fc);
  }

  private record Started(JvmProcess process, FcHostFake fc) {}

  @Test
  void the_launcher_detects_fc_and_frames_every_request_with_fcs_log_lines() {
    Started started = start();
    try (JvmProcess process = started.process()) {
      FcHostFake fc = started.fc();
      assertThat(process.stderr() + process.stdout())
          .as("detected as Function Compute, not the local runner")
          .contains("fn4j on Function Compute");

      // when
      FcReply initialize = fc.initialize();
      FcReply event = fc.invoke(EventFiles.bytes(EVENTS + "process-uppercase-cloudevent.json"));
      FcReply failedEvent = fc.invoke(EventFiles.bytes(EVENTS + "process-fail-cloudevent.json"));
      FcReply http =
          fc.http(
              "POST",
              "/uppercase",
              Map.of("Content-Type", List.of("text/plain")),
              "over http".getBytes(StandardCharsets.UTF_8));
      FcReply failedHttp = fc.http("POST", "/fail", Map.of(), new byte[0]);
      FcReply preFreeze = fc.preFreeze();

      // then: the answers
      for (FcReply reply : List.of(initialize, event, http, preFreeze)) {
        assertThat(reply.fcStatus()).as("%s", reply).hasValue(200);
        assertThat(reply.violations()).as("%s", reply).isEmpty();
      }
      assertThat(event.text()).isEqualTo("FROM THE QUEUE");
      assertThat(http.text()).isEqualTo("OVER HTTP");
      assertThat(failedEvent.status()).as("%s", failedEvent).isEqualTo(404);
      assertThat(failedEvent.fcStatus()).hasValue(404);
      assertThat(failedHttp.status()).as("%s", failedHttp).isEqualTo(500);
      assertThat(failedHttp.fcStatus()).hasValue(404);

      // and the log lines, each End after its Start
      assertFramed(process, "Initialize", initialize);
      for (FcReply reply : List.of(event, failedEvent, http, failedHttp)) {
        assertFramed(process, "Invoke", reply);
      }
      assertFramed(process, "PreFreeze", preFreeze);
      assertThat(process.stdout()).contains(ProcessFunctions.PRE_FREEZE);
    }
  }

  @Test
  void no_credential_is_printed_or_answered_even_after_failures_and_an_echo_of_the_headers() {
    Started started = start();
    List<FcReply> replies = new ArrayList<>();
    try (JvmProcess process = started.process()) {
      FcHostFake fc = started.fc();

      // when: a function puts the secret in its exception's message, twice; another echoes
      // every header and attribute it got
      replies.add(fc.invoke(EventFiles.bytes(EVENTS + "process-fail-cloudevent.json")));
      replies.add(fc.http("POST", "/fail", Map.of(), new byte[0]));
      replies.add(fc.invoke(EventFiles.bytes(EVENTS + "process-echo-cloudevent.json")));
      replies.add(
          fc.http(
              "POST",
              "/echo",
              Map.of("Content-Type", List.of("text/plain"), "X-Client", List.of("c1")),
              "headers please".getBytes(StandardCharsets.UTF_8)));
      replies.add(fc.initialize());
      replies.add(fc.preFreeze());
      replies.add(fc.preStop());
      for (FcReply reply : replies) {
        assertFramedEventually(process, reply);
      }
      ProcessHandle.of(process.pid()).orElseThrow().destroy();
      assertThat(process.awaitExit(Duration.ofSeconds(15))).as("%s", process).isZero();

      // then: the echo shows the function could reach the credentials, as the brief promises
      assertThat(json(replies.get(3).text()).path("credentials").asText())
          .isEqualTo("the fake host's");
      List<String> secrets = fc.credentials().values();
      assertThat(secrets).hasSize(3);
      for (FcReply reply : replies) {
        for (String secret : secrets) {
          assertThat(reply.text()).as("%s", reply).doesNotContain(secret);
          reply
              .headers()
              .forEach(
                  (name, values) ->
                      assertThat(values).as("header %s", name).noneMatch(v -> v.contains(secret)));
        }
      }
      String output = process.stdout() + "\n" + process.stderr();
      for (String secret : secrets) {
        assertThat(output).as("the process's output").doesNotContain(secret);
      }
      assertThat(output)
          .as("the failures are logged, without a stack trace")
          .contains("Function 'fail' failed in phase INVOKE")
          .doesNotContain("\tat ")
          .doesNotContain("Caused by:")
          .doesNotContain("cannot go on with");
    }
  }

  @Test
  void sigterm_runs_the_pre_stop_hooks_and_ends_the_process_with_status_0() {
    Started started = start();
    try (JvmProcess process = started.process()) {
      // given: one invocation served
      FcReply reply =
          started.fc().http("POST", "/uppercase", Map.of(), "x".getBytes(StandardCharsets.UTF_8));
      assertThat(reply.text()).isEqualTo("X");

      // when
      ProcessHandle.of(process.pid()).orElseThrow().destroy();

      // then
      assertThat(process.awaitExit(Duration.ofSeconds(15))).as("%s", process).isZero();
      assertThat(occurrences(process.stdout(), ProcessFunctions.PRE_STOP)).isEqualTo(1);
    }
  }

  @Test
  void after_fcs_pre_stop_sigterm_does_not_run_the_pre_stop_hooks_again() {
    Started started = start();
    try (JvmProcess process = started.process()) {
      // given
      FcReply preStop = started.fc().preStop();
      assertThat(preStop.status()).as("%s", preStop).isEqualTo(200);
      assertFramedEventually(process, preStop);

      // when
      ProcessHandle.of(process.pid()).orElseThrow().destroy();

      // then
      assertThat(process.awaitExit(Duration.ofSeconds(15))).as("%s", process).isZero();
      assertThat(occurrences(process.stdout(), ProcessFunctions.PRE_STOP)).isEqualTo(1);
    }
  }

  @Test
  void a_failing_hook_is_reported_404_without_its_message_in_the_log() {
    Started started = start(Map.of(ProcessFunctions.FAILING_HOOKS, "true"));
    try (JvmProcess process = started.process()) {
      // when: each hook throws with the role's secret in its exception's message
      FcReply preFreeze = started.fc().preFreeze();
      FcReply preStop = started.fc().preStop();
      assertFramedEventually(process, preFreeze);
      assertFramedEventually(process, preStop);
      ProcessHandle.of(process.pid()).orElseThrow().destroy();
      assertThat(process.awaitExit(Duration.ofSeconds(15))).as("%s", process).isZero();

      // then
      assertThat(preFreeze.status()).as("%s", preFreeze).isEqualTo(404);
      assertThat(preFreeze.fcStatus()).hasValue(404);
      assertThat(preStop.status()).as("%s", preStop).isEqualTo(404);
      assertThat(preStop.fcStatus()).hasValue(404);
      String output = process.stdout() + "\n" + process.stderr();
      assertThat(output).as("the hook failures are logged").contains("PRE_FREEZE", "PRE_STOP");
      for (String secret : started.fc().credentials().values()) {
        assertThat(output).as("the process's output").doesNotContain(secret);
      }
    }
  }

  /** Asserts the Start and End lines of a request, the End after the Start. */
  private static void assertFramed(JvmProcess process, String kind, FcReply reply) {
    String start = "FC " + kind + " Start RequestId: " + reply.requestId();
    String end = "FC " + kind + " End RequestId: " + reply.requestId();
    process.awaitOutput(end, Duration.ofSeconds(10));
    List<String> lines = process.stdout().lines().toList();
    assertThat(lines).as("standard output").contains(start, end);
    assertThat(lines.indexOf(start)).isLessThan(lines.indexOf(end));
  }

  private static void assertFramedEventually(JvmProcess process, FcReply reply) {
    String kind =
        switch (reply.invocation().controlPath()) {
          case "/initialize" -> "Initialize";
          case "/pre-freeze" -> "PreFreeze";
          case "/pre-stop" -> "PreStop";
          default -> "Invoke";
        };
    assertFramed(process, kind, reply);
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      count++;
    }
    return count;
  }
}
