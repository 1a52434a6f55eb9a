package dev.fn4j.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.FunctionCatalog;
import dev.fn4j.core.platform.Environment;
import dev.fn4j.function.FunctionRegistrar;
import dev.fn4j.function.Message;
import dev.fn4j.function.TypeRef;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GcfEventFunctionTest {

  static final String SECRET = "secret-ee01";

  record Published(Message message, String subscription) {
    record Message(String data, Map<String, String> attributes, String messageId) {}
  }

  static final List<Object> SEEN = new CopyOnWriteArrayList<>();

  static final FunctionRegistrar FUNCTIONS =
      registry ->
          registry
              .consumer(
                  "google.cloud.pubsub.topic.v1.messagePublished",
                  TypeRef.of(Published.class),
                  SEEN::add)
              .consumer(
                  "seen",
                  new TypeRef<Message<byte[]>>() {},
                  m -> {
                    Map<String, String> view = new TreeMap<>();
                    m.headers().names().forEach(n -> view.put(n, m.headers().first(n).orElse("")));
                    m.context().attributes().forEach(view::put);
                    view.put("data", new String(m.payload(), StandardCharsets.UTF_8));
                    view.put("trace", m.context().trace().traceparent().orElse("-"));
                    SEEN.add(view);
                  })
              .consumer("raw", TypeRef.of(CloudEvent.class), SEEN::add)
              .consumer(
                  "failing",
                  TypeRef.of(String.class),
                  s -> {
                    throw new IllegalStateException(SECRET);
                  });

  static GcfEventFunction function(Map<String, String> environment) {
    return new GcfEventFunction(
        FunctionRuntime.of(Environment.of(environment), FunctionCatalog.of(FUNCTIONS)));
  }

  static CloudEventBuilder event(String type) {
    return CloudEventBuilder.v1()
        .withId("evt-1")
        .withSource(URI.create("//pubsub.googleapis.com/projects/p/topics/t"))
        .withType(type);
  }

  @BeforeEach
  void forget() {
    SEEN.clear();
  }

  @Test
  void a_pubsub_message_is_decoded_into_the_declared_record_by_its_type() {
    function(Map.of())
        .accept(
            event("google.cloud.pubsub.topic.v1.messagePublished")
                .withDataContentType("application/json")
                .withData(
                    ("{\"message\":{\"data\":\"aGk=\",\"attributes\":{\"k\":\"v\"},"
                            + "\"messageId\":\"42\"},\"subscription\":\"projects/p/subscriptions/s\"}")
                        .getBytes(StandardCharsets.UTF_8))
                .build());
    Published published = (Published) SEEN.get(0);
    assertThat(published.message().data()).isEqualTo("aGk=");
    assertThat(published.message().attributes()).containsEntry("k", "v");
    assertThat(published.subscription()).isEqualTo("projects/p/subscriptions/s");
  }

  @SuppressWarnings("unchecked")
  @Test
  void attributes_and_extensions_reach_headers_and_context() {
    function(Map.of("FN4J_ROUTING_TYPES", "google.cloud.storage.object.v1.finalized=seen"))
        .accept(
            event("google.cloud.storage.object.v1.finalized")
                .withSubject("objects/a.txt")
                .withTime(OffsetDateTime.parse("2020-09-29T11:32:00.000Z"))
                .withDataContentType("text/plain")
                .withExtension(
                    "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .withExtension("bucket", "b")
                .withData("body".getBytes(StandardCharsets.UTF_8))
                .build());
    Map<String, String> view = (Map<String, String>) SEEN.get(0);
    assertThat(view)
        .containsEntry("ce-id", "evt-1")
        .containsEntry("ce-subject", "objects/a.txt")
        .containsEntry("ce-bucket", "b")
        .containsEntry("Content-Type", "text/plain")
        .containsEntry("ce.type", "google.cloud.storage.object.v1.finalized")
        .containsEntry("ce.time", "2020-09-29T11:32:00Z")
        .containsEntry("data", "body")
        .containsEntry("trace", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
  }

  @Test
  void a_function_that_declares_the_cloudevent_gets_it() {
    CloudEvent event = event("raw").build();
    function(Map.of()).accept(event);
    assertThat(SEEN).containsExactly(event);
  }

  @Test
  void failures_are_thrown_without_cause_stack_or_user_message() {
    GcfEventFunction function = function(Map.of());
    assertThatThrownBy(() -> function.accept(event("failing").build()))
        .isInstanceOfSatisfying(
            GcfEventFunction.EventFailedException.class,
            e -> {
              assertThat(e.phase()).isEqualTo("INVOKE");
              assertThat(e.getCause()).isNull();
              assertThat(e.getStackTrace()).isEmpty();
              assertThat(e.getMessage()).contains("failing").doesNotContain(SECRET);
            });
    assertThatThrownBy(() -> function.accept(event("com.acme.unknown").build()))
        .isInstanceOfSatisfying(
            GcfEventFunction.EventFailedException.class,
            e -> assertThat(e.phase()).isEqualTo("ROUTE"));
    assertThatThrownBy(
            () ->
                function.accept(
                    event("google.cloud.pubsub.topic.v1.messagePublished")
                        .withDataContentType("application/json")
                        .withData("{nope".getBytes(StandardCharsets.UTF_8))
                        .build()))
        .isInstanceOfSatisfying(
            GcfEventFunction.EventFailedException.class,
            e -> assertThat(e.phase()).isEqualTo("DECODE"));
  }
}
