package dev.fn4j.knative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.FunctionCatalog;
import dev.fn4j.core.platform.Environment;
import dev.fn4j.function.FunctionRegistrar;
import dev.fn4j.function.TypeRef;
import dev.fn4j.knative.sink.SinkEmitter;
import dev.fn4j.testkit.CloudEventMessage;
import dev.fn4j.testkit.KnativeBrokerFake;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Suppliers as event sources: their output POSTed to {@code K_SINK}, here the testkit's broker. */
class SinkEmitterTest {

  KnativeBrokerFake broker;
  SinkEmitter emitter;
  final AtomicInteger ticks = new AtomicInteger();

  FunctionRegistrar ticking =
      registry ->
          registry
              .supplier("ticks", TypeRef.of(String.class), () -> "tick-" + ticks.incrementAndGet())
              .function("echo", String.class, String.class, s -> s);

  @BeforeEach
  void startBroker() {
    broker = KnativeBrokerFake.start();
  }

  @AfterEach
  void stop() {
    if (emitter != null) {
      emitter.stop();
    }
    broker.close();
  }

  Optional<SinkEmitter> emitter(FunctionRegistrar functions, Map<String, String> more) {
    Map<String, String> variables = new HashMap<>(more);
    variables.putIfAbsent("K_SINK", broker.ingress().toString());
    variables.putIfAbsent("K_SERVICE", "clock");
    Environment environment = Environment.of(variables);
    FunctionRuntime runtime = FunctionRuntime.of(environment, FunctionCatalog.of(functions));
    ReplyAttributes attributes = new ReplyAttributes(KnativeSettings.from(environment));
    Optional<SinkEmitter> created =
        SinkEmitter.fromEnvironment(runtime, attributes::build, "clock");
    created.ifPresent(e -> emitter = e);
    return created;
  }

  @Test
  void the_supplier_output_is_sent_once_as_a_binary_event_with_the_overrides() {
    emitter(ticking, Map.of("K_CE_OVERRIDES", "{\"extensions\":{\"team\":\"ops\"}}"))
        .orElseThrow()
        .start();

    CloudEventMessage event = broker.awaitEvents(1, Duration.ofSeconds(10)).get(0);
    assertThat(event.mode()).isEqualTo(CloudEventMessage.Mode.BINARY);
    assertThat(event.type()).isEqualTo("ticks.output");
    assertThat(event.source()).isEqualTo("/clock/ticks");
    assertThat(event.specVersion()).isEqualTo("1.0");
    assertThat(event.dataAsString()).isEqualTo("tick-1");
    assertThat(event.dataContentType())
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    assertThat(event.attribute("team")).hasValue("ops");
    emitter.stop();
    assertThat(broker.received()).hasSize(1);
  }

  @Test
  void on_an_interval_every_tick_is_a_new_event() {
    emitter(ticking, Map.of("FN4J_SINK_INTERVAL_SECONDS", "1")).orElseThrow().start();

    List<CloudEventMessage> events = broker.awaitEvents(2, Duration.ofSeconds(10));
    assertThat(events.get(0).id()).isNotEqualTo(events.get(1).id());
    assertThat(events.get(1).dataAsString()).isEqualTo("tick-2");
  }

  @Test
  void retryable_statuses_are_retried_until_the_sink_accepts() {
    broker.respondWith(503, 429);
    emitter(ticking, Map.of()).orElseThrow().start();

    CloudEventMessage event = broker.awaitEvents(1, Duration.ofSeconds(10)).get(0);
    assertThat(event.dataAsString()).isEqualTo("tick-1");
    assertThat(broker.requests()).isEqualTo(3);
    assertThat(ticks.get())
        .as("the same event is resent, the supplier is not called again")
        .isEqualTo(1);
  }

  @Test
  void a_status_knative_does_not_retry_is_not_retried() throws InterruptedException {
    broker.respondWith(400);
    emitter(ticking, Map.of()).orElseThrow().start();
    emitter.stop();
    assertThat(broker.requests()).isEqualTo(1);
    assertThat(broker.received()).isEmpty();
  }

  @Test
  void the_supplier_is_named_selected_or_the_only_one() {
    FunctionRegistrar two =
        registry ->
            registry
                .supplier("a", TypeRef.of(String.class), () -> "a")
                .supplier("b", TypeRef.of(String.class), () -> "b")
                .function("f", String.class, String.class, s -> s);
    assertThatThrownBy(() -> emitter(two, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 suppliers (a, b)")
        .hasMessageContaining("FN4J_SINK_FUNCTION");
    assertThatThrownBy(() -> emitter(two, Map.of("FN4J_SINK_FUNCTION", "f")))
        .hasMessageContaining("only a supplier's output");
    assertThatThrownBy(() -> emitter(two, Map.of("FN4J_SINK_FUNCTION", "nope")))
        .hasMessageContaining("FN4J_SINK_FUNCTION is 'nope'");

    emitter(two, Map.of("FN4J_SINK_FUNCTION", "b")).orElseThrow().start();
    assertThat(broker.awaitEvents(1, Duration.ofSeconds(10)).get(0).dataAsString()).isEqualTo("b");
  }

  @Test
  void without_a_supplier_or_without_k_sink_nothing_is_sent() {
    FunctionRegistrar none = registry -> registry.function("f", String.class, String.class, s -> s);
    assertThat(emitter(none, Map.of())).isEmpty();
    Map<String, String> noSink = new HashMap<>();
    noSink.put("K_SINK", "");
    assertThat(emitter(ticking, noSink)).isEmpty();
  }

  @Test
  void a_supplier_that_returns_nothing_sends_nothing() {
    FunctionRegistrar silent =
        registry -> registry.supplier("quiet", TypeRef.of(String.class), () -> null);
    emitter(silent, Map.of()).orElseThrow().start();
    emitter.stop();
    assertThat(broker.requests()).isZero();
  }

  @Test
  void malformed_settings_fail_with_the_variable_named() {
    assertThatThrownBy(() -> emitter(ticking, Map.of("K_SINK", "not a url")))
        .hasMessageContaining("K_SINK");
    assertThatThrownBy(() -> emitter(ticking, Map.of("K_SINK", "ftp://host/x")))
        .hasMessageContaining("http or https");
    assertThatThrownBy(() -> emitter(ticking, Map.of("K_CE_OVERRIDES", "{")))
        .hasMessageContaining("K_CE_OVERRIDES is invalid");
    assertThatThrownBy(
            () -> emitter(ticking, Map.of("K_CE_OVERRIDES", "{\"extensions\":{\"id\":\"x\"}}")))
        .hasMessageContaining("'id'");
    assertThatThrownBy(
            () -> emitter(ticking, Map.of("K_CE_OVERRIDES", "{\"extensions\":{\"Bad\":\"x\"}}")))
        .hasMessageContaining("'Bad'");
  }
}
