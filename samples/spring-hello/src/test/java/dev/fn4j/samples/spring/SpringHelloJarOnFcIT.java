package dev.fn4j.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.testkit.FcHostFake;
import dev.fn4j.testkit.FcReply;
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
 * The packaged Spring Boot jar as an Alibaba FC custom runtime ({@code java -jar} with FC's
 * environment), driven by the testkit's FC host: an event invocation and an HTTP function request
 * to the bean {@code FN4J_FUNCTION} selects, then the instance's stop.
 */
class SpringHelloJarOnFcIT {

  private static final FunctionJar JAR = FunctionJar.at(Path.of("target/spring-hello.jar"));
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String ADA = "{\"name\":\"Ada\",\"language\":\"de\"}";
  private static final String HALLO = "{\"message\":\"Hallo, Ada!\",\"language\":\"de\"}";

  @Test
  void theJarServesFcEventsAndHttpFunctionsAndStopsCleanly() {
    int port = Ports.free();
    FcHostFake fc = FcHostFake.forServer(Ports.loopback(port));
    try (JvmProcess runtime =
        JAR.javaJar()
            .withEnvironment(fc.environment(port))
            .withEnvironment("FN4J_FUNCTION", "greet")
            .start()) {
      Ports.awaitListening(runtime, port, WAIT);

      FcReply event = fc.invoke(ADA);
      FcReply http =
          fc.http(
              "POST",
              "/greet",
              Map.of("Content-Type", List.of("application/json")),
              ADA.getBytes(StandardCharsets.UTF_8));

      assertThat(event.violations()).as("%s", runtime).isEmpty();
      assertThat(event.fcStatus()).as("%s", runtime).hasValue(200);
      assertThat(event.text()).isEqualTo(HALLO);
      assertThat(http.violations()).isEmpty();
      assertThat(http.status()).isEqualTo(200);
      assertThat(http.text()).isEqualTo(HALLO);

      assertThat(fc.preStop().fcStatus()).hasValue(200);
      runtime.awaitOutput("FC Invoke End RequestId: " + event.requestId(), WAIT);
      assertThat(runtime.terminate(WAIT)).as("%s", runtime).isZero();
      String output = runtime.stdout() + runtime.stderr();
      fc.credentials().values().forEach(secret -> assertThat(output).doesNotContain(secret));
    }
  }
}
