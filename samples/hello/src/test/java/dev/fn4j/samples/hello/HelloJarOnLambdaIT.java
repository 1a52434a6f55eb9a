package dev.fn4j.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.testkit.EventFiles;
import dev.fn4j.testkit.FunctionJar;
import dev.fn4j.testkit.JvmProcess;
import dev.fn4j.testkit.LambdaInvocation;
import dev.fn4j.testkit.LambdaInvocationResult;
import dev.fn4j.testkit.LambdaRuntimeApiFake;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The packaged sample jar, exactly as deployed, answers Lambda invocations in both modes: under the
 * real AWS runtime interface client with the documented handler string, and as a custom runtime
 * started with {@code java -jar} (the launcher detects {@code AWS_LAMBDA_RUNTIME_API}).
 */
class HelloJarOnLambdaIT {

  private static final FunctionJar JAR = FunctionJar.at(Path.of("target/hello.jar"));
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void theDocumentedHandlerStringServesAnHttpApiEventUnderTheRuntimeInterfaceClient() {
    try (LambdaRuntimeApiFake lambda = LambdaRuntimeApiFake.start();
        JvmProcess runtime =
            JAR.onLambdaRuntimeClient("dev.fn4j.aws.LambdaHandler")
                .withEnvironment(lambda.environment())
                .start()) {
      // given
      String event = EventFiles.text("events/lambda/http-api-uppercase.json");

      // when
      LambdaInvocation invocation = lambda.invoke(event);
      LambdaInvocationResult result = lambda.await(invocation, WAIT);

      // then
      assertThat(result.isResponse()).as("%s", runtime).isTrue();
      assertThat(result.text())
          .contains("\"statusCode\":200")
          .contains("\"body\":\"HELLO FROM LAMBDA\"");
    }
  }

  @Test
  void theSameJarStartedWithJavaJarServesTheRuntimeApiLoop() {
    try (LambdaRuntimeApiFake lambda = LambdaRuntimeApiFake.start();
        JvmProcess runtime =
            JAR.javaJar()
                .withEnvironment(lambda.environment())
                .withEnvironment("FN4J_FUNCTION", "uppercase")
                .start()) {
      // given a direct invocation, which names no function: FN4J_FUNCTION selects it
      LambdaInvocation invocation = lambda.invoke("hello from lambda");

      // when
      LambdaInvocationResult result = lambda.await(invocation, WAIT);

      // then
      assertThat(result.isResponse()).as("%s", runtime).isTrue();
      assertThat(result.text()).isEqualTo("HELLO FROM LAMBDA");
    }
  }
}
