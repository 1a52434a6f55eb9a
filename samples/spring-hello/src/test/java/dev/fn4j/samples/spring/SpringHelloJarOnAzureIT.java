package dev.fn4j.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.testkit.AzureFunctionsHostFake;
import dev.fn4j.testkit.AzureHttpResponse;
import dev.fn4j.testkit.AzureReply;
import dev.fn4j.testkit.FunctionJar;
import dev.fn4j.testkit.JvmProcess;
import dev.fn4j.testkit.Ports;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged Spring Boot jar as an Azure Functions custom handler ({@code java -jar} with {@code
 * FUNCTIONS_CUSTOMHANDLER_PORT}), driven by the testkit's Functions host: HTTP-trigger invocations
 * of Azure functions named like the beans.
 */
class SpringHelloJarOnAzureIT {

  private static final FunctionJar JAR = FunctionJar.at(Path.of("target/spring-hello.jar"));
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void theJarServesHttpTriggersOfFunctionsNamedLikeTheBeans() {
    int port = Ports.free();
    AzureFunctionsHostFake host = AzureFunctionsHostFake.forHandler(Ports.loopback(port));
    try (JvmProcess handler = JAR.javaJar().withEnvironment(host.environment(port)).start()) {
      Ports.awaitListening(handler, port, WAIT);
      assertThat(host.ready().violations()).isEmpty();

      AzureReply upper =
          host.http(
              "uppercase",
              "POST",
              "/api/uppercase",
              Map.of("Content-Type", List.of("text/plain")),
              "hello from azure".getBytes(StandardCharsets.UTF_8));
      AzureReply greet =
          host.http(
              "greet",
              "POST",
              "/api/greet",
              Map.of("Content-Type", List.of("application/json")),
              "{\"name\":\"Ada\",\"language\":\"de\"}".getBytes(StandardCharsets.UTF_8));

      assertThat(upper.violations()).as("%s", handler).isEmpty();
      AzureHttpResponse upperResponse = upper.httpResponse().orElseThrow();
      assertThat(upperResponse.statusCode()).isEqualTo(200);
      assertThat(upperResponse.bodyText()).isEqualTo("HELLO FROM AZURE");
      assertThat(greet.violations()).as("%s", handler).isEmpty();
      AzureHttpResponse greetResponse = greet.httpResponse().orElseThrow();
      assertThat(greetResponse.statusCode()).isEqualTo(200);
      assertThat(greetResponse.bodyText())
          .isEqualTo("{\"message\":\"Hallo, Ada!\",\"language\":\"de\"}");
    }
  }
}
