package dev.fn4j.knative.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.testkit.JvmProcess;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The serving contract's shutdown, on a real process: {@code java dev.fn4j.launcher.Main} with
 * {@code K_SERVICE} set, as Knative starts the container, gets SIGTERM with requests in flight.
 */
class SigtermDrainTest {

  static final int IN_FLIGHT = 6;
  static final Pattern PORT = Pattern.compile("on port (\\d+)");
  static final HttpClient CLIENT = HttpClient.newHttpClient();

  static JvmProcess startServer(int drainSeconds) {
    JvmProcess process =
        JvmProcess.command("dev.fn4j.launcher.Main")
            .withEnvironment(
                Map.of(
                    "K_SERVICE", "drain-test",
                    "K_REVISION", "drain-test-00001",
                    "PORT", "0",
                    "FN4J_HTTP_HOST", "127.0.0.1",
                    "FN4J_HTTP_THREADS", "16",
                    "FN4J_DRAIN_SECONDS", Integer.toString(drainSeconds)))
            .start();
    process.awaitOutput("on port", Duration.ofSeconds(20));
    return process;
  }

  static int port(JvmProcess process) {
    Matcher matcher = PORT.matcher(process.stderr() + process.stdout());
    assertThat(matcher.find()).as("%s", process).isTrue();
    return Integer.parseInt(matcher.group(1));
  }

  static CompletableFuture<HttpResponse<String>> slowEvent(int port, int millis) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
            .header("ce-specversion", "1.0")
            .header("ce-id", "drain-" + millis)
            .header("ce-source", "/test")
            .header("ce-type", "slow")
            .header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofString(Integer.toString(millis)))
            .build();
    return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  static void awaitStarted(JvmProcess process, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (occurrences(process.stdout(), ProcessFunctions.STARTED) < count) {
      assertThat(System.nanoTime())
          .as("%d requests in flight: %s", count, process)
          .isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  static int occurrences(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      count++;
    }
    return count;
  }

  @Test
  void sigterm_lets_every_request_in_flight_finish_then_exits_0_within_the_drain_time()
      throws Exception {
    try (JvmProcess process = startServer(10)) {
      int port = port(process);
      List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
      for (int i = 0; i < IN_FLIGHT; i++) {
        inFlight.add(slowEvent(port, 1500 + i));
      }
      awaitStarted(process, IN_FLIGHT);

      long signalled = System.nanoTime();
      ProcessHandle.of(process.pid()).orElseThrow().destroy(); // SIGTERM

      Thread.sleep(200);
      int lateStatus = lateRequestStatus(port);
      assertThat(lateStatus).as("a request after SIGTERM is refused, not served").isIn(503, -1);

      for (int i = 0; i < IN_FLIGHT; i++) {
        HttpResponse<String> response = inFlight.get(i).get();
        assertThat(response.statusCode()).as("request %d: %s", i, process).isEqualTo(200);
        assertThat(response.body()).isEqualTo("slept " + (1500 + i));
        assertThat(response.headers().firstValue("ce-type")).hasValue("slow.output");
      }
      assertThat(process.awaitExit(Duration.ofSeconds(10))).as("%s", process).isEqualTo(0);
      Duration toExit = Duration.ofNanos(System.nanoTime() - signalled);
      assertThat(toExit).as("SIGTERM to exit").isLessThan(Duration.ofSeconds(10));
      assertThat(process.stderr()).contains("SIGTERM received");
    }
  }

  @Test
  void a_request_longer_than_the_drain_time_does_not_hold_the_process() throws Exception {
    try (JvmProcess process = startServer(1)) {
      int port = port(process);
      CompletableFuture<HttpResponse<String>> tooLong = slowEvent(port, 30_000);
      awaitStarted(process, 1);

      long signalled = System.nanoTime();
      ProcessHandle.of(process.pid()).orElseThrow().destroy();

      assertThat(process.awaitExit(Duration.ofSeconds(8))).as("%s", process).isEqualTo(0);
      assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(Duration.ofSeconds(8));
      assertThat(process.stderr()).contains("still in flight after the drain time of 1 s");
      assertThat(tooLong).isCompletedExceptionally();
    }
  }

  /** The status of a new request after SIGTERM, or -1 when the connection is refused. */
  static int lateRequestStatus(int port) throws InterruptedException {
    try {
      return slowEvent(port, 1).get().statusCode();
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof ConnectException || e.getCause() instanceof IOException) {
        return -1;
      }
      throw new AssertionError(e);
    }
  }
}
