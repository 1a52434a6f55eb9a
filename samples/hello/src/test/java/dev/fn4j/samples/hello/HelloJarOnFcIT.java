package dev.fn4j.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.testkit.FcHostFake;
import dev.fn4j.testkit.FcReply;
import dev.fn4j.testkit.JvmProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
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

  private static final Path JAR = Path.of("target/hello.jar");

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void theJarServesFcEventsAndHttpFunctionsAndStopsCleanly() throws Exception {
    assertThat(JAR).exists();
    int port = freePort();
    FcHostFake fc = FcHostFake.forServer(URI.create("http://127.0.0.1:" + port));
    Map<String, String> environment = new java.util.HashMap<>(fc.environment(port));
    environment.put("FN4J_FUNCTION", "uppercase");
    try (JvmProcess runtime =
        JvmProcess.command("dev.fn4j.launcher.Main")
            .withClassPath(JAR.toAbsolutePath().toString())
            .withEnvironment(environment)
            .start()) {
      runtime.awaitOutput("on port " + port, Duration.ofSeconds(30));

      FcReply event = fc.invoke("hello from fc");
      assertThat(event.status()).as("%s", runtime).isEqualTo(200);
      assertThat(event.fcStatus()).hasValue(200);
      assertThat(event.text()).isEqualTo("HELLO FROM FC");

      FcReply http = fc.http("POST", "/anything", Map.of(), "http too".getBytes());
      assertThat(http.status()).isEqualTo(200);
      assertThat(http.text()).isEqualTo("HTTP TOO");

      assertThat(fc.preStop().fcStatus()).hasValue(200);
      runtime.awaitOutput("FC Invoke End RequestId: " + event.requestId(), Duration.ofSeconds(5));
      String output = runtime.stdout() + runtime.stderr();
      for (String secret : fc.credentials().values()) {
        assertThat(output).doesNotContain(secret);
      }
      ProcessHandle.of(runtime.pid()).orElseThrow().destroy();
      assertThat(runtime.awaitExit(Duration.ofSeconds(15))).as("%s", runtime).isZero();
    }
  }
}
