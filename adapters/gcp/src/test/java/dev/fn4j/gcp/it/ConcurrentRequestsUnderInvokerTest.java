package dev.fn4j.gcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GcfHttpFunction} holds no lock around an invocation: under Google's invoker, which serves
 * each request on a thread of Jetty's pool, slow requests run side by side. A behavioural bound (10
 * requests of 1 s each finish far sooner than 10 s), not a benchmark: the timings that matter are
 * measured in {@code benchmarks/}.
 */
class ConcurrentRequestsUnderInvokerTest {

  private static final int REQUESTS = 10;
  private static final Duration SLEEP = Duration.ofSeconds(1);

  /** Well under the 10 s the requests would take one after another. */
  private static final Duration BOUND = Duration.ofSeconds(4);

  private static InvokerProcess invoker;

  @BeforeAll
  static void startInvoker() {
    invoker = InvokerProcess.start(InvokerProcess.HTTP_TARGET, Map.of());
  }

  @AfterAll
  static void stopInvoker() {
    if (invoker != null) {
      invoker.close();
    }
  }

  private static CompletableFuture<HttpResponse<String>> slow(long millis) {
    return InvokerProcess.client()
        .sendAsync(
            invoker
                .request("/slow")
                .header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString(Long.toString(millis)))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void ten_slow_requests_run_side_by_side() throws Exception {
    // given: a warm invoker (the first request loads fn4j and the function)
    assertThat(slow(1).get().statusCode()).isEqualTo(200);

    // when
    long start = System.nanoTime();
    List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      inFlight.add(slow(SLEEP.toMillis()));
    }
    CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get();
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    // then
    Set<String> threads = new HashSet<>();
    for (CompletableFuture<HttpResponse<String>> request : inFlight) {
      HttpResponse<String> response = request.get();
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(response.body()).startsWith("slept " + SLEEP.toMillis() + " on ");
      threads.add(response.body().substring(response.body().indexOf(" on ") + 4));
    }
    assertThat(threads).as("the invoker's threads that ran the requests").hasSize(REQUESTS);
    assertThat(elapsed)
        .as("%d requests of %s each, sent together", REQUESTS, SLEEP)
        .isLessThan(BOUND);
  }
}
