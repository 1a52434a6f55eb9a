package dev.fn4j.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Sends an event to a subscriber the way a Knative Broker's dispatcher does for a Trigger: one POST
 * per attempt with {@code Prefer: reply}, retries as a {@link DeliveryPolicy} says, the reply read
 * from a successful answer, and the event handed to the dead letter sink when it is given up.
 * Stateless and thread-safe; blocks the calling thread through the retries.
 */
final class TriggerDispatcher {

  private static final int ERROR_DATA_MAX = 1024;

  private TriggerDispatcher() {}

  /** The outcome of one attempt: an answer, or the reason there was none. */
  private record Attempt(Optional<Reply> response, String error) {
    int status() {
      return response.map(Reply::status).orElse(-1);
    }
  }

  /** The attempts of one POST with retries. */
  private record Outcome(List<Integer> statuses, Attempt last, boolean succeeded) {}

  /**
   * Delivers an event.
   *
   * @param subscriber the subscriber's address
   * @param event the event
   * @param mode the content mode to send it in
   * @param policy retries, backoff, timeout and dead letter sink
   * @return what happened
   * @throws IllegalStateException when the thread is interrupted
   */
  static Delivery deliver(
      URI subscriber, CloudEventMessage event, CloudEventMessage.Mode mode, DeliveryPolicy policy) {
    Outcome outcome = post(subscriber, event, mode, policy, true);
    if (outcome.succeeded()) {
      return succeeded(subscriber, outcome);
    }
    int status = outcome.last().status();
    String problem =
        DeliveryPolicy.isRetryable(status)
            ? "gave up after " + outcome.statuses().size() + " attempts"
            : status + " is not retried";
    if (status == -1) {
      problem += "; no answer: " + outcome.last().error();
    }
    OptionalInt deadLetterStatus = OptionalInt.empty();
    if (policy.deadLetterSink().isPresent()) {
      CloudEventMessage failed = withErrorExtensions(event, subscriber, outcome.last());
      Outcome sink = post(policy.deadLetterSink().get(), failed, mode, policy, false);
      deadLetterStatus = OptionalInt.of(sink.last().status());
    }
    return new Delivery(
        subscriber,
        outcome.statuses(),
        outcome.last().response(),
        Optional.empty(),
        true,
        Optional.of(problem),
        deadLetterStatus);
  }

  private static Delivery succeeded(URI subscriber, Outcome outcome) {
    Reply response = outcome.last().response().orElseThrow();
    Optional<CloudEventMessage> reply = Optional.empty();
    String problem = null;
    if (CloudEventReader.isCloudEvent(response.headers())) {
      if (response.status() == 202) {
        problem = "a 202 answer carries a CloudEvent, which must not be taken as a reply";
      } else {
        try {
          List<CloudEventMessage> events =
              CloudEventReader.read(response.headers(), response.bytes());
          if (events.size() == 1) {
            reply = Optional.of(events.get(0));
          } else {
            problem = "the reply is a batch of " + events.size() + " events, not one event";
          }
        } catch (CloudEventReader.Unreadable e) {
          problem = "the reply is not a valid CloudEvent: " + e.getMessage();
        }
      }
    }
    return new Delivery(
        subscriber,
        outcome.statuses(),
        Optional.of(response),
        reply,
        false,
        Optional.ofNullable(problem),
        OptionalInt.empty());
  }

  private static Outcome post(
      URI target,
      CloudEventMessage event,
      CloudEventMessage.Mode mode,
      DeliveryPolicy policy,
      boolean preferReply) {
    CloudEventWriter.HttpMessage message = CloudEventWriter.write(event, mode);
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(target)
            .timeout(policy.requestTimeout())
            .POST(HttpRequest.BodyPublishers.ofByteArray(message.body()));
    message.headers().forEach(builder::header);
    if (preferReply) {
      builder.header("Prefer", "reply");
    }
    HttpRequest request = builder.build();
    List<Integer> statuses = new ArrayList<>();
    while (true) {
      Attempt attempt = attempt(request);
      int status = attempt.status();
      statuses.add(status);
      if (status >= 200 && status <= 299) {
        return new Outcome(statuses, attempt, true);
      }
      if (!DeliveryPolicy.isRetryable(status) || statuses.size() > policy.retries()) {
        return new Outcome(statuses, attempt, false);
      }
      sleep(wait(policy, statuses.size(), attempt));
    }
  }

  private static Attempt attempt(HttpRequest request) {
    try {
      HttpResponse<byte[]> response =
          HostClient.INSTANCE.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Attempt(
          Optional.of(Reply.of(response.statusCode(), response.headers().map(), response.body())),
          null);
    } catch (IOException e) {
      return new Attempt(Optional.empty(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while delivering to " + request.uri(), e);
    }
  }

  private static Duration wait(DeliveryPolicy policy, int retry, Attempt attempt) {
    Duration backoff = policy.backoff(retry);
    int status = attempt.status();
    if (policy.retryAfterMax().isZero() || (status != 429 && status != 503)) {
      return backoff;
    }
    Optional<Duration> retryAfter =
        attempt
            .response()
            .flatMap(response -> response.header("Retry-After"))
            .flatMap(TriggerDispatcher::retryAfter);
    if (retryAfter.isEmpty()) {
      return backoff;
    }
    Duration capped =
        retryAfter.get().compareTo(policy.retryAfterMax()) > 0
            ? policy.retryAfterMax()
            : retryAfter.get();
    return capped.compareTo(backoff) > 0 ? capped : backoff;
  }

  /**
   * Reads a {@code Retry-After} value.
   *
   * @param value delta-seconds or an HTTP date
   * @return how long from now; empty when unreadable
   */
  static Optional<Duration> retryAfter(String value) {
    String text = value.strip();
    try {
      if (text.matches("[0-9]{1,9}")) {
        return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
      }
      ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration left = Duration.between(ZonedDateTime.now(at.getZone()), at);
      return Optional.of(left.isNegative() ? Duration.ZERO : left);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting to retry", e);
    }
  }

  /**
   * Adds Knative's error extensions to an event given up: where it went, the last status (500 when
   * there was no answer, as Knative reports it) and the last answer's body in base64, cut to 1024
   * characters (left out when empty).
   */
  private static CloudEventMessage withErrorExtensions(
      CloudEventMessage event, URI subscriber, Attempt last) {
    Map<String, String> attributes = new TreeMap<>(event.attributes());
    attributes.put("knativeerrordest", subscriber.toString());
    attributes.put("knativeerrorcode", Integer.toString(last.status() == -1 ? 500 : last.status()));
    byte[] body =
        last.response()
            .map(Reply::bytes)
            .orElseGet(() -> ("dispatch error: " + last.error()).getBytes(StandardCharsets.UTF_8));
    String data = Base64.getEncoder().encodeToString(body);
    if (!data.isEmpty()) {
      attributes.put(
          "knativeerrordata",
          data.length() > ERROR_DATA_MAX ? data.substring(0, ERROR_DATA_MAX) : data);
    } else {
      attributes.remove("knativeerrordata");
    }
    return new CloudEventMessage(
        CloudEventMessage.Mode.BINARY, attributes, event.dataContentType(), event.data(), Map.of());
  }
}
