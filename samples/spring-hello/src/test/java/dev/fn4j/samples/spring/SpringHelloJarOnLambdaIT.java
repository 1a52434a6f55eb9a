package dev.fn4j.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The packaged Spring Boot jar on AWS Lambda, both ways: under the real runtime interface client
 * with the documented handler {@code dev.fn4j.aws.LambdaHandler}, which starts the application once
 * and routes HTTP API events to its beans by path; and started with {@code java -jar} as a custom
 * runtime, where {@code FN4J_FUNCTION} selects a bean.
 */
class SpringHelloJarOnLambdaIT {

  private static final FunctionJar JAR = FunctionJar.at(Path.of("target/spring-hello.jar"));
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theHandlerServesHttpApiEventsFromTheBeansOfOneApplication() throws Exception {
    try (LambdaRuntimeApiFake lambda = LambdaRuntimeApiFake.start();
        JvmProcess runtime =
            JAR.onLambdaRuntimeClient("dev.fn4j.aws.LambdaHandler")
                .withEnvironment(lambda.environment())
                .start()) {
      // given
      LambdaInvocation upper =
          lambda.invoke(EventFiles.text("events/lambda/http-api-uppercase.json"));
      LambdaInvocation greet = lambda.invoke(EventFiles.text("events/lambda/http-api-greet.json"));

      // when
      JsonNode upperResponse = response(lambda.await(upper, WAIT), runtime);
      JsonNode greetResponse = response(lambda.await(greet, WAIT), runtime);

      // then
      assertThat(upperResponse.path("statusCode").asInt()).isEqualTo(200);
      assertThat(upperResponse.path("body").asText()).isEqualTo("HELLO FROM SPRING ON LAMBDA");
      assertThat(greetResponse.path("statusCode").asInt()).isEqualTo(200);
      assertThat(JSON.readTree(greetResponse.path("body").asText()))
          .isEqualTo(JSON.readTree("{\"message\":\"Hallo, Ada!\",\"language\":\"de\"}"));
      assertThat(runtime.stdout()).containsOnlyOnce("Started HelloSpringApplication");
    }
  }

  @Test
  void theSameJarStartedWithJavaJarServesTheSelectedBeanOnTheRuntimeApiLoop() throws Exception {
    try (LambdaRuntimeApiFake lambda = LambdaRuntimeApiFake.start();
        JvmProcess runtime =
            JAR.javaJar()
                .withEnvironment(lambda.environment())
                .withEnvironment("FN4J_FUNCTION", "greet")
                .start()) {
      // given a direct invocation, which names no function
      LambdaInvocation invocation = lambda.invoke("{\"name\":\"Ada\",\"language\":\"de\"}");

      // when
      LambdaInvocationResult result = lambda.await(invocation, WAIT);

      // then
      assertThat(result.isResponse()).as("%s%n%s", result, runtime).isTrue();
      assertThat(JSON.readTree(result.text()))
          .isEqualTo(JSON.readTree("{\"message\":\"Hallo, Ada!\",\"language\":\"de\"}"));
    }
  }

  private static JsonNode response(LambdaInvocationResult result, JvmProcess runtime)
      throws Exception {
    assertThat(result.isResponse()).as("%s%n%s", result, runtime).isTrue();
    return JSON.readTree(result.text());
  }
}
