package dev.fn4j.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.testkit.EventFiles;
import dev.fn4j.testkit.JvmProcess;
import dev.fn4j.testkit.LambdaInvocation;
import dev.fn4j.testkit.LambdaInvocationResult;
import dev.fn4j.testkit.LambdaRuntimeApiFake;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The packaged sample jar, exactly as deployed, answers Lambda invocations in both modes: under the
 * real AWS runtime interface client with the documented handler string, and as a custom runtime
 * started with {@code java -jar} (the launcher detects {@code AWS_LAMBDA_RUNTIME_API}).
 */
class HelloJarOnLambdaIT {

  private static final Path JAR = Path.of("target/hello.jar");
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String HANDLER = "dev.fn4j.aws.LambdaHandler";

  @Test
  void theDocumentedHandlerStringServesAnHttpApiEventUnderTheRuntimeInterfaceClient()
      throws Exception {
    assertThat(JAR).exists();
    try (LambdaRuntimeApiFake lambda = LambdaRuntimeApiFake.start();
        JvmProcess runtime =
            JvmProcess.command("com.amazonaws.services.lambda.runtime.api.client.AWSLambda")
                .withClassPath(JAR.toAbsolutePath() + File.pathSeparator + runtimeClientJars())
                .withEnvironment(lambda.environment())
                .withArgs(HANDLER)
                .start()) {
      // given
      String event = EventFiles.text("events/lambda/http-api-uppercase.json");

      // when
      LambdaInvocation invocation = lambda.invoke(event);
      LambdaInvocationResult result = lambda.await(invocation, WAIT);

      // then
      assertThat(result.isResponse()).as(runtime.stderr()).isTrue();
      assertThat(result.text())
          .contains("\"statusCode\":200")
          .contains("\"body\":\"HELLO FROM LAMBDA\"");
    }
  }

  @Test
  void theSameJarStartedWithJavaJarServesTheRuntimeApiLoop() throws Exception {
    assertThat(JAR).exists();
    try (LambdaRuntimeApiFake lambda = LambdaRuntimeApiFake.start();
        JvmProcess runtime =
            JvmProcess.command("dev.fn4j.launcher.Main")
                .withClassPath(JAR.toAbsolutePath().toString())
                .withEnvironment(lambda.environment())
                .withEnvironment("FN4J_FUNCTION", "uppercase")
                .start()) {
      // given a direct invocation, which names no function: FN4J_FUNCTION selects it
      LambdaInvocation invocation = lambda.invoke("hello from lambda");

      // when
      LambdaInvocationResult result = lambda.await(invocation, WAIT);

      // then
      assertThat(result.isResponse()).as(runtime.stderr()).isTrue();
      assertThat(result.text()).isEqualTo("HELLO FROM LAMBDA");
    }
  }

  /** The runtime client and what it needs, from this test's class path (not in the sample jar). */
  private static String runtimeClientJars() {
    return Arrays.stream(JvmProcess.currentClassPath().split(File.pathSeparator))
        .filter(entry -> entry.contains("com/amazonaws") || entry.contains("software/amazon"))
        .filter(entry -> Files.isRegularFile(Path.of(entry)))
        .collect(Collectors.joining(File.pathSeparator));
  }
}
