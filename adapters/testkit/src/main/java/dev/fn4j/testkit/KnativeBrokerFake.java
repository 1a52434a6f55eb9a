package dev.fn4j.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process stand-in for a Knative Broker on a free loopback port, speaking CloudEvents over
 * HTTP (the HTTP protocol binding 1.0; 0.3 read too). It plays both of a broker's parts:
 *
 * <ul>
 *   <li><b>Ingress, or any sink</b>: {@link #ingress()} accepts POSTed events in binary, structured
 *       and batch mode and records each as a {@link CloudEventMessage}; a test reads them with
 *       {@link #received()} or {@link #awaitEvents(int, Duration)}. A request that is not a valid
 *       CloudEvent gets 400 (415 for a non-JSON event format, 405 for a method other than POST) and
 *       is listed in {@link #rejected()} instead. Valid events get 202, or the statuses a test
 *       queued with {@link #respondWith(int...)}; an event answered with a status other than 2xx
 *       was refused, so it is not recorded.
 *   <li><b>Delivery, like a Trigger</b>: {@link #deliver(URI, CloudEventMessage)} POSTs an event to
 *       a subscriber in binary mode with {@code Prefer: reply}, retries as a {@link DeliveryPolicy}
 *       says, and returns a {@link Delivery} with every status and the reply.
 * </ul>
 *
 * <pre>{@code
 * try (KnativeBrokerFake broker = KnativeBrokerFake.start()) {
 *   Delivery delivery = broker.deliver(function.uri(), CloudEventMessage.builder()
 *       .id("1").source("/orders").type("order.created")
 *       .data("application/json", "{\"id\":42}").build());
 *   assertThat(delivery.reply()).hasValueSatisfying(reply ->
 *       assertThat(reply.type()).isEqualTo("order.confirmed"));
 * }
 * }</pre>
 *
 * <p>Thread-safe: events may be posted concurrently, and several deliveries may run at once.
 */
public final class KnativeBrokerFake implements AutoCloseable {

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final HttpServer server;
  private final ExecutorService executor;
  private final DeliveryPolicy policy;
  private final BrokerIngress recorder = new BrokerIngress();
  private final AtomicBoolean closed = new AtomicBoolean();

  private KnativeBrokerFake(HttpServer server, ExecutorService executor, DeliveryPolicy policy) {
    this.server = server;
    this.executor = executor;
    this.policy = policy;
  }

  /**
   * Starts a fake on a free port of 127.0.0.1, delivering with {@link DeliveryPolicy#defaults()}.
   *
   * @return the running fake; close it when done
   * @throws UncheckedIOException when no port can be bound
   */
  public static KnativeBrokerFake start() {
    return start(DeliveryPolicy.defaults());
  }

  /**
   * Starts a fake on a free port of 127.0.0.1.
   *
   * @param policy how {@link #deliver(URI, CloudEventMessage)} retries
   * @return the running fake; close it when done
   * @throws UncheckedIOException when no port can be bound
   */
  public static KnativeBrokerFake start(DeliveryPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    HttpServer server;
    try {
      InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
      server = HttpServer.create(new InetSocketAddress(loopback, 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("The Knative broker fake could not start: " + e, e);
    }
    int port = server.getAddress().getPort();
    ExecutorService executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread =
                  new Thread(task, "knative-broker-fake-" + port + "-" + THREADS.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    KnativeBrokerFake fake = new KnativeBrokerFake(server, executor, policy);
    server.createContext("/", fake.recorder);
    server.setExecutor(executor);
    server.start();
    return fake;
  }

  /**
   * Returns the address events are posted to, as a broker's {@code status.address.url} (or a
   * source's {@code K_SINK}); every path under it is accepted.
   *
   * @return for example {@code http://127.0.0.1:41234/}
   */
  public URI ingress() {
    return URI.create("http://127.0.0.1:" + port() + "/");
  }

  /**
   * Returns the port the fake listens on.
   *
   * @return the port, chosen when it started
   */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Returns the policy {@link #deliver(URI, CloudEventMessage)} uses.
   *
   * @return the policy given to {@link #start(DeliveryPolicy)}, or the defaults
   */
  public DeliveryPolicy policy() {
    return policy;
  }

  /**
   * Queues the statuses the ingress answers the next valid events with, one each, in order; once
   * they are used up it answers 202 again. An event answered with a status other than 2xx is not
   * recorded. Requests that are not valid events do not use up a queued status.
   *
   * @param statuses for example {@code 503, 503}: two refusals, then the default 202
   * @throws IllegalArgumentException when a status is not between 200 and 599
   */
  public void respondWith(int... statuses) {
    for (int status : statuses) {
      checkStatus(status);
    }
    for (int status : statuses) {
      recorder.queue(new BrokerIngress.Scripted(status, -1));
    }
  }

  /**
   * Queues one answer with a {@code Retry-After} header, as an overloaded broker sends.
   *
   * @param status for example 429 or 503
   * @param retryAfter the wait to ask for, sent in whole seconds (rounded up)
   * @throws IllegalArgumentException when the status is not between 200 and 599, or the wait is
   *     negative
   */
  public void respondWithRetryAfter(int status, Duration retryAfter) {
    checkStatus(status);
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("Retry-After must not be negative: " + retryAfter);
    }
    long seconds = retryAfter.plusNanos(999_999_999L).getSeconds();
    recorder.queue(new BrokerIngress.Scripted(status, seconds));
  }

  /**
   * Returns the events the ingress accepted, in the order they arrived (a batch's events in the
   * batch's order).
   *
   * @return a snapshot
   */
  public List<CloudEventMessage> received() {
    return recorder.received();
  }

  /**
   * Waits until the ingress has accepted at least a number of events.
   *
   * @param count how many events
   * @param timeout how long to wait at most
   * @return every event accepted so far, at least {@code count}
   * @throws AssertionError when fewer arrive in time; the message lists the events that did arrive,
   *     the rejected requests and the request count
   * @throws IllegalStateException when the thread is interrupted
   */
  public List<CloudEventMessage> awaitEvents(int count, Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    return recorder.await(count, timeout, ingress());
  }

  /**
   * Lists the requests the ingress refused because they are not valid CloudEvents, each with its
   * answer and reason.
   *
   * @return for example {@code [POST / -> 400 Missing required attribute type (has [id, source,
   *     specversion])]}, in order; a snapshot
   */
  public List<String> rejected() {
    return recorder.rejected();
  }

  /**
   * Counts every HTTP request the ingress got: accepted, refused by a queued status, or rejected.
   *
   * @return the count
   */
  public int requests() {
    return recorder.requests();
  }

  /** Forgets the received and rejected events, the request count and the queued statuses. */
  public void clear() {
    recorder.clear();
  }

  /**
   * Delivers an event to a subscriber in binary mode, as a Trigger does, with the fake's policy.
   *
   * @param subscriber the subscriber's address, for example a function under test
   * @param event the event; its own HTTP headers are not sent
   * @return what happened, after the last attempt
   * @throws IllegalStateException when the thread is interrupted
   */
  public Delivery deliver(URI subscriber, CloudEventMessage event) {
    return deliver(subscriber, event, CloudEventMessage.Mode.BINARY, policy);
  }

  /**
   * Delivers an event to a subscriber in a given mode, with the fake's policy.
   *
   * @param subscriber the subscriber's address
   * @param event the event
   * @param mode binary, structured, or batch (a batch of this one event)
   * @return what happened, after the last attempt
   * @throws IllegalStateException when the thread is interrupted
   */
  public Delivery deliver(URI subscriber, CloudEventMessage event, CloudEventMessage.Mode mode) {
    return deliver(subscriber, event, mode, policy);
  }

  /**
   * Delivers an event to a subscriber in a given mode and with a given policy.
   *
   * @param subscriber the subscriber's address
   * @param event the event
   * @param mode binary, structured, or batch (a batch of this one event)
   * @param policy retries, backoff, timeout and dead letter sink for this delivery
   * @return what happened, after the last attempt
   * @throws IllegalStateException when the thread is interrupted
   */
  public Delivery deliver(
      URI subscriber, CloudEventMessage event, CloudEventMessage.Mode mode, DeliveryPolicy policy) {
    Objects.requireNonNull(subscriber, "subscriber");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(policy, "policy");
    return TriggerDispatcher.deliver(subscriber, event, mode, policy);
  }

  /**
   * Tells whether the fake still serves.
   *
   * @return false once {@link #close()} was called
   */
  public boolean isRunning() {
    return !closed.get();
  }

  /** Stops the ingress and releases the port. Calling it again does nothing. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Describes the fake for assertion messages.
   *
   * @return for example {@code KnativeBrokerFake[http://127.0.0.1:41234/, 2 received, 0 rejected]}
   */
  @Override
  public String toString() {
    return "KnativeBrokerFake["
        + ingress()
        + ", "
        + recorder.summary()
        + (closed.get() ? ", closed" : "")
        + "]";
  }

  private static void checkStatus(int status) {
    if (status < 200 || status > 599) {
      throw new IllegalArgumentException("Not a status the ingress can answer: " + status);
    }
  }
}
