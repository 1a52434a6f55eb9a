package dev.fn4j.testkit;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What became of one {@link KnativeBrokerFake#deliver delivery} to a subscriber: every attempt's
 * status, the last answer, the reply event if there was one, and whether the event was given up
 * (dead-lettered). Immutable.
 *
 * @param subscriber where the event was sent
 * @param statuses each attempt's HTTP status in order, -1 for an attempt that got no answer (could
 *     not connect, or timed out); never empty
 * @param response the last attempt's answer; empty when it got none
 * @param reply the event in the last answer, when that answer is a 2xx other than 202 and carries a
 *     CloudEvent (binary: a {@code ce-specversion} header; structured: {@code
 *     application/cloudevents+json})
 * @param deadLettered true when the delivery failed: the subscriber answered a status that is not
 *     retried (1xx, 3xx, 4xx other than 404, 408, 409, 425, 429), or every retry failed too
 * @param problem what went wrong or looked wrong, for assertion messages: why it was given up, the
 *     last connection error, or why an answer that looked like a reply is not one
 * @param deadLetterStatus the dead letter sink's last status (-1: no answer) when the event was
 *     sent there; empty when it was not
 */
public record Delivery(
    URI subscriber,
    List<Integer> statuses,
    Optional<Reply> response,
    Optional<CloudEventMessage> reply,
    boolean deadLettered,
    Optional<String> problem,
    OptionalInt deadLetterStatus) {

  /**
   * Checks the parts and copies the statuses.
   *
   * @param subscriber where the event was sent
   * @param statuses each attempt's status, -1 for no answer
   * @param response the last answer, or empty
   * @param reply the reply event, or empty
   * @param deadLettered whether the delivery failed
   * @param problem what went wrong, or empty
   * @param deadLetterStatus the dead letter sink's status, or empty
   * @throws IllegalArgumentException when there are no statuses
   */
  public Delivery {
    Objects.requireNonNull(subscriber, "subscriber");
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(reply, "reply");
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(deadLetterStatus, "deadLetterStatus");
    statuses = List.copyOf(statuses);
    if (statuses.isEmpty()) {
      throw new IllegalArgumentException("A delivery has at least one attempt");
    }
  }

  /**
   * Counts the attempts.
   *
   * @return 1 when the first attempt settled it
   */
  public int attempts() {
    return statuses.size();
  }

  /**
   * Returns the last attempt's status.
   *
   * @return the HTTP status, or -1 when the last attempt got no answer
   */
  public int finalStatus() {
    return statuses.get(statuses.size() - 1);
  }

  /**
   * Tells whether the subscriber accepted the event (a 2xx answer).
   *
   * @return the opposite of {@link #deadLettered()}
   */
  public boolean succeeded() {
    return !deadLettered;
  }

  /**
   * Returns the last answer's body.
   *
   * @return a fresh copy; empty when there was no answer or no body
   */
  public byte[] responseBody() {
    return response.map(Reply::bytes).orElseGet(() -> new byte[0]);
  }

  /**
   * Returns the last answer's headers.
   *
   * @return the headers (lookups ignore the case of names); empty when there was no answer
   */
  public Map<String, List<String>> responseHeaders() {
    return response.map(Reply::headers).orElse(Map.of());
  }

  /**
   * Describes the delivery for assertion messages.
   *
   * @return for example {@code delivered to http://127.0.0.1:1234/ after [503, 200], reply BINARY
   *     {...}}
   */
  @Override
  public String toString() {
    return (deadLettered ? "dead-lettered" : "delivered")
        + " to "
        + subscriber
        + " after "
        + statuses
        + reply.map(event -> ", reply " + event).orElse("")
        + problem.map(text -> ", " + text).orElse("")
        + (deadLetterStatus.isPresent()
            ? ", dead letter sink answered " + deadLetterStatus.getAsInt()
            : "");
  }
}
