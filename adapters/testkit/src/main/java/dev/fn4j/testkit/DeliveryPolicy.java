package dev.fn4j.testkit;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link KnativeBrokerFake#deliver} retries, modelled on a Knative Trigger's {@code delivery}
 * spec ({@code retry}, {@code backoffPolicy}, {@code backoffDelay}, {@code timeout}, {@code
 * retryAfterMax}, {@code deadLetterSink}), with defaults small enough for unit tests. Immutable;
 * each {@code with} method returns a changed copy:
 *
 * <pre>{@code
 * DeliveryPolicy policy = DeliveryPolicy.defaults().withRetries(5, Duration.ofMillis(1));
 * }</pre>
 *
 * <p>Which answers are retried follows Knative's dispatcher: 404, 408, 409, 425, 429, every 5xx,
 * and failures to connect or to get an answer within {@link #requestTimeout()}; never any other
 * status (2xx is success, 1xx, 3xx and other 4xx are final failures).
 *
 * @param retries how many times a failed attempt is retried (so at most {@code retries + 1}
 *     attempts); Knative's {@code delivery.retry}
 * @param backoffDelay the base wait before a retry; Knative's {@code delivery.backoffDelay}
 * @param backoffPolicy how the wait grows with each retry
 * @param requestTimeout how long one attempt may take before it counts as failed (and retryable);
 *     Knative's {@code delivery.timeout}
 * @param retryAfterMax the longest {@code Retry-After} of a 429 or 503 answer that is honoured (the
 *     wait is then the larger of the backoff and the header's value, capped at this); zero ignores
 *     the header, as Knative does unless its {@code delivery-retryafter} feature is enabled
 * @param deadLetterSink where a dead-lettered event is sent, with Knative's error extensions {@code
 *     knativeerrordest}, {@code knativeerrorcode} and {@code knativeerrordata} added (in the
 *     delivery's mode, retried by the same policy, without {@code Prefer: reply}); empty to send it
 *     nowhere
 */
public record DeliveryPolicy(
    int retries,
    Duration backoffDelay,
    BackoffPolicy backoffPolicy,
    Duration requestTimeout,
    Duration retryAfterMax,
    Optional<URI> deadLetterSink) {

  /** How the wait before a retry grows; Knative's {@code delivery.backoffPolicy}. */
  public enum BackoffPolicy {
    /** The n-th retry waits {@code backoffDelay * n}. */
    LINEAR,
    /** The n-th retry waits {@code backoffDelay * 2^n}. */
    EXPONENTIAL
  }

  /**
   * Checks the parts.
   *
   * @param retries how many times a failed attempt is retried
   * @param backoffDelay the base wait before a retry
   * @param backoffPolicy how the wait grows
   * @param requestTimeout how long one attempt may take
   * @param retryAfterMax the longest {@code Retry-After} honoured; zero to ignore it
   * @param deadLetterSink where a dead-lettered event goes, or empty
   * @throws IllegalArgumentException when retries or a duration is negative, or the request timeout
   *     is not positive
   */
  public DeliveryPolicy {
    Objects.requireNonNull(backoffDelay, "backoffDelay");
    Objects.requireNonNull(backoffPolicy, "backoffPolicy");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(retryAfterMax, "retryAfterMax");
    Objects.requireNonNull(deadLetterSink, "deadLetterSink");
    if (retries < 0 || backoffDelay.isNegative() || retryAfterMax.isNegative()) {
      throw new IllegalArgumentException(
          "Retries and durations must not be negative: " + retries + ", " + backoffDelay);
    }
    if (requestTimeout.isZero() || requestTimeout.isNegative()) {
      throw new IllegalArgumentException("The request timeout must be positive: " + requestTimeout);
    }
  }

  /**
   * Returns the defaults: 3 retries, 10 ms linear backoff, 10 s per attempt, {@code Retry-After}
   * ignored, no dead letter sink.
   *
   * @return the default policy
   */
  public static DeliveryPolicy defaults() {
    return new DeliveryPolicy(
        3,
        Duration.ofMillis(10),
        BackoffPolicy.LINEAR,
        Duration.ofSeconds(10),
        Duration.ZERO,
        Optional.empty());
  }

  /**
   * Returns a copy with another retry count and backoff delay.
   *
   * @param retries how many times a failed attempt is retried; 0 for a single attempt
   * @param backoffDelay the base wait before a retry
   * @return the changed copy
   */
  public DeliveryPolicy withRetries(int retries, Duration backoffDelay) {
    return new DeliveryPolicy(
        retries, backoffDelay, backoffPolicy, requestTimeout, retryAfterMax, deadLetterSink);
  }

  /**
   * Returns a copy with another backoff policy.
   *
   * @param backoffPolicy linear or exponential
   * @return the changed copy
   */
  public DeliveryPolicy withBackoffPolicy(BackoffPolicy backoffPolicy) {
    return new DeliveryPolicy(
        retries, backoffDelay, backoffPolicy, requestTimeout, retryAfterMax, deadLetterSink);
  }

  /**
   * Returns a copy with another per-attempt timeout.
   *
   * @param requestTimeout how long one attempt may take
   * @return the changed copy
   */
  public DeliveryPolicy withRequestTimeout(Duration requestTimeout) {
    return new DeliveryPolicy(
        retries, backoffDelay, backoffPolicy, requestTimeout, retryAfterMax, deadLetterSink);
  }

  /**
   * Returns a copy that honours {@code Retry-After} on 429 and 503 answers up to a limit.
   *
   * @param retryAfterMax the longest wait taken from the header; zero to ignore it
   * @return the changed copy
   */
  public DeliveryPolicy withRetryAfterMax(Duration retryAfterMax) {
    return new DeliveryPolicy(
        retries, backoffDelay, backoffPolicy, requestTimeout, retryAfterMax, deadLetterSink);
  }

  /**
   * Returns a copy that sends dead-lettered events to a sink, for example another fake's {@link
   * KnativeBrokerFake#ingress()}.
   *
   * @param deadLetterSink the sink's address
   * @return the changed copy
   */
  public DeliveryPolicy withDeadLetterSink(URI deadLetterSink) {
    return new DeliveryPolicy(
        retries,
        backoffDelay,
        backoffPolicy,
        requestTimeout,
        retryAfterMax,
        Optional.of(deadLetterSink));
  }

  /**
   * Tells whether an attempt's outcome is retried.
   *
   * @param status the HTTP status, or -1 when the attempt got no answer
   * @return true for -1, 404, 408, 409, 425, 429 and 5xx
   */
  public static boolean isRetryable(int status) {
    return status == -1
        || status == 404
        || status == 408
        || status == 409
        || status == 425
        || status == 429
        || (status >= 500 && status <= 599);
  }

  /**
   * Returns the wait before a retry, without {@code Retry-After}.
   *
   * @param retry which retry, from 1
   * @return the backoff
   */
  public Duration backoff(int retry) {
    return backoffPolicy == BackoffPolicy.LINEAR
        ? backoffDelay.multipliedBy(retry)
        : backoffDelay.multipliedBy(1L << Math.min(retry, 30));
  }
}
