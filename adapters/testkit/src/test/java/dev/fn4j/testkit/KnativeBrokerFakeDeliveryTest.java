package dev.fn4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fake delivering events to a small subscriber server, the way a Trigger does. */
class KnativeBrokerFakeDeliveryTest {

  private static final DeliveryPolicy QUICK =
      DeliveryPolicy.defaults().withRetries(3, Duration.ofMillis(1));
  private static final CloudEventMessage ORDER =
      CloudEventMessage.builder()
          .id("order-1")
          .source("/orders")
          .type("com.example.order.created")
          .subject("café order")
          .extension("tenant", "acme")
          .data("application/json", "{\"id\":42}")
          .build();

  private KnativeBrokerFake broker;
  private final List<Subscriber> subscribers = new ArrayList<>();

  @BeforeEach
  void start() {
    broker = KnativeBrokerFake.start(QUICK);
  }

  @AfterEach
  void stop() {
    subscribers.forEach(Subscriber::close);
    broker.close();
  }

  @Test
  void two_503s_then_a_binary_reply_take_three_attempts_and_the_reply_is_read() {
    Subscriber subscriber =
        subscriber(
            Answer.status(503),
            Answer.status(503),
            new Answer(
                200,
                Map.of(
                    "ce-specversion", "1.0",
                    "ce-id", "reply-1",
                    "ce-source", "/functions/confirm",
                    "ce-type", "com.example.order.confirmed",
                    "ce-subject", "caf%C3%A9",
                    "Content-Type", "text/plain; charset=utf-8"),
                "CONFIRMED"));

    Delivery delivery = broker.deliver(subscriber.uri(), ORDER);

    assertThat(delivery.attempts()).isEqualTo(3);
    assertThat(delivery.statuses()).containsExactly(503, 503, 200);
    assertThat(delivery.finalStatus()).isEqualTo(200);
    assertThat(delivery.succeeded()).isTrue();
    assertThat(delivery.deadLettered()).isFalse();
    assertThat(delivery.problem()).isEmpty();
    assertThat(delivery.deadLetterStatus()).isEmpty();
    assertThat(delivery.subscriber()).isEqualTo(subscriber.uri());
    CloudEventMessage reply = delivery.reply().orElseThrow();
    assertThat(reply.mode()).isEqualTo(CloudEventMessage.Mode.BINARY);
    assertThat(reply.id()).isEqualTo("reply-1");
    assertThat(reply.type()).isEqualTo("com.example.order.confirmed");
    assertThat(reply.attribute("subject")).hasValue("café");
    assertThat(reply.dataAsString()).isEqualTo("CONFIRMED");
    assertThat(new String(delivery.responseBody(), StandardCharsets.UTF_8)).isEqualTo("CONFIRMED");
    assertThat(delivery.responseHeaders()).containsKey("CE-ID");
    assertThat(delivery.toString()).startsWith("delivered to " + subscriber.uri());

    assertThat(subscriber.requests()).hasSize(3);
    for (Recorded request : subscriber.requests()) {
      assertThat(request.header("Prefer")).isEqualTo("reply");
      assertThat(request.header("ce-id")).isEqualTo("order-1");
      assertThat(request.header("ce-specversion")).isEqualTo("1.0");
      assertThat(request.header("ce-subject")).isEqualTo("caf%C3%A9%20order");
      assertThat(request.header("ce-tenant")).isEqualTo("acme");
      assertThat(request.header("Content-Type")).isEqualTo("application/json");
      assertThat(request.header("ce-datacontenttype")).isNull();
      assertThat(request.text()).isEqualTo("{\"id\":42}");
    }
  }

  @Test
  void a_400_is_not_retried_and_the_event_is_dead_lettered() {
    Subscriber subscriber =
        subscriber(
            new Answer(400, Map.of("Content-Type", "application/json"), "{\"phase\":\"DECODE\"}"));

    Delivery delivery = broker.deliver(subscriber.uri(), ORDER);

    assertThat(delivery.statuses()).containsExactly(400);
    assertThat(delivery.deadLettered()).isTrue();
    assertThat(delivery.succeeded()).isFalse();
    assertThat(delivery.reply()).isEmpty();
    assertThat(delivery.problem()).hasValue("400 is not retried");
    assertThat(new String(delivery.responseBody(), StandardCharsets.UTF_8))
        .isEqualTo("{\"phase\":\"DECODE\"}");
    assertThat(delivery.response().orElseThrow().contentType()).hasValue("application/json");
    assertThat(delivery.toString()).startsWith("dead-lettered to " + subscriber.uri());
    assertThat(subscriber.requests()).hasSize(1);
  }

  @Test
  void a_subscriber_that_keeps_failing_is_dead_lettered_after_the_retries() {
    Subscriber subscriber = subscriber(Answer.status(500));

    Delivery delivery =
        broker.deliver(
            subscriber.uri(),
            ORDER,
            CloudEventMessage.Mode.BINARY,
            QUICK.withRetries(2, Duration.ofMillis(1)));

    assertThat(delivery.statuses()).containsExactly(500, 500, 500);
    assertThat(delivery.deadLettered()).isTrue();
    assertThat(delivery.problem()).hasValue("gave up after 3 attempts");
    assertThat(subscriber.requests()).hasSize(3);
  }

  @Test
  void a_refused_connection_is_retried_then_dead_lettered() throws IOException {
    URI nobody;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      nobody = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
    }

    Delivery delivery = broker.deliver(nobody, ORDER);

    assertThat(delivery.statuses()).containsExactly(-1, -1, -1, -1);
    assertThat(delivery.finalStatus()).isEqualTo(-1);
    assertThat(delivery.deadLettered()).isTrue();
    assertThat(delivery.response()).isEmpty();
    assertThat(delivery.responseBody()).isEmpty();
    assertThat(delivery.responseHeaders()).isEmpty();
    assertThat(delivery.problem().orElseThrow())
        .startsWith("gave up after 4 attempts; no answer: ")
        .contains("ConnectException");
  }

  @ParameterizedTest
  @ValueSource(ints = {404, 408, 409, 425, 429, 500, 502, 503, 504, 599})
  void these_statuses_are_retried(int status) {
    Subscriber subscriber = subscriber(Answer.status(status), Answer.status(202));

    Delivery delivery = broker.deliver(subscriber.uri(), ORDER);

    assertThat(delivery.statuses()).containsExactly(status, 202);
    assertThat(delivery.succeeded()).isTrue();
    assertThat(DeliveryPolicy.isRetryable(status)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 304, 400, 401, 403, 405, 410, 413, 415, 422})
  void these_statuses_are_final_failures(int status) {
    Subscriber subscriber = subscriber(Answer.status(status), Answer.status(202));

    Delivery delivery = broker.deliver(subscriber.uri(), ORDER);

    assertThat(delivery.statuses()).containsExactly(status);
    assertThat(delivery.deadLettered()).isTrue();
    assertThat(DeliveryPolicy.isRetryable(status)).isFalse();
  }

  @Test
  void an_attempt_that_gets_no_answer_in_time_is_retried() {
    CountDownLatch release = new CountDownLatch(1);
    Subscriber subscriber =
        subscriber(Answer.stall(release), Answer.status(202)); // the first attempt hangs
    try {
      Delivery delivery =
          broker.deliver(
              subscriber.uri(),
              ORDER,
              CloudEventMessage.Mode.BINARY,
              QUICK.withRequestTimeout(Duration.ofMillis(500)));

      assertThat(delivery.statuses()).startsWith(-1).endsWith(202);
      assertThat(delivery.succeeded()).isTrue();
      assertThat(subscriber.requests()).hasSizeGreaterThanOrEqualTo(2);
    } finally {
      release.countDown();
    }
  }

  @Test
  void structured_delivery_embeds_json_data_and_reads_a_structured_reply() throws Exception {
    Subscriber subscriber =
        subscriber(
            new Answer(
                200,
                Map.of("Content-Type", "application/cloudevents+json"),
                "{\"specversion\":\"1.0\",\"id\":\"r\",\"source\":\"/fn\",\"type\":\"done\","
                    + "\"datacontenttype\":\"application/json\",\"data\":{\"ok\":true}}"));

    Delivery delivery = broker.deliver(subscriber.uri(), ORDER, CloudEventMessage.Mode.STRUCTURED);

    Recorded request = subscriber.requests().get(0);
    assertThat(request.header("Content-Type")).isEqualTo("application/cloudevents+json");
    assertThat(request.header("Prefer")).isEqualTo("reply");
    assertThat(request.header("ce-id")).isNull();
    assertThat(CloudEventReader.JSON.readTree(request.body()))
        .isEqualTo(
            CloudEventReader.JSON.readTree(
                "{\"specversion\":\"1.0\",\"id\":\"order-1\",\"source\":\"/orders\","
                    + "\"type\":\"com.example.order.created\",\"subject\":\"café order\","
                    + "\"tenant\":\"acme\",\"datacontenttype\":\"application/json\","
                    + "\"data\":{\"id\":42}}"));
    CloudEventMessage reply = delivery.reply().orElseThrow();
    assertThat(reply.mode()).isEqualTo(CloudEventMessage.Mode.STRUCTURED);
    assertThat(reply.type()).isEqualTo("done");
    assertThat(reply.dataAsString()).isEqualTo("{\"ok\":true}");
  }

  @Test
  void structured_and_batch_delivery_send_binary_data_as_base64() throws Exception {
    Subscriber subscriber = subscriber(Answer.status(202));
    CloudEventMessage bytes =
        CloudEventMessage.builder()
            .id("b")
            .source("/s")
            .type("t")
            .data("application/octet-stream", new byte[] {0, 1, 2, (byte) 255})
            .build();

    broker.deliver(subscriber.uri(), bytes, CloudEventMessage.Mode.STRUCTURED);
    broker.deliver(subscriber.uri(), bytes, CloudEventMessage.Mode.BATCH);

    Recorded structured = subscriber.requests().get(0);
    assertThat(CloudEventReader.JSON.readTree(structured.body()).get("data_base64").textValue())
        .isEqualTo("AAEC/w==");
    Recorded batch = subscriber.requests().get(1);
    assertThat(batch.header("Content-Type")).isEqualTo("application/cloudevents-batch+json");
    assertThat(CloudEventReader.JSON.readTree(batch.body()).get(0).get("id").textValue())
        .isEqualTo("b");
  }

  @Test
  void an_answer_that_is_no_event_or_a_202_gives_no_reply() {
    Subscriber subscriber =
        subscriber(
            new Answer(200, Map.of("Content-Type", "text/plain"), "just text"),
            new Answer(
                202,
                Map.of("ce-specversion", "1.0", "ce-id", "x", "ce-source", "/s", "ce-type", "t"),
                ""),
            new Answer(200, Map.of("ce-specversion", "1.0", "ce-source", "/s", "ce-type", "t"), ""),
            Answer.status(204));

    Delivery text = broker.deliver(subscriber.uri(), ORDER);
    Delivery accepted = broker.deliver(subscriber.uri(), ORDER);
    Delivery broken = broker.deliver(subscriber.uri(), ORDER);
    Delivery empty = broker.deliver(subscriber.uri(), ORDER);

    assertThat(text.reply()).isEmpty();
    assertThat(text.problem()).isEmpty();
    assertThat(text.response().orElseThrow().body()).isEqualTo("just text");
    assertThat(accepted.reply()).isEmpty();
    assertThat(accepted.problem().orElseThrow()).contains("202");
    assertThat(broken.reply()).isEmpty();
    assertThat(broken.succeeded()).isTrue();
    assertThat(broken.problem().orElseThrow())
        .contains("not a valid CloudEvent")
        .contains("Missing required attribute id");
    assertThat(empty.statuses()).containsExactly(204);
    assertThat(empty.reply()).isEmpty();
  }

  @Test
  void a_dead_lettered_event_goes_to_the_dead_letter_sink_with_knative_error_extensions() {
    Subscriber subscriber =
        subscriber(new Answer(500, Map.of("Content-Type", "text/plain"), "it broke"));
    try (KnativeBrokerFake deadLetters = KnativeBrokerFake.start()) {
      Delivery delivery =
          broker.deliver(
              subscriber.uri(),
              ORDER,
              CloudEventMessage.Mode.BINARY,
              QUICK.withRetries(1, Duration.ofMillis(1)).withDeadLetterSink(deadLetters.ingress()));

      assertThat(delivery.statuses()).containsExactly(500, 500);
      assertThat(delivery.deadLettered()).isTrue();
      assertThat(delivery.deadLetterStatus()).hasValue(202);
      assertThat(delivery.toString()).endsWith("dead letter sink answered 202");
      CloudEventMessage dead = deadLetters.awaitEvents(1, Duration.ofSeconds(5)).get(0);
      assertThat(dead.id()).isEqualTo("order-1");
      assertThat(dead.dataAsString()).isEqualTo("{\"id\":42}");
      assertThat(dead.extensions())
          .containsEntry("tenant", "acme")
          .containsEntry("knativeerrordest", subscriber.uri().toString())
          .containsEntry("knativeerrorcode", "500")
          .containsEntry(
              "knativeerrordata",
              Base64.getEncoder().encodeToString("it broke".getBytes(StandardCharsets.UTF_8)));
      assertThat(dead.httpHeader("Prefer")).isEmpty();
    }
  }

  @Test
  void a_dead_letter_sink_that_cannot_be_reached_is_reported() throws IOException {
    URI nobody;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      nobody = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
    }
    Subscriber subscriber = subscriber(Answer.status(400));

    Delivery delivery =
        broker.deliver(
            subscriber.uri(),
            ORDER,
            CloudEventMessage.Mode.BINARY,
            QUICK.withRetries(0, Duration.ZERO).withDeadLetterSink(nobody));

    assertThat(delivery.deadLettered()).isTrue();
    assertThat(delivery.deadLetterStatus()).hasValue(-1);
  }

  @Test
  void the_policy_computes_backoff_and_reads_retry_after() {
    DeliveryPolicy linear = DeliveryPolicy.defaults().withRetries(5, Duration.ofMillis(10));
    DeliveryPolicy exponential = linear.withBackoffPolicy(DeliveryPolicy.BackoffPolicy.EXPONENTIAL);

    assertThat(DeliveryPolicy.defaults().retries()).isEqualTo(3);
    assertThat(linear.backoff(1)).isEqualTo(Duration.ofMillis(10));
    assertThat(linear.backoff(3)).isEqualTo(Duration.ofMillis(30));
    assertThat(exponential.backoff(1)).isEqualTo(Duration.ofMillis(20));
    assertThat(exponential.backoff(3)).isEqualTo(Duration.ofMillis(80));
    assertThat(TriggerDispatcher.retryAfter(" 7 ")).hasValue(Duration.ofSeconds(7));
    assertThat(TriggerDispatcher.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"))
        .hasValue(Duration.ZERO); // in the past
    assertThat(TriggerDispatcher.retryAfter("soon")).isEmpty();
  }

  // ---- a small subscriber ----

  private Subscriber subscriber(Answer... answers) {
    Subscriber subscriber = Subscriber.start(answers);
    subscribers.add(subscriber);
    return subscriber;
  }

  /** One answer of the subscriber; a stalled one waits for a latch before it answers 500. */
  private record Answer(
      int status, Map<String, String> headers, String body, CountDownLatch stall) {

    Answer(int status, Map<String, String> headers, String body) {
      this(status, headers, body, null);
    }

    static Answer status(int status) {
      return new Answer(status, Map.of(), "");
    }

    static Answer stall(CountDownLatch release) {
      return new Answer(500, Map.of(), "", release);
    }
  }

  /** A request the subscriber got. */
  private record Recorded(Map<String, List<String>> headers, byte[] body) {

    String header(String name) {
      List<String> values = headers.get(name);
      return values == null ? null : values.get(0);
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** Answers with the given answers in order, the last one again once they are used up. */
  private static final class Subscriber implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Deque<Answer> answers;
    private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());

    private Subscriber(HttpServer server, Answer... answers) {
      this.server = server;
      this.answers = new ArrayDeque<>(List.of(answers));
    }

    static Subscriber start(Answer... answers) {
      try {
        HttpServer server =
            HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        Subscriber subscriber = new Subscriber(server, answers);
        server.createContext("/", subscriber::handle);
        server.setExecutor(subscriber.executor);
        server.start();
        return subscriber;
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    URI uri() {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/trigger");
    }

    List<Recorded> requests() {
      synchronized (requests) {
        return List.copyOf(requests);
      }
    }

    private void handle(HttpExchange exchange) throws IOException {
      try (exchange) {
        TreeMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(exchange.getRequestHeaders());
        requests.add(new Recorded(headers, exchange.getRequestBody().readAllBytes()));
        Answer answer;
        synchronized (answers) {
          answer = answers.size() > 1 ? answers.pollFirst() : answers.peekFirst();
        }
        if (answer.stall() != null) {
          try {
            answer.stall().await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        answer.headers().forEach(exchange.getResponseHeaders()::set);
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        }
      }
    }

    @Override
    public void close() {
      server.stop(0);
      executor.shutdownNow();
    }
  }
}
