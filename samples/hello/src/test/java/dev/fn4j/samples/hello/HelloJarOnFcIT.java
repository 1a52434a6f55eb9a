package dev.fn4j.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.testkit.FcHostFake;
import dev.fn4j.testkit.FcReply;
import dev.fn4j.testkit.FunctionJar;
import dev.fn4j.testkit.JvmProcess;
import dev.fn4j.testkit.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The same packaged sample jar as an FC custom runtime ({@code java -jar hello.jar} with FC's
 * environment), driven by the testkit's FC host: an event invocation, an HTTP function, and the
 * instance's stop.
 */
class HelloJarOnFcIT {

  private static final FunctionJar JAR = FunctionJar.at(Path.of("target/hello.jar"));
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void theJarServesFcEventsAndHttpFunctionsAndStopsCleanly() {
    int port = Ports.free();
    FcHostFake fc = FcHostFake.forServer(Ports.loopback(port));
    try (JvmProcess runtime =
        JAR.javaJar()
            .withEnvironment(fc.environment(port))
            .withEnvironment("FN4J_FUNCTION", "uppercase")
            .start()) {
      Ports.awaitListening(runtime, port, WAIT);

      FcReply event = fc.invoke("hello from fc");
      assertThat(event.status()).as("%s", runtime).isEqualTo(200);
      assertThat(event.fcStatus()).hasValue(200);
      assertThat(event.text()).isEqualTo("HELLO FROM FC");

      FcReply http = fc.http("POST", "/anything", Map.of(), "http too".getBytes());
      assertThat(http.status()).isEqualTo(200);
      assertThat(http.text()).isEqualTo("HTTP TOO");

      assertThat(fc.preStop().fcStatus()).hasValue(200);
      runtime.awaitOutput("FC Invoke End RequestId: " + event.requestId(), WAIT);
      String output = runtime.stdout() + runtime.stderr();
      for (String secret : fc.credentials().values()) {
        assertThat(output).doesNotContain(secret);
      }
      assertThat(runtime.terminate(WAIT)).as("%s", runtime).isZero();
    }
  }
}
