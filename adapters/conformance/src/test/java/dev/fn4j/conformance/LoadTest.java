package dev.fn4j.conformance;

import static dev.fn4j.conformance.AdapterPaths.ALIBABA_CUSTOM_RUNTIME;
import static dev.fn4j.conformance.AdapterPaths.AZURE_CUSTOM_HANDLER;
import static dev.fn4j.conformance.AdapterPaths.KNATIVE;
import static dev.fn4j.conformance.AdapterPaths.LOCAL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.core.convert.JsonTree;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bounded concurrent load on each embedded server mode, in-process, along its conformance path: the
 * local runner and Knative over plain HTTP on loopback, the FC custom runtime through the testkit's
 * {@code FcHostFake} and the Azure custom handler through its {@code AzureFunctionsHostFake}, as
 * those platforms' hosts send the requests. Per mode, after a warm-up, {@value #CLIENTS} clients
 * send {@value #REQUESTS_PER_CLIENT} requests each: {@code uppercase} (text) and {@code greet} (a
 * JSON record) in turn, and every {@value #SLOW_EVERY}th a {@code slow} of {@value #SLOW_MILLIS}
 * ms. Every text and name is unique, so an answer that reached the wrong request is caught.
 *
 * <p>Asserted: every request answered (no error) with exactly its own outcome (status, media type,
 * body); on FC, every invocation framed by FC's Start and End log lines. Printed and written to
 * {@code target/reliability/load.txt}, never asserted (DESIGN.md §7): wall time, requests/s and
 * latency percentiles.
 *
 * <p>What is measured is the server, not the fakes: the host fakes have no thread pool or
 * connection limit of their own; each call runs on its client's thread over the testkit's one JDK
 * HTTP client (HTTP/1.1, connection pool unbounded), so {@value #CLIENTS} requests are in flight at
 * most, no more than the server's worker threads ({@code FN4J_HTTP_THREADS}: 4 per core, at least
 * 8). The fakes do their own work per request on the same cores (FC's headers, the Functions host's
 * JSON envelope and its parsing), so the FC and Azure figures are lower bounds for those servers.
 */
class LoadTest {

  static final int CLIENTS = 8;
  static final int REQUESTS_PER_CLIENT = 250;
  static final int WARM_UP_PER_CLIENT = 50;
  static final int SLOW_EVERY = 50;
  static final int SLOW_MILLIS = 5;

  private static final List<String> SUMMARIES = new CopyOnWriteArrayList<>();

  static List<String> modes() {
    return List.of(LOCAL, KNATIVE, ALIBABA_CUSTOM_RUNTIME, AZURE_CUSTOM_HANDLER);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modes")
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void every_request_gets_exactly_its_own_answer_under_concurrent_load(String mode)
      throws Exception {
    FcLogLines fcLog = new FcLogLines();
    try (AdapterPaths paths = AdapterPaths.of(mode)) {
      // given: the server started, and warm
      AdapterPath path = paths.get(mode);
      start(path, mode.equals(ALIBABA_CUSTOM_RUNTIME) ? fcLog : null);
      Run warmUp = run(path, WARM_UP_PER_CLIENT);

      // when
      Run run = run(path, REQUESTS_PER_CLIENT);
      String summary = run.summary(mode);
      SUMMARIES.add(summary);
      System.out.println("load " + summary);

      // then
      assertThat(warmUp.errors() + warmUp.wrong()).as("warm-up on %s: %s", mode, warmUp).isZero();
      assertThat(run.requests()).isEqualTo(CLIENTS * REQUESTS_PER_CLIENT);
      assertThat(run.errors()).as("requests without an answer on %s: %s", mode, run).isZero();
      assertThat(run.wrong()).as("wrong answers on %s: %s", mode, run).isZero();
      if (mode.equals(ALIBABA_CUSTOM_RUNTIME)) {
        int invocations = 1 + warmUp.requests() + run.requests();
        assertThat(fcLog.awaitEnds(invocations, Duration.ofSeconds(5)))
            .as("FC Invoke Start and End lines (Start, End, other lines)")
            .containsExactly(invocations, invocations, 0);
      }
    }
  }

  @AfterAll
  static void report() {
    StringBuilder text =
        new StringBuilder()
            .append("fn4j load, in-process on loopback: ")
            .append(CLIENTS)
            .append(" clients x ")
            .append(REQUESTS_PER_CLIENT)
            .append(" requests per mode after ")
            .append(CLIENTS * WARM_UP_PER_CLIENT)
            .append(" of warm-up; uppercase and greet in turn, every ")
            .append(SLOW_EVERY)
            .append("th a slow of ")
            .append(SLOW_MILLIS)
            .append(" ms\n")
            .append(Runtime.getRuntime().availableProcessors())
            .append(" cores, Java ")
            .append(System.getProperty("java.version"))
            .append("; FC and Azure through the testkit's host fakes, whose work is included\n")
            .append(
                "(the fakes have no thread pool or connection limit of their own: each call runs")
            .append(" on its client's thread, so at most ")
            .append(CLIENTS)
            .append(" requests are in flight, no more than the server's worker threads)\n");
    SUMMARIES.forEach(line -> text.append(line).append('\n'));
    ReliabilityReport.write("load.txt", text.toString());
  }

  /**
   * Starts the path's server with one call; for FC, with the server's standard output (FC's two log
   * lines per invocation, thousands here) counted instead of printed.
   */
  private static void start(AdapterPath path, FcLogLines fcLog) {
    Call first = Call.post("uppercase", "text/plain", "start");
    PrintStream console = System.out;
    if (fcLog != null) {
      System.setOut(new PrintStream(fcLog, true, StandardCharsets.UTF_8));
    }
    try {
      assertThat(path.call(first)).isEqualTo(Outcome.of(200, "text/plain", "START"));
    } finally {
      System.setOut(console);
    }
  }

  /** The {@code i}th request of a client; every text and name in it is unique. */
  static Call call(int client, int i) {
    if (i % SLOW_EVERY == SLOW_EVERY - 1) {
      return Call.post("slow", "text/plain", Integer.toString(SLOW_MILLIS));
    }
    if (i % 2 == 0) {
      return Call.post("uppercase", "text/plain", "client " + client + " request " + i + " é");
    }
    Map<String, Object> person = new LinkedHashMap<>();
    person.put("name", name(client, i));
    person.put("language", i % 4 == 1 ? "de" : "en");
    return Call.json("greet", JsonTree.write(person));
  }

  /** The one right answer to {@link #call(int, int)}. */
  static Outcome expected(int client, int i) {
    if (i % SLOW_EVERY == SLOW_EVERY - 1) {
      return Outcome.of(200, "text/plain", "waited " + SLOW_MILLIS + " ms");
    }
    if (i % 2 == 0) {
      return Outcome.of(200, "text/plain", "CLIENT " + client + " REQUEST " + i + " É");
    }
    String name = name(client, i);
    Map<String, Object> greeting = new LinkedHashMap<>();
    greeting.put("message", (i % 4 == 1 ? "Hallo, " : "Hello, ") + name + "!");
    greeting.put("length", name.length());
    return Outcome.of(200, "application/json", JsonTree.write(greeting));
  }

  private static String name(int client, int i) {
    return "Ada " + client + "-" + i;
  }

  /** Sends {@code perClient} requests from each of {@link #CLIENTS} threads, all at once. */
  static Run run(AdapterPath path, int perClient) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    CountDownLatch go = new CountDownLatch(1);
    Tally tally = new Tally(CLIENTS * perClient);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        done.add(
            clients.submit(
                () -> {
                  go.await();
                  send(path, client, perClient, tally);
                  return null;
                }));
      }
      long start = System.nanoTime();
      go.countDown();
      for (Future<?> client : done) {
        client.get();
      }
      return tally.run(Duration.ofNanos(System.nanoTime() - start));
    } finally {
      clients.shutdownNow();
    }
  }

  /** One client's requests, one after the other, each checked against its one right answer. */
  private static void send(AdapterPath path, int client, int perClient, Tally tally) {
    for (int i = 0; i < perClient; i++) {
      Call call = call(client, i);
      Outcome expected = expected(client, i);
      long start = System.nanoTime();
      try {
        Outcome outcome = path.call(call);
        tally.latencies[client * perClient + i] = System.nanoTime() - start;
        if (!outcome.equals(expected)) {
          tally.wrong.incrementAndGet();
          tally.keep(call + " -> " + outcome + ", expected " + expected);
        }
      } catch (RuntimeException e) {
        tally.errors.incrementAndGet();
        tally.keep(call + " -> " + e);
      }
    }
  }

  /** What the clients of one run counted; each client writes its own latency slots. */
  private static final class Tally {
    final AtomicInteger errors = new AtomicInteger();
    final AtomicInteger wrong = new AtomicInteger();
    final Queue<String> examples = new ConcurrentLinkedQueue<>();
    final long[] latencies;

    Tally(int requests) {
      latencies = new long[requests];
    }

    void keep(String example) {
      if (examples.size() < 5) {
        examples.add(example);
      }
    }

    /** The run, once every client is done (their futures' results seen). */
    Run run(Duration wall) {
      return new Run(
          latencies.length, errors.get(), wrong.get(), List.copyOf(examples), wall, latencies);
    }
  }

  /**
   * What one run gave.
   *
   * @param requests how many were sent
   * @param errors how many got no answer (a failure of the path)
   * @param wrong how many got an answer other than their own
   * @param examples the first few errors and wrong answers
   * @param wall from the first request sent to the last answer
   * @param latencies each answered request's time, in nanoseconds
   */
  record Run(
      int requests, int errors, int wrong, List<String> examples, Duration wall, long[] latencies) {

    String summary(String mode) {
      long[] sorted = latencies.clone();
      Arrays.sort(sorted);
      double seconds = wall.toNanos() / 1e9;
      return String.format(
          Locale.ROOT,
          "%-23s %5d requests  %d errors  %d wrong  wall %6.3f s  %7.0f requests/s"
              + "  p50 %5.2f ms  p99 %6.2f ms  max %6.2f ms",
          mode,
          requests,
          errors,
          wrong,
          seconds,
          requests / seconds,
          percentile(sorted, 0.50),
          percentile(sorted, 0.99),
          sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double fraction) {
      return sorted[(int) Math.ceil(fraction * sorted.length) - 1] / 1e6;
    }

    @Override
    public String toString() {
      return requests + " requests, " + errors + " errors, " + wrong + " wrong " + examples;
    }
  }

  /**
   * The FC server's standard output, counted by line: FC's {@code FC Invoke Start RequestId} and
   * {@code FC Invoke End RequestId} lines, and any other line.
   */
  static final class FcLogLines extends OutputStream {
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int starts;
    private int ends;
    private int others;

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.UTF_8);
        if (text.startsWith("FC Invoke Start RequestId: ")) {
          starts++;
        } else if (text.startsWith("FC Invoke End RequestId: ")) {
          ends++;
        } else {
          others++;
        }
        line.reset();
        notifyAll();
      } else {
        line.write(b);
      }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
      for (int i = offset; i < offset + length; i++) {
        write(bytes[i]);
      }
    }

    /**
     * Waits until as many End lines as expected were printed (FC prints End after the answer).
     *
     * @return the Start, End and other lines counted
     */
    synchronized List<Integer> awaitEnds(int expected, Duration timeout)
        throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      long left;
      while (ends < expected && (left = deadline - System.nanoTime()) > 0) {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      return List.of(starts, ends, others);
    }
  }
}
