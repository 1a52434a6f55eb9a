package dev.fn4j.knative;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.function.FunctionRegistrar;
import dev.fn4j.function.Headers;
import dev.fn4j.function.HttpReply;
import dev.fn4j.function.Message;
import dev.fn4j.function.TypeRef;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Knative adapter over real HTTP: routing, replies, failures and the serving paths. */
class KnativeHttpHandlerTest {

  static final String SECRET = "secret-7c1d";

  record Order(String item, int quantity) {}

  static final AtomicInteger ORDERS_SEEN = new AtomicInteger();

  static final FunctionRegistrar FUNCTIONS =
      registry ->
          registry
              .function("uppercase", String.class, String.class, s -> s.toUpperCase(Locale.ROOT))
              .function(
                  "reverse",
                  String.class,
                  String.class,
                  s -> new StringBuilder(s).reverse().toString())
              .function("order", Order.class, Order.class, KnativeHttpHandlerTest::order)
              .function(
                  "labelled",
                  new TypeRef<Message<String>>() {},
                  new TypeRef<Message<String>>() {},
                  m ->
                      Message.of(
                          m.payload(),
                          Headers.builder()
                              .add("ce-type", "com.acme.labelled")
                              .add("ce-subject", "subject-" + m.payload())
                              .add("ce-specversion", "9.9")
                              .add("X-Extra", "1")
                              .add("Content-Type", "text/plain; charset=UTF-8")
                              .build()))
              .function(
                  "unavailable",
                  TypeRef.of(String.class),
                  new TypeRef<HttpReply<String>>() {},
                  s -> HttpReply.of(503, "try later"))
              .consumer("sink", TypeRef.of(String.class), s -> {})
              .function(
                  "revision",
                  new TypeRef<Message<String>>() {},
                  TypeRef.of(String.class),
                  m ->
                      m.context().attributes().get("knative.revision")
                          + " "
                          + m.context().attributes().get("ce.type")
                          + " "
                          + m.headers().first("ce-id").orElse("?")
                          + " "
                          + m.context().platform());

  static Order order(Order order) {
    ORDERS_SEEN.incrementAndGet();
    if (order.quantity() < 0) {
      throw new IllegalStateException(SECRET);
    }
    return new Order(order.item(), order.quantity() * 2);
  }

  static KnativeTestServer server;

  @BeforeAll
  static void start() {
    server = KnativeTestServer.start(FUNCTIONS, Map.of("K_REVISION", "svc-00001"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void readiness_and_liveness_answer_200_on_paths_no_function_can_take() {
    for (String path : new String[] {"/_fn4j/ready", "/_fn4j/live"}) {
      HttpResponse<String> response = server.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.body()).contains("UP");
    }
  }

  @Test
  void a_binary_event_gets_a_binary_reply_event_with_a_new_id_and_an_output_type() {
    HttpResponse<String> response = server.postBinary("uppercase", "text/plain", "hello");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("HELLO");
    assertThat(header(response, "ce-specversion")).isEqualTo("1.0");
    assertThat(header(response, "ce-type")).isEqualTo("uppercase.output");
    assertThat(header(response, "ce-source")).isEqualTo("/svc/uppercase");
    assertThat(header(response, "ce-id")).isNotBlank().isNotEqualTo("id-1");
    assertThat(OffsetDateTime.parse(header(response, "ce-time"))).isNotNull();
    assertThat(header(response, "Content-Type")).startsWith("text/plain");
  }

  @Test
  void every_reply_has_its_own_id() {
    String first = header(server.postBinary("uppercase", "text/plain", "a"), "ce-id");
    String second = header(server.postBinary("uppercase", "text/plain", "a"), "ce-id");
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void the_trace_context_comes_back_with_the_reply() {
    String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    HttpResponse<String> response =
        server.postBinary(
            "uppercase", "text/plain", "x", "traceparent", traceparent, "tracestate", "k=v");
    assertThat(header(response, "traceparent")).isEqualTo(traceparent);
    assertThat(header(response, "tracestate")).isEqualTo("k=v");
  }

  @Test
  void the_function_sees_the_service_the_attributes_and_the_platform() {
    HttpResponse<String> response = server.postBinary("revision", "text/plain", "");
    assertThat(response.body()).isEqualTo("svc-00001 revision id-1 knative");
  }

  @Test
  void ce_headers_of_the_functions_reply_set_the_reply_attributes_but_not_specversion() {
    HttpResponse<String> response = server.postBinary("labelled", "text/plain", "x");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "ce-type")).isEqualTo("com.acme.labelled");
    assertThat(header(response, "ce-subject")).isEqualTo("subject-x");
    assertThat(header(response, "ce-specversion")).isEqualTo("1.0");
    assertThat(header(response, "X-Extra")).isEqualTo("1");
  }

  @Test
  void a_request_path_names_the_function_before_the_type_does() {
    HttpResponse<String> response =
        server.post(
            "/reverse",
            "abc",
            "ce-specversion",
            "1.0",
            "ce-id",
            "1",
            "ce-source",
            "/t",
            "ce-type",
            "uppercase",
            "Content-Type",
            "text/plain");
    assertThat(response.body()).isEqualTo("cba");
    assertThat(header(response, "ce-type")).isEqualTo("reverse.output");
  }

  @Test
  void an_unroutable_type_is_404_so_knative_retries_and_dead_letters_it() {
    HttpResponse<String> response = server.postBinary("com.acme.unknown", "text/plain", "x");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("com.acme.unknown").contains("FN4J_ROUTING_TYPES");
  }

  @Test
  void a_consumer_is_answered_202_with_no_body_and_no_event() {
    HttpResponse<String> response = server.postBinary("sink", "text/plain", "x");
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("ce-id")).isEmpty();
  }

  @Test
  void a_function_failure_is_500_without_the_exception_message() {
    HttpResponse<String> response =
        server.postBinary("order", "application/json", "{\"item\":\"x\",\"quantity\":-1}");
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(header(response, "Content-Type")).isEqualTo("application/problem+json");
    assertThat(response.body())
        .contains("\"function\":\"order\"")
        .contains("INVOKE")
        .doesNotContain(SECRET)
        .doesNotContain("at dev.fn4j");
  }

  @Test
  void undecodable_data_is_400_which_knative_does_not_retry() {
    HttpResponse<String> response = server.postBinary("order", "application/json", "{not json");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"function\":\"order\"").contains("DECODE");
  }

  @Test
  void a_content_type_the_function_cannot_read_is_400_not_415() {
    HttpResponse<String> response = server.postBinary("order", "text/plain", "x");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("text/plain");
  }

  @Test
  void a_chosen_non_2xx_status_is_sent_as_plain_http() {
    HttpResponse<String> response = server.postBinary("unavailable", "text/plain", "x");
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).isEqualTo("try later");
    assertThat(response.headers().firstValue("ce-id")).isEmpty();
  }

  @Test
  void an_event_without_a_source_is_400_and_no_function_runs() {
    int before = ORDERS_SEEN.get();
    HttpResponse<String> response =
        server.post(
            "/",
            "{\"item\":\"x\",\"quantity\":1}",
            "ce-specversion",
            "1.0",
            "ce-id",
            "1",
            "ce-type",
            "order",
            "Content-Type",
            "application/json");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("Invalid CloudEvent").contains("'source' is missing");
    assertThat(ORDERS_SEEN.get()).isEqualTo(before);
  }

  @Test
  void an_unknown_spec_version_and_an_unknown_event_format_are_400() {
    HttpResponse<String> version =
        server.post(
            "/", "x", "ce-specversion", "2.0", "ce-id", "1", "ce-source", "/", "ce-type", "sink");
    assertThat(version.statusCode()).isEqualTo(400);
    assertThat(version.body()).contains("specversion '2.0'");

    HttpResponse<String> format =
        server.post("/", "x", "Content-Type", "application/cloudevents+protobuf");
    assertThat(format.statusCode()).isEqualTo(400);
    assertThat(format.body()).contains("application/cloudevents+protobuf");
  }

  @Test
  void an_event_sent_with_get_is_405() {
    HttpResponse<String> response =
        KnativeTestServer.send(
            java.net.http.HttpRequest.newBuilder(server.uri("/"))
                .GET()
                .header("ce-specversion", "1.0")
                .header("ce-id", "1")
                .header("ce-source", "/")
                .header("ce-type", "uppercase")
                .build());
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(header(response, "Allow")).isEqualTo("POST");
  }

  @Test
  void a_request_that_is_not_a_cloudevent_is_served_as_plain_http() {
    HttpResponse<String> response =
        server.post("/uppercase", "hello", "Content-Type", "text/plain");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("HELLO");
    assertThat(response.headers().firstValue("ce-type")).isEmpty();
  }

  @Test
  void a_structured_event_gets_a_structured_reply_with_json_data_embedded() {
    HttpResponse<String> response =
        server.post(
            "/",
            "{\"specversion\":\"1.0\",\"id\":\"s-1\",\"source\":\"/t\",\"type\":\"order\","
                + "\"datacontenttype\":\"application/json\","
                + "\"data\":{\"item\":\"pen\",\"quantity\":2}}",
            "Content-Type",
            "application/cloudevents+json");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "Content-Type")).isEqualTo("application/cloudevents+json");
    assertThat(response.body())
        .contains("\"type\":\"order.output\"")
        .contains("\"specversion\":\"1.0\"")
        .contains("\"data\":{\"item\":\"pen\",\"quantity\":4}")
        .doesNotContain("\"id\":\"s-1\"");
  }

  @Test
  void a_batch_with_one_failing_event_fails_whole_naming_the_event() {
    String batch =
        "["
            + event("a", "order", "{\"item\":\"x\",\"quantity\":1}")
            + ","
            + event("b", "order", "{\"item\":\"y\",\"quantity\":-1}")
            + "]";
    HttpResponse<String> response =
        server.post("/", batch, "Content-Type", "application/cloudevents-batch+json");
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).contains("event 1 (id 'b')").doesNotContain("id 'a'");
    assertThat(response.body()).doesNotContain(SECRET);
  }

  @Test
  void an_invalid_event_in_a_batch_fails_it_before_any_function_runs() {
    int before = ORDERS_SEEN.get();
    String batch =
        "["
            + event("a", "order", "{\"item\":\"x\",\"quantity\":1}")
            + ",{\"specversion\":\"1.0\"}]";
    HttpResponse<String> response =
        server.post("/", batch, "Content-Type", "application/cloudevents-batch+json");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("event 1 of the batch");
    assertThat(ORDERS_SEEN.get()).isEqualTo(before);
  }

  @Test
  void a_batch_of_consumer_events_is_202_and_an_empty_batch_too() {
    HttpResponse<String> consumed =
        server.post(
            "/",
            "[" + event("a", "sink", "1") + "," + event("b", "sink", "2") + "]",
            "Content-Type",
            "application/cloudevents-batch+json");
    assertThat(consumed.statusCode()).isEqualTo(202);
    HttpResponse<String> empty =
        server.post("/", "[]", "Content-Type", "application/cloudevents-batch+json");
    assertThat(empty.statusCode()).isEqualTo(202);
  }

  static String event(String id, String type, String jsonData) {
    return "{\"specversion\":\"1.0\",\"id\":\""
        + id
        + "\",\"source\":\"/t\",\"type\":\""
        + type
        + "\",\"data\":"
        + jsonData
        + "}";
  }

  static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }
}
