package dev.fn4j.conformance.event;

import dev.fn4j.conformance.LoopbackHttp;
import dev.fn4j.conformance.ServerRuntimes;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.http.EmbeddedHttpServer;
import dev.fn4j.knative.KnativePlatform;
import dev.fn4j.testkit.CloudEventMessage;
import dev.fn4j.testkit.Delivery;
import dev.fn4j.testkit.DeliveryPolicy;
import dev.fn4j.testkit.KnativeBrokerFake;
import dev.fn4j.testkit.Reply;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * {@value #NAME}: the Knative adapter's server ({@link KnativePlatform#start}) on a free loopback
 * port, sent each event by the testkit's {@link KnativeBrokerFake} as a Trigger delivers it: one
 * binary-mode CloudEvent per invocation, {@code POST /} with {@code Prefer: reply}, type {@link
 * EventCall#cloudEventType()} (the adapter routes by it), the item as the data. The Trigger makes
 * one attempt; its answer is classified by Knative's retry rules, as {@link
 * DeliveryPolicy#isRetryable} has them:
 *
 * <table>
 *   <caption>Knative's answer, normalised</caption>
 *   <tr><th>answer</th><th>disposition</th></tr>
 *   <tr><td>2xx</td><td>{@link Disposition#ACKNOWLEDGED}; a 200 reply event's data is the
 *       reply</td></tr>
 *   <tr><td>404, 408, 409, 425, 429, 5xx, no answer</td><td>{@link Disposition#RETRY} (then the
 *       dead letter sink)</td></tr>
 *   <tr><td>any other status (400, 405, 413, ...)</td><td>{@link Disposition#REJECTED}: not
 *       retried, dead-lettered at once</td></tr>
 * </table>
 */
final class KnativeBinaryPath extends PerItemPath {

  static final String NAME = "knative-binary";

  /** The source of the events sent. */
  static final String SOURCE = "/fn4j/conformance";

  private static final AtomicLong IDS = new AtomicLong();

  /** One attempt: the retry is what the outcome reports, not what the path does. */
  private static final DeliveryPolicy ONE_ATTEMPT =
      DeliveryPolicy.defaults()
          .withRetries(0, Duration.ZERO)
          .withRequestTimeout(LoopbackHttp.TIMEOUT);

  private final Started<Running> running;

  KnativeBinaryPath(Supplier<FunctionRuntime> shared) {
    super(NAME);
    this.running =
        new Started<>(
            NAME,
            () -> {
              EmbeddedHttpServer server =
                  KnativePlatform.start(ServerRuntimes.onLoopback(shared.get()));
              return new Running(server, KnativeBrokerFake.start(ONE_ATTEMPT));
            });
  }

  @Override
  EventOutcome deliverItem(EventCall call, EventPayload item) {
    Running started = running.get();
    CloudEventMessage.Builder event =
        CloudEventMessage.builder()
            .id("conformance-" + IDS.incrementAndGet())
            .source(SOURCE)
            .type(call.cloudEventType());
    if (!item.isEmpty()) {
      event.data(item.contentType().orElse(null), item.bytes());
    }
    Delivery delivery =
        started.broker.deliver(
            subscriber(started.server), event.build(), CloudEventMessage.Mode.BINARY, ONE_ATTEMPT);
    int status = delivery.finalStatus();
    List<EventPayload> replies =
        delivery
            .reply()
            .filter(CloudEventMessage::hasData)
            .map(
                reply ->
                    List.of(EventPayload.of(reply.dataContentType().orElse(null), reply.data())))
            .orElse(List.of());
    Reply answer = delivery.response().orElse(null);
    String view =
        answer == null
            ? "no answer: " + delivery.problem().orElse("")
            : PlatformView.http(answer.status(), answer.headers(), answer.bytes());
    return EventOutcome.of(List.of(disposition(status)), replies, view);
  }

  /** Knative's rule: 2xx succeeded, a retryable status is retried, any other is given up. */
  static Disposition disposition(int status) {
    if (status >= 200 && status <= 299) {
      return Disposition.ACKNOWLEDGED;
    }
    return DeliveryPolicy.isRetryable(status) ? Disposition.RETRY : Disposition.REJECTED;
  }

  @Override
  public boolean carriesBytes() {
    return true;
  }

  @Override
  public boolean carriesReplies() {
    return true;
  }

  @Override
  public void close() {
    running.close();
  }

  /** The adapter's server and the Trigger that delivers to it. */
  private record Running(EmbeddedHttpServer server, KnativeBrokerFake broker)
      implements AutoCloseable {
    @Override
    public void close() {
      try {
        broker.close();
      } finally {
        server.close();
      }
    }
  }

  /** The Trigger's subscriber URI: the service's root, so that the event's type routes it. */
  static URI subscriber(EmbeddedHttpServer server) {
    return LoopbackHttp.root(server.port()).resolve("/");
  }
}
