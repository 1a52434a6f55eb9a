package dev.fn4j.knative;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.function.FunctionRegistrar;
import dev.fn4j.testkit.CloudEventMessage;
import dev.fn4j.testkit.Delivery;
import dev.fn4j.testkit.KnativeBrokerFake;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The adapter behind the testkit's broker, which delivers as a Knative Trigger does ({@code Prefer:
 * reply}, retries on 404, 408, 409, 425, 429 and 5xx): replies re-enter the broker, bad input is
 * not retried, failures are retried and then dead-lettered.
 */
class BrokerDeliveryTest {

  record Order(String item, int quantity) {}

  static final AtomicInteger FAILING_CALLS = new AtomicInteger();

  static final FunctionRegistrar FUNCTIONS =
      registry ->
          registry
              .function("uppercase", String.class, String.class, s -> s.toUpperCase(Locale.ROOT))
              .function("order", Order.class, Order.class, order -> order)
              .function(
                  "failing",
                  String.class,
                  String.class,
                  s -> {
                    FAILING_CALLS.incrementAndGet();
                    throw new IllegalStateException("down");
                  });

  static KnativeTestServer server;
  static KnativeBrokerFake broker;

  @BeforeAll
  static void start() {
    server = KnativeTestServer.start(FUNCTIONS);
    broker = KnativeBrokerFake.start();
  }

  @AfterAll
  static void stop() {
    server.close();
    broker.close();
  }

  static CloudEventMessage event(String type, String contentType, String data) {
    return CloudEventMessage.builder()
        .id("trigger-1")
        .source("/broker")
        .type(type)
        .data(contentType, data)
        .extension("knativearrivaltime", "2026-11-29T10:00:00Z")
        .build();
  }

  @Test
  void a_reply_event_comes_back_to_the_broker_on_the_first_attempt() {
    Delivery delivery = broker.deliver(server.uri("/"), event("uppercase", "text/plain", "hi"));

    assertThat(delivery.attempts()).isEqualTo(1);
    assertThat(delivery.deadLettered()).isFalse();
    CloudEventMessage reply = delivery.reply().orElseThrow();
    assertThat(reply.type()).isEqualTo("uppercase.output");
    assertThat(reply.source()).isEqualTo("/svc/uppercase");
    assertThat(reply.id()).isNotEqualTo("trigger-1");
    assertThat(reply.dataAsString()).isEqualTo("HI");
  }

  @Test
  void the_same_in_structured_mode() {
    Delivery delivery =
        broker.deliver(
            server.uri("/"),
            event("order", "application/json", "{\"item\":\"pen\",\"quantity\":3}"),
            CloudEventMessage.Mode.STRUCTURED);

    CloudEventMessage reply = delivery.reply().orElseThrow();
    assertThat(reply.mode()).isEqualTo(CloudEventMessage.Mode.STRUCTURED);
    assertThat(reply.type()).isEqualTo("order.output");
    assertThat(reply.dataAsString()).isEqualTo("{\"item\":\"pen\",\"quantity\":3}");
  }

  @Test
  void bad_input_is_answered_400_and_not_retried() {
    Delivery delivery = broker.deliver(server.uri("/"), event("order", "application/json", "{"));

    assertThat(delivery.statuses()).containsExactly(400);
    assertThat(delivery.deadLettered()).isTrue();
  }

  @Test
  void a_failing_function_is_retried_then_dead_lettered() {
    int before = FAILING_CALLS.get();
    Delivery delivery = broker.deliver(server.uri("/"), event("failing", "text/plain", "x"));

    assertThat(delivery.statuses()).containsExactly(500, 500, 500, 500);
    assertThat(delivery.deadLettered()).isTrue();
    assertThat(FAILING_CALLS.get() - before).isEqualTo(4);
  }

  @Test
  void an_unroutable_type_is_retried_as_knative_does_for_404() {
    Delivery delivery = broker.deliver(server.uri("/"), event("com.acme.nobody", "text/plain", ""));

    assertThat(delivery.statuses()).containsExactly(404, 404, 404, 404);
    assertThat(delivery.deadLettered()).isTrue();
  }
}
