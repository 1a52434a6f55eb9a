package dev.fn4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The real peer: the AWS Lambda runtime interface client ({@code AWSLambda}, with its native HTTP
 * client for {@code /next} and {@code /response}) runs a handler in a child JVM against the fake.
 */
class RuntimeInterfaceClientTest {

  private static final String RIC = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  void the_runtime_interface_client_serves_events_and_keeps_serving_after_an_error() {
    try (LambdaRuntimeApiFake fake = LambdaRuntimeApiFake.start();
        JvmProcess ric =
            JvmProcess.command(RIC)
                .withArgs(RuntimeInterfaceClientTestHandler.class.getName() + "::handleRequest")
                .withEnvironment(fake.environment())
                .start()) {
      LambdaInvocation hello = fake.invoke("hello");
      LambdaInvocation boom = fake.invoke("boom");
      LambdaInvocation context =
          fake.invoke(
              LambdaEvent.of("context")
                  .withRequestId("ctx-1")
                  .withCognitoIdentity(
                      "{\"cognitoIdentityId\":\"id-1\",\"cognitoIdentityPoolId\":\"pool\"}"));

      LambdaInvocationResult first = fake.await(hello, WAIT);
      assertThat(first.isResponse()).as("%s%n%s", first, ric).isTrue();
      assertThat(first.text()).isEqualTo("HELLO");

      LambdaInvocationResult failed = fake.await(boom, WAIT);
      assertThat(failed.isError()).as("%s", failed).isTrue();
      LambdaErrorReport error = failed.error().orElseThrow();
      assertThat(error.errorType()).hasValue("java.lang.IllegalStateException");
      assertThat(error.errorMessage()).hasValue("boom from the handler");
      assertThat(error.errorTypeHeader()).isPresent();
      assertThat(error.stackTrace())
          .anyMatch(line -> line.contains("RuntimeInterfaceClientTestHandler"));

      assertThat(fake.await(context, WAIT).text())
          .isEqualTo(
              "ctx-1|"
                  + LambdaRuntimeApiFake.FUNCTION_ARN
                  + "|"
                  + LambdaRuntimeApiFake.FUNCTION_NAME
                  + "|true|false|id-1");
      fake.awaitNextPolls(4, WAIT); // waiting for a fourth event
      assertThat(fake.initError()).isEmpty();
      assertThat(fake.unexpectedRequests()).isEmpty();
    }
  }

  @Test
  void the_runtime_interface_client_reports_a_missing_handler_class_on_each_invocation() {
    try (LambdaRuntimeApiFake fake = LambdaRuntimeApiFake.start();
        JvmProcess ric =
            JvmProcess.command(RIC)
                .withArgs("dev.fn4j.testkit.NoSuchHandler::handleRequest")
                .withEnvironment(fake.environment())
                .start()) {

      LambdaInvocationResult result = fake.await(fake.invoke("{}"), WAIT);

      assertThat(result.isError()).as("%s%n%s", result, ric).isTrue();
      assertThat(result.error().orElseThrow().body()).contains("dev.fn4j.testkit.NoSuchHandler");
      assertThat(fake.initError()).isEmpty();
      assertThat(fake.unexpectedRequests()).isEmpty();
    }
  }

  @Test
  void the_runtime_interface_client_reports_a_handler_that_cannot_initialise_as_an_init_error() {
    try (LambdaRuntimeApiFake fake = LambdaRuntimeApiFake.start();
        JvmProcess ric =
            JvmProcess.command(RIC)
                .withArgs(
                    RuntimeInterfaceClientTestBrokenHandler.class.getName() + "::handleRequest")
                .withEnvironment(fake.environment())
                .start()) {

      LambdaErrorReport error = fake.awaitInitError(WAIT);

      assertThat(error.errorType()).hasValue("java.lang.ExceptionInInitializerError");
      assertThat(error.errorMessage())
          .hasValueSatisfying(
              message ->
                  assertThat(message)
                      .contains(RuntimeInterfaceClientTestBrokenHandler.class.getName()));
      assertThat(error.errorTypeHeader()).isPresent();
      assertThat(ric.awaitExit(WAIT)).as("%s", ric).isNotZero();
      assertThat(fake.nextPolls()).isZero();
      assertThat(fake.unexpectedRequests()).isEmpty();
    }
  }
}
