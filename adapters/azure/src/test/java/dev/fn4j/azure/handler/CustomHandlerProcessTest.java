package dev.fn4j.azure.handler;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.testkit.AzureFunctionsHostFake;
import dev.fn4j.testkit.AzureReply;
import dev.fn4j.testkit.JvmProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The custom handler as the Functions host runs it: {@code java dev.fn4j.launcher.Main} in a child
 * JVM with the environment the host gives it (the port in {@code FUNCTIONS_CUSTOMHANDLER_PORT}, the
 * app settings), probed on {@code GET /} and invoked over loopback by the host fake; the launcher
 * detects Azure, and SIGTERM ends the process with status 0.
 */
class CustomHandlerProcessTest {

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void the_launcher_detects_azure_serves_the_host_and_exits_0_on_sigterm() {
    int port = freePort();
    AzureFunctionsHostFake host =
        AzureFunctionsHostFake.forHandler(URI.create("http://127.0.0.1:" + port));
    try (JvmProcess process =
        JvmProcess.command("dev.fn4j.launcher.Main")
            .withEnvironment(host.environment(port))
            .start()) {
      process.awaitOutput("on port " + port, Duration.ofSeconds(30));
      assertThat(process.stdout() + process.stderr())
          .as("detected as an Azure Functions custom handler")
          .contains("Azure Functions custom handler");

      // when
      AzureReply ready = host.awaitReady(Duration.ofSeconds(30));
      AzureReply queue = host.queue("uppercase", "from the queue");
      AzureReply http =
          host.http(
              "fn4j-http",
              "POST",
              "/api/uppercase",
              Map.of("Content-Type", List.of("text/plain")),
              "over http".getBytes(UTF_8));
      AzureReply failed = host.queue("fail", "x");
      AzureReply failedHttp = host.http("fail", "POST", "/api/fail");

      // then
      assertThat(ready.status()).isEqualTo(200);
      assertThat(queue.returnValue()).as("%s", queue).hasValue("FROM THE QUEUE");
      assertThat(http.httpResponse().orElseThrow().bodyText()).isEqualTo("OVER HTTP");
      assertThat(failed.status()).as("%s", failed).isEqualTo(500);
      assertThat(failedHttp.httpResponse().orElseThrow().statusCode()).isEqualTo(500);
      for (AzureReply reply : List.of(ready, queue, http, failed, failedHttp)) {
        assertThat(HandlerServer.violations(reply)).as("%s", reply).isEmpty();
      }
      assertThat(failed.logs()).hasSize(1);

      ProcessHandle.of(process.pid()).orElseThrow().destroy();
      assertThat(process.awaitExit(Duration.ofSeconds(15))).as("%s", process).isZero();
      String output = process.stdout() + "\n" + process.stderr();
      assertThat(output)
          .as("the process's output")
          .doesNotContain(AzureFunctionsHostFake.FAKE_STORAGE_ACCOUNT_KEY)
          .doesNotContain("\tat ");
    }
  }
}
