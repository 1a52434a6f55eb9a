package dev.fn4j.alibaba.runtime;

import static dev.fn4j.alibaba.runtime.FcReplies.assertClean;
import static dev.fn4j.alibaba.runtime.FcReplies.assertSucceeded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.testkit.FcReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * FC's instance lifecycle requests mapped to the neutral {@code Lifecycle} hooks: {@code POST
 * /initialize} (the {@code onInit} hooks already ran at start-up), {@code GET /pre-freeze} and
 * {@code GET /pre-stop}; 200 with {@code x-fc-status: 200} when every hook succeeded, 404 with
 * {@code x-fc-status: 404} when one failed, and FC's Start and End log lines around each.
 */
class LifecycleRequestsTest {

  private RuntimeFunctions functions;
  private FcTestServer server;

  @BeforeEach
  void start() {
    functions = new RuntimeFunctions();
    server = FcTestServer.start(functions);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void initialize_is_answered_200_and_does_not_run_the_init_hooks_a_second_time() {
    // given: the init hooks ran once, when the runtime started
    assertThat(functions.inits()).isEqualTo(1);

    // when
    FcReply reply = server.fc().initialize();

    // then
    assertSucceeded(reply);
    assertThat(functions.inits()).isEqualTo(1);
    assertThat(functions.preFreezes()).isZero();
    assertThat(functions.preStops()).isZero();
    server.awaitLogLine("FC Initialize Start RequestId: " + reply.requestId());
    server.awaitLogLine("FC Initialize End RequestId: " + reply.requestId());
  }

  @Test
  void pre_freeze_runs_the_pre_freeze_hooks_every_time_it_is_sent() {
    // when
    FcReply first = server.fc().preFreeze();
    FcReply second = server.fc().preFreeze();

    // then
    assertSucceeded(first);
    assertSucceeded(second);
    assertThat(functions.preFreezes()).isEqualTo(2);
    assertThat(functions.preStops()).isZero();
    server.awaitLogLine("FC PreFreeze Start RequestId: " + first.requestId());
    server.awaitLogLine("FC PreFreeze End RequestId: " + first.requestId());
    server.awaitLogLine("FC PreFreeze End RequestId: " + second.requestId());
  }

  @Test
  void pre_stop_runs_the_pre_stop_hooks_once() {
    // when
    FcReply first = server.fc().preStop();
    FcReply second = server.fc().preStop();

    // then
    assertSucceeded(first);
    assertSucceeded(second);
    assertThat(functions.preStops()).isEqualTo(1);
    assertThat(functions.preFreezes()).isZero();
    server.awaitLogLine("FC PreStop Start RequestId: " + first.requestId());
    server.awaitLogLine("FC PreStop End RequestId: " + first.requestId());
  }

  @Test
  void a_failing_pre_freeze_hook_fails_the_request_with_404_and_no_trace_of_its_message() {
    // given
    functions.failHooks();

    // when
    FcReply reply = server.fc().preFreeze();

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(404);
    assertThat(reply.fcStatus()).as("%s", reply).hasValue(404);
    assertThat(reply.violations()).as("%s", reply).isEmpty();
    assertClean(reply.text());
    assertThat(functions.preFreezes()).isEqualTo(1);
    server.awaitLogLine("FC PreFreeze End RequestId: " + reply.requestId());
  }

  @Test
  void a_failing_pre_stop_hook_fails_the_request_with_404_and_no_trace_of_its_message() {
    // given
    functions.failHooks();

    // when
    FcReply reply = server.fc().preStop();

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(404);
    assertThat(reply.fcStatus()).as("%s", reply).hasValue(404);
    assertThat(reply.violations()).as("%s", reply).isEmpty();
    assertClean(reply.text());
    assertThat(functions.preStops()).isEqualTo(1);
    server.awaitLogLine("FC PreStop End RequestId: " + reply.requestId());
  }

  @Test
  void the_hooks_do_not_run_for_an_http_function_request_on_a_lifecycle_path() {
    // when: an HTTP trigger's client asks for /pre-stop and /pre-freeze (x-fc-control-path is
    // /http-invoke): that is an HTTP function's request, not FC's lifecycle
    FcReply stop = server.fc().http("GET", "/pre-stop");
    FcReply freeze = server.fc().http("GET", "/pre-freeze");

    // then: no function of that name, a handled 404 answer; no hook ran
    assertThat(stop.status()).as("%s", stop).isEqualTo(404);
    assertThat(stop.fcStatus()).as("%s", stop).hasValue(200);
    assertThat(stop.violations()).isEmpty();
    assertThat(freeze.status()).as("%s", freeze).isEqualTo(404);
    assertThat(freeze.fcStatus()).as("%s", freeze).hasValue(200);
    assertThat(functions.preStops()).isZero();
    assertThat(functions.preFreezes()).isZero();
  }
}
