package dev.fn4j.conformance.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.conformance.ReliabilityReport;
import dev.fn4j.conformance.process.ServerMode.Answer;
import dev.fn4j.conformance.process.ServerMode.Client;
import dev.fn4j.testkit.JvmProcess;
import dev.fn4j.testkit.Ports;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SIGTERM with requests in flight, on a real process, for each embedded server mode: {@code java
 * -cp <test class path> dev.fn4j.launcher.Main} (every adapter and {@code ConformanceFunctions} on
 * it) with the environment that makes the launcher pick the mode (see {@link ServerMode}) and
 * {@code FN4J_DRAIN_SECONDS=10}. {@value #IN_FLIGHT} requests to {@code slow} of about {@value
 * #SLOW_MILLIS} ms are sent the way the mode's platform sends them, and seen inside the function in
 * a thread dump of the child ({@link ThreadDumps}: the child logs nothing per request, and a pause
 * after the sockets connected would not prove that the server took them); then SIGTERM. The new
 * request goes out once the child logged that it received the signal, plus 100 ms for its main
 * thread to start draining.
 *
 * <p>Asserted: every request in flight finishes after the signal with 200 and its exact body (none
 * lost); a new request after the signal is answered 503 or refused, within 5 s (it never hangs);
 * the process exits with status 0 within the drain time plus 5 s, without running out of drain
 * time. Printed and written to {@code target/reliability/shutdown.txt}: per mode, the requests in
 * flight, how many completed, what the late request got, the exit code and the time from SIGTERM to
 * exit.
 */
@Timeout(value = 45, unit = TimeUnit.SECONDS)
class SigtermDrainTest {

  static final int IN_FLIGHT = 6;
  static final int SLOW_MILLIS = 1500;
  static final int DRAIN_SECONDS = 10;
  static final Duration EXIT_LIMIT = Duration.ofSeconds(DRAIN_SECONDS + 5);
  static final Duration LATE_TIMEOUT = Duration.ofSeconds(5);

  /** The frame of a thread inside {@code slow}, as a thread dump prints it. */
  static final String SLOW_FRAME = "dev.fn4j.conformance.ConformanceFunctions$Slow.apply(";

  private static final Map<ServerMode, String> SUMMARIES =
      Collections.synchronizedMap(new EnumMap<>(ServerMode.class));

  @Test
  void the_local_runner_finishes_its_requests_in_flight_refuses_new_ones_and_exits_0()
      throws Exception {
    drains(ServerMode.LOCAL);
  }

  @Test
  void knative_finishes_its_requests_in_flight_refuses_new_ones_and_exits_0() throws Exception {
    drains(ServerMode.KNATIVE);
  }

  @Test
  void the_fc_custom_runtime_finishes_its_requests_in_flight_refuses_new_ones_and_exits_0()
      throws Exception {
    drains(ServerMode.FC);
  }

  @Test
  void the_azure_custom_handler_finishes_its_requests_in_flight_refuses_new_ones_and_exits_0()
      throws Exception {
    drains(ServerMode.AZURE);
  }

  @AfterAll
  static void report() {
    StringBuilder text =
        new StringBuilder()
            .append("fn4j shutdown: java dev.fn4j.launcher.Main per mode, FN4J_DRAIN_SECONDS=")
            .append(DRAIN_SECONDS)
            .append(", SIGTERM with ")
            .append(IN_FLIGHT)
            .append(" slow requests of ~")
            .append(SLOW_MILLIS)
            .append(" ms in flight, then one new request\n");
    SUMMARIES.values().forEach(line -> text.append(line).append('\n'));
    ReliabilityReport.write("shutdown.txt", text.toString());
  }

  private static void drains(ServerMode mode) throws Exception {
    int port = Ports.free();
    ExecutorService senders = Executors.newFixedThreadPool(IN_FLIGHT);
    try (JvmProcess child = start(mode, port)) {
      // given: requests inside the function
      long sent = System.nanoTime();
      List<CompletableFuture<Finished>> inFlight =
          sendSlow(mode.client(port, Duration.ofSeconds(20)), senders);
      String seen = awaitInFlight(child, sent);

      // when
      long signalled = System.nanoTime();
      ProcessHandle.of(child.pid()).orElseThrow().destroy(); // SIGTERM
      child.awaitOutput("SIGTERM received", Duration.ofSeconds(5));
      Thread.sleep(100); // from the signal handler's log line to the server refusing
      String late = late(mode.client(port, LATE_TIMEOUT));
      List<Finished> finished = new ArrayList<>();
      for (CompletableFuture<Finished> request : inFlight) {
        finished.add(request.get(EXIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS));
      }
      Optional<Integer> exit = awaitExit(child, signalled);
      Duration toExit = Duration.ofNanos(System.nanoTime() - signalled);

      // then
      long completed = finished.stream().filter(request -> request.completed(signalled)).count();
      record(mode, seen, completed, late, exit, toExit);
      for (Finished request : finished) {
        assertThat(request.failure()).as("%s: %s", request.body(), child).isNull();
        assertThat(request.answer())
            .as("%s: %s", request.body(), child)
            .isEqualTo(new Answer(200, expected(request.body()), List.of()));
        assertThat(request.at() - signalled)
            .as("%s finished after SIGTERM, so it was in flight across it", request.body())
            .isPositive();
      }
      assertThat(late).as("a new request after SIGTERM: %s", child).isIn("503", "refused");
      assertThat(exit).as("exit code: %s", child).hasValue(0);
      assertThat(toExit).as("SIGTERM to exit").isLessThan(EXIT_LIMIT);
      assertThat(child.stderr())
          .as("drained within the drain time")
          .doesNotContain("still in flight after the drain time");
    } finally {
      senders.shutdownNow();
    }
  }

  /** Starts the launcher as the mode's platform does, and waits until it serves. */
  private static JvmProcess start(ServerMode mode, int port) {
    JvmProcess child =
        JvmProcess.command("dev.fn4j.launcher.Main")
            .withEnvironment(mode.environment(port))
            .withEnvironment("FN4J_DRAIN_SECONDS", Integer.toString(DRAIN_SECONDS))
            .start();
    try {
      child.awaitOutput(mode.listening(), Duration.ofSeconds(30));
      mode.awaitReady(port);
      return child;
    } catch (RuntimeException | AssertionError e) {
      child.close();
      throw e;
    }
  }

  /** Sends the slow requests, each on a thread of its own; each body a different wait. */
  private static List<CompletableFuture<Finished>> sendSlow(
      Client client, ExecutorService senders) {
    List<CompletableFuture<Finished>> inFlight = new ArrayList<>();
    for (int i = 0; i < IN_FLIGHT; i++) {
      String body = Integer.toString(SLOW_MILLIS + 10 * i);
      inFlight.add(
          CompletableFuture.supplyAsync(() -> client.post("slow", body), senders)
              .handle((answer, failure) -> new Finished(body, answer, failure, System.nanoTime())));
    }
    return inFlight;
  }

  private static String expected(String body) {
    return "waited " + body + " ms";
  }

  /** Waits until every request is inside {@code slow}: seen in the child's thread dump. */
  private static String awaitInFlight(JvmProcess child, long sent) throws InterruptedException {
    Optional<ThreadDumps> dumps = ThreadDumps.ofThisJdk();
    if (dumps.isEmpty()) {
      Thread.sleep(300);
      return "assumed after 300 ms, no jcmd";
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    int inside;
    while ((inside = dumps.get().threadsIn(child, SLOW_FRAME)) < IN_FLIGHT) {
      assertThat(System.nanoTime() - deadline)
          .as("only %d of %d requests seen inside slow: %s", inside, IN_FLIGHT, child)
          .isNegative();
      Thread.sleep(20);
    }
    return String.format(
        Locale.ROOT,
        "seen inside slow by jcmd %.2f s after sending",
        (System.nanoTime() - sent) / 1e9);
  }

  /** Sends a new request: its status, {@code refused} when no answer came, or {@code timed out}. */
  private static String late(Client client) {
    try {
      return Integer.toString(client.post("uppercase", "late").status());
    } catch (UncheckedIOException e) {
      return e.getCause() instanceof HttpTimeoutException ? "timed out" : "refused";
    }
  }

  private static Optional<Integer> awaitExit(JvmProcess child, long signalled) {
    Duration left = EXIT_LIMIT.minusNanos(System.nanoTime() - signalled);
    try {
      return Optional.of(child.awaitExit(left.isNegative() ? Duration.ofMillis(1) : left));
    } catch (AssertionError stillRunning) {
      return Optional.empty();
    }
  }

  private static void record(
      ServerMode mode,
      String seen,
      long completed,
      String late,
      Optional<Integer> exit,
      Duration toExit) {
    String summary =
        String.format(
            Locale.ROOT,
            "%-23s in flight %d (%s)  completed %d/%d  new request after SIGTERM: %s"
                + "  exit code %s  SIGTERM to exit %.2f s (limit %d s)",
            mode.label(),
            IN_FLIGHT,
            seen,
            completed,
            IN_FLIGHT,
            late,
            exit.map(String::valueOf).orElse("none, still running"),
            toExit.toMillis() / 1000.0,
            EXIT_LIMIT.toSeconds());
    SUMMARIES.put(mode, summary);
    System.out.println("shutdown " + summary);
  }

  /**
   * A request in flight, finished.
   *
   * @param body what it sent: how long to wait
   * @param answer what it got, or null
   * @param failure why it got nothing, or null
   * @param at when it finished, {@link System#nanoTime()}
   */
  record Finished(String body, Answer answer, Throwable failure, long at) {

    /** Tells whether it finished after the signal with 200 and its exact body. */
    boolean completed(long signalled) {
      return failure == null
          && at - signalled > 0
          && answer.equals(new Answer(200, expected(body), List.of()));
    }
  }
}
