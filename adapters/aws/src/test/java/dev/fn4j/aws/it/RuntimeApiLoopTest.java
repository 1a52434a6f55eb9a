package dev.fn4j.aws.it;

import static dev.fn4j.aws.it.RuntimeUnderTest.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.testkit.JvmProcess;
import dev.fn4j.testkit.LambdaErrorReport;
import dev.fn4j.testkit.LambdaEvent;
import dev.fn4j.testkit.LambdaInvocationResult;
import dev.fn4j.testkit.LambdaRuntimeApiFake;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The custom runtime: the fn4j launcher {@code dev.fn4j.launcher.Main}, as {@code java -jar
 * app.jar} starts it in a {@code provided.al2023} function or a container image, detects Lambda
 * from {@code AWS_LAMBDA_RUNTIME_API} and runs fn4j's own Runtime API loop against the in-process
 * fake.
 */
class RuntimeApiLoopTest extends LambdaRuntimeContract {

  @Override
  JvmProcess.Command command(Setup setup) {
    return JvmProcess.command("dev.fn4j.launcher.Main");
  }

  /** The loop names the fn4j failure in the header too, as Lambda reports it to callers. */
  @Override
  void assertErrorHeaders(LambdaErrorReport error, String errorType) {
    assertThat(error.errorTypeHeader()).as("%s", error.headers()).hasValue(errorType);
  }

  @Override
  @Test
  void the_lambda_context_carries_the_cognito_identity_and_the_client_context() {
    super.the_lambda_context_carries_the_cognito_identity_and_the_client_context();
  }

  @Test
  void a_start_up_failure_is_posted_as_the_init_error_and_ends_the_process() {
    try (RuntimeUnderTest broken = start(Setup.SELECTED, Map.of("FN4J_FUNCTION", MISSING_CLASS))) {

      LambdaErrorReport error = broken.fake().awaitInitError(WAIT);

      assertThat(error.errorType()).as("%s", error.body()).hasValue(STARTUP);
      assertThat(error.errorTypeHeader()).hasValue(STARTUP);
      assertThat(error.errorMessage())
          .hasValueSatisfying(message -> assertThat(message).contains(MISSING_CLASS));
      assertThat(error.stackTrace()).isEmpty();
      assertThat(broken.process().awaitExit(WAIT)).as("%s", broken).isNotZero();
      assertThat(broken.process().stderr())
          .contains("fn4j could not start")
          .doesNotContain("\tat ");
      assertThat(broken.fake().initErrors()).hasSize(1);
      assertThat(broken.fake().nextPolls()).isZero();
      assertThat(broken.fake().unexpectedRequests()).isEmpty();
    }
  }

  @Test
  void an_invocation_with_a_malformed_deadline_does_not_stop_the_loop() {
    RuntimeUnderTest runtime = selected();
    int polls = runtime.fake().nextPolls();
    runtime
        .fake()
        .invoke(
            LambdaEvent.of("hello")
                .withHeader(LambdaRuntimeApiFake.DEADLINE_HEADER, "not-a-number"));

    LambdaInvocationResult next = runtime.call("world");

    assertThat(next.isResponse()).as("%s%n%s", next, runtime).isTrue();
    assertThat(next.text()).isEqualTo("WORLD");
    runtime.fake().awaitNextPolls(polls + 2, WAIT);
    assertThat(runtime.process().isAlive()).as("%s", runtime).isTrue();
    assertThat(runtime.fake().unexpectedRequests()).isEmpty();
  }
}
