package dev.fn4j.knative.sink;

import dev.fn4j.knative.event.EventWriter;
import dev.fn4j.knative.event.EventWriter.OutgoingEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Sends events to a sink in binary mode, retrying as Knative's delivery does: on 404, 408, 409,
 * 425, 429 and 5xx, and when no connection can be made, with an exponential backoff that honours
 * {@code Retry-After}.
 */
final class SinkClient {

  private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

  private final HttpClient http;
  private final URI sink;
  private final int retries;
  private final Duration backoff;

  SinkClient(URI sink, int retries, Duration backoff) {
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.sink = sink;
    this.retries = retries;
    this.backoff = backoff;
  }

  /** What became of a send. */
  record Sent(boolean delivered, int attempts, List<Integer> statuses) {}

  /**
   * Sends an event, with retries.
   *
   * @param event the event
   * @return what happened
   * @throws InterruptedException when the sending thread is interrupted (the sink is stopping)
   */
  Sent send(OutgoingEvent event) throws InterruptedException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(sink)
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofByteArray(event.data()));
    EventWriter.binaryHeaders(event, builder::header);
    HttpRequest request = builder.build();
    List<Integer> statuses = new ArrayList<>();
    Duration wait = backoff;
    for (int attempt = 1; ; attempt++) {
      OptionalLong retryAfter = OptionalLong.empty();
      try {
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        int status = response.statusCode();
        statuses.add(status);
        if (status >= 200 && status < 300) {
          return new Sent(true, attempt, statuses);
        }
        if (!isRetryable(status)) {
          return new Sent(false, attempt, statuses);
        }
        retryAfter = response.headers().firstValueAsLong("Retry-After");
      } catch (IOException e) {
        statuses.add(-1);
      }
      if (attempt > retries) {
        return new Sent(false, attempt, statuses);
      }
      Duration pause =
          retryAfter.isPresent() && retryAfter.getAsLong() >= 0
              ? Duration.ofSeconds(retryAfter.getAsLong())
              : wait;
      Thread.sleep(min(pause, LONGEST_WAIT).toMillis());
      wait = min(wait.multipliedBy(2), LONGEST_WAIT);
    }
  }

  /** The statuses after which Knative's own delivery tries again. */
  static boolean isRetryable(int status) {
    return status >= 500
        || status == 404
        || status == 408
        || status == 409
        || status == 425
        || status == 429;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
