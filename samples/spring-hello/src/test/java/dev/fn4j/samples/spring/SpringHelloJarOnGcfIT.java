package dev.fn4j.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.testkit.FunctionClient;
import dev.fn4j.testkit.FunctionJar;
import dev.fn4j.testkit.JvmProcess;
import dev.fn4j.testkit.Ports;
import dev.fn4j.testkit.Reply;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The packaged Spring Boot jar under Google's own Java function invoker, as Google Cloud Functions
 * runs it: {@code FUNCTION_TARGET=dev.fn4j.gcp.GcfHttpFunction}, the jar as the function's class
 * path, and the application's beans served by path.
 */
class SpringHelloJarOnGcfIT {

  private static final FunctionJar JAR = FunctionJar.at(Path.of("target/spring-hello.jar"));
  private static final Path INVOKER = Path.of("target/invoker/java-function-invoker.jar");
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void theHttpEntryPointServesTheApplicationsBeansByPath() {
    int port = Ports.free();
    try (JvmProcess invoker =
        JAR.onFunctionInvoker(INVOKER, "dev.fn4j.gcp.GcfHttpFunction", port).start()) {
      FunctionClient client = FunctionClient.of(Ports.awaitListening(invoker, port, WAIT));

      Reply upper = client.post("/uppercase", "hello from gcf", "text/plain");
      Reply greet =
          client.post("/greet", "{\"name\":\"Ada\",\"language\":\"de\"}", "application/json");
      Reply motto = client.get("/motto");

      assertThat(upper.status()).as("%s", invoker).isEqualTo(200);
      assertThat(upper.body()).isEqualTo("HELLO FROM GCF");
      assertThat(greet.status()).as("%s", invoker).isEqualTo(200);
      assertThat(greet.mediaType()).hasValue("application/json");
      assertThat(greet.body()).isEqualTo("{\"message\":\"Hallo, Ada!\",\"language\":\"de\"}");
      assertThat(motto.status()).as("%s", invoker).isEqualTo(200);
      assertThat(motto.body()).isEqualTo("Write it once, run it anywhere.");
      assertThat(invoker.stdout()).containsOnlyOnce("Started HelloSpringApplication");
    }
  }
}
