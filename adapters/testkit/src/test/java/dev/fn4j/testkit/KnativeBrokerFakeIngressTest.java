package dev.fn4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events POSTed to the fake's ingress with the JDK client, in each content mode. */
class KnativeBrokerFakeIngressTest {

  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private KnativeBrokerFake broker;

  @BeforeEach
  void start() {
    broker = KnativeBrokerFake.start();
  }

  @AfterEach
  void stop() {
    broker.close();
  }

  @Test
  void listens_on_loopback() {
    assertThat(broker.ingress()).isEqualTo(URI.create("http://127.0.0.1:" + broker.port() + "/"));
    assertThat(broker.isRunning()).isTrue();
    assertThat(broker.policy()).isEqualTo(DeliveryPolicy.defaults());
  }

  @Test
  void a_binary_event_is_recorded_with_its_attributes_percent_decoded_and_its_data()
      throws Exception {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("ce-specversion", "1.0");
    headers.put("ce-id", "A234-1234-1234");
    headers.put("ce-source", "/mycontext/subcontext");
    headers.put("ce-type", "com.example.someevent");
    headers.put("ce-time", "2018-04-05T17:31:00Z");
    headers.put("Ce-Subject", "caf%C3%A9%20au%20lait%2C%20%22hot%22%25");
    headers.put("ce-comexampleextension1", "value");
    headers.put("ce-plain", "100% sure"); // a % that starts no escape stays as it is
    headers.put("Content-Type", "application/json; charset=utf-8");

    HttpResponse<String> answer = post("/", headers, "{\"greeting\":\"héllo\"}");

    assertThat(answer.statusCode()).isEqualTo(202);
    assertThat(answer.body()).isEmpty();
    CloudEventMessage event = broker.awaitEvents(1, WAIT).get(0);
    assertThat(event.mode()).isEqualTo(CloudEventMessage.Mode.BINARY);
    assertThat(event.id()).isEqualTo("A234-1234-1234");
    assertThat(event.source()).isEqualTo("/mycontext/subcontext");
    assertThat(event.type()).isEqualTo("com.example.someevent");
    assertThat(event.specVersion()).isEqualTo("1.0");
    assertThat(event.attribute("time")).hasValue("2018-04-05T17:31:00Z");
    assertThat(event.attribute("subject")).hasValue("café au lait, \"hot\"%");
    assertThat(event.attribute("plain")).hasValue("100% sure");
    assertThat(event.attribute("nothing")).isEmpty();
    assertThat(event.extensions())
        .containsOnly(Map.entry("comexampleextension1", "value"), Map.entry("plain", "100% sure"));
    assertThat(event.dataContentType()).hasValue("application/json; charset=utf-8");
    assertThat(event.attribute("datacontenttype")).hasValue("application/json; charset=utf-8");
    assertThat(event.dataAsString()).isEqualTo("{\"greeting\":\"héllo\"}");
    assertThat(event.data()).isEqualTo("{\"greeting\":\"héllo\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(event.httpHeader("ce-id")).hasValue("A234-1234-1234");
    assertThat(event.httpHeaders()).containsKey("CE-TYPE");
    assertThat(broker.requests()).isEqualTo(1);
    assertThat(broker.rejected()).isEmpty();
  }

  @Test
  void a_structured_event_keeps_json_data_as_json_text_and_other_attributes_as_strings()
      throws Exception {
    String event =
        "{\"specversion\":\"1.0\",\"type\":\"com.example.someevent\",\"source\":\"/mycontext\","
            + "\"id\":\"B234-1234-1234\",\"datacontenttype\":\"application/json\","
            + "\"comexampleint\":42,\"comexamplebool\":true,\"subject\":null,"
            + "\"data\":{\"appinfoA\":\"abc\",\"appinfoB\":123,\"appinfoC\":[true,1.50]}}";

    HttpResponse<String> answer =
        post("/ns/default", Map.of("Content-Type", "application/cloudevents+json"), event);

    assertThat(answer.statusCode()).isEqualTo(202);
    CloudEventMessage received = broker.awaitEvents(1, WAIT).get(0);
    assertThat(received.mode()).isEqualTo(CloudEventMessage.Mode.STRUCTURED);
    assertThat(received.id()).isEqualTo("B234-1234-1234");
    assertThat(received.attributes())
        .containsEntry("comexampleint", "42")
        .containsEntry("comexamplebool", "true")
        .doesNotContainKey("subject") // null means absent
        .doesNotContainKey("data");
    assertThat(received.dataContentType()).hasValue("application/json");
    assertThat(received.dataAsString())
        .isEqualTo("{\"appinfoA\":\"abc\",\"appinfoB\":123,\"appinfoC\":[true,1.50]}");
  }

  @Test
  void structured_data_is_a_string_for_other_content_types_and_base64_when_binary()
      throws Exception {
    String text =
        "{\"specversion\":\"1.0\",\"type\":\"t\",\"source\":\"/s\",\"id\":\"text\","
            + "\"datacontenttype\":\"text/plain\",\"data\":\"line 1\\nline 2\"}";
    String jsonString =
        "{\"specversion\":\"1.0\",\"type\":\"t\",\"source\":\"/s\",\"id\":\"json-string\","
            + "\"data\":\"quoted\"}";
    String base64 =
        "{\"specversion\":\"1.0\",\"type\":\"t\",\"source\":\"/s\",\"id\":\"bytes\","
            + "\"datacontenttype\":\"application/octet-stream\",\"data_base64\":\"AAEC/w==\"}";
    String none = "{\"specversion\":\"1.0\",\"type\":\"t\",\"source\":\"/s\",\"id\":\"none\"}";
    String v03 =
        "{\"specversion\":\"0.3\",\"type\":\"t\",\"source\":\"/s\",\"id\":\"v03\","
            + "\"datacontentencoding\":\"base64\",\"data\":\"aGk=\"}";
    Map<String, String> structured =
        Map.of("Content-Type", "application/cloudevents+json; charset=UTF-8");

    for (String event : List.of(text, jsonString, base64, none, v03)) {
      assertThat(post("/", structured, event).statusCode()).isEqualTo(202);
    }

    List<CloudEventMessage> events = broker.awaitEvents(5, WAIT);
    assertThat(events.get(0).dataAsString()).isEqualTo("line 1\nline 2");
    assertThat(events.get(1).dataAsString()).isEqualTo("\"quoted\""); // no type: JSON
    assertThat(events.get(1).dataContentType()).isEmpty();
    assertThat(events.get(2).data()).containsExactly(0, 1, 2, 255);
    assertThat(events.get(2).attributes()).doesNotContainKey("data_base64");
    assertThat(events.get(3).hasData()).isFalse();
    assertThat(events.get(3).toString()).contains("(no data)");
    assertThat(events.get(4).specVersion()).isEqualTo("0.3");
    assertThat(events.get(4).dataAsString()).isEqualTo("hi");
  }

  @Test
  void a_batch_is_recorded_as_one_event_per_element_in_order() throws Exception {
    String batch =
        "[{\"specversion\":\"1.0\",\"type\":\"t\",\"source\":\"/s\",\"id\":\"1\",\"data\":1},"
            + "{\"specversion\":\"1.0\",\"type\":\"t\",\"source\":\"/s\",\"id\":\"2\","
            + "\"datacontenttype\":\"text/plain\",\"data\":\"two\"}]";

    HttpResponse<String> answer =
        post("/", Map.of("Content-Type", "application/cloudevents-batch+json"), batch);

    assertThat(answer.statusCode()).isEqualTo(202);
    List<CloudEventMessage> events = broker.awaitEvents(2, WAIT);
    assertThat(events).extracting(CloudEventMessage::id).containsExactly("1", "2");
    assertThat(events)
        .extracting(CloudEventMessage::mode)
        .containsOnly(CloudEventMessage.Mode.BATCH);
    assertThat(events).extracting(CloudEventMessage::dataAsString).containsExactly("1", "two");
    assertThat(broker.requests()).isEqualTo(1);
  }

  @Test
  void an_event_without_a_required_attribute_gets_400_and_is_not_recorded() throws Exception {
    HttpResponse<String> binary =
        post(
            "/",
            Map.of("ce-specversion", "1.0", "ce-id", "1", "ce-source", "/s"), // no ce-type
            "");
    HttpResponse<String> structured =
        post(
            "/",
            Map.of("Content-Type", "application/cloudevents+json"),
            "{\"specversion\":\"1.0\",\"type\":\"t\",\"source\":\"/s\"}");
    HttpResponse<String> partOfABatch =
        post(
            "/",
            Map.of("Content-Type", "application/cloudevents-batch+json"),
            "[{\"specversion\":\"1.0\",\"type\":\"t\",\"source\":\"/s\",\"id\":\"ok\"},"
                + "{\"specversion\":\"1.0\",\"type\":\"t\",\"id\":\"no-source\"}]");

    assertThat(binary.statusCode()).isEqualTo(400);
    assertThat(binary.body()).contains("type");
    assertThat(structured.statusCode()).isEqualTo(400);
    assertThat(structured.body()).contains("id");
    assertThat(partOfABatch.statusCode()).isEqualTo(400);
    assertThat(broker.received()).isEmpty();
    assertThat(broker.requests()).isEqualTo(3);
    assertThat(broker.rejected())
        .hasSize(3)
        .allMatch(line -> line.startsWith("POST / -> 400 Missing required attribute"));
    assertThat(broker.rejected().get(0)).contains("type");
    assertThat(broker.rejected().get(2)).contains("source");
  }

  @Test
  void requests_that_are_not_cloudevents_are_rejected_with_the_reason() throws Exception {
    Map<String, String> structured = Map.of("Content-Type", "application/cloudevents+json");
    String valid = "\"specversion\":\"1.0\",\"type\":\"t\",\"source\":\"/s\",\"id\":\"1\"";

    assertThat(post("/", Map.of("Content-Type", "application/json"), "{}").statusCode())
        .isEqualTo(400);
    assertThat(post("/", structured, "{not json").statusCode()).isEqualTo(400);
    assertThat(post("/", structured, "[]").statusCode()).isEqualTo(400);
    assertThat(post("/", structured, "{" + valid + ",\"ext\":{\"a\":1}}").statusCode())
        .isEqualTo(400);
    assertThat(post("/", structured, "{" + valid + ",\"data\":1,\"data_base64\":\"AA==\"}"))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(400);
    assertThat(post("/", structured, "{" + valid + ",\"data_base64\":\"**\"}").statusCode())
        .isEqualTo(400);
    assertThat(
            post(
                    "/",
                    structured,
                    "{\"specversion\":\"2.0\",\"type\":\"t\",\"source\":\"/s\",\"id\":\"1\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(post("/", structured, "{" + valid + ",\"Bad_Name\":\"x\"}").statusCode())
        .isEqualTo(400);
    assertThat(post("/", Map.of("Content-Type", "application/cloudevents+avro"), "x").statusCode())
        .isEqualTo(415);
    HttpResponse<String> get =
        CLIENT.send(
            HttpRequest.newBuilder(broker.ingress()).timeout(WAIT).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("Allow")).hasValue("POST");

    assertThat(broker.received()).isEmpty();
    assertThat(broker.requests()).isEqualTo(10);
    List<String> rejected = broker.rejected();
    assertThat(rejected).hasSize(10);
    assertThat(rejected.get(0)).contains("no ce-specversion header");
    assertThat(rejected.get(1)).contains("Malformed JSON");
    assertThat(rejected.get(3)).contains("'ext'");
    assertThat(rejected.get(4)).contains("both data and data_base64");
    assertThat(rejected.get(5)).contains("not base64");
    assertThat(rejected.get(6)).contains("Unsupported specversion 2.0");
    assertThat(rejected.get(7)).contains("Bad_Name");
    assertThat(rejected.get(8)).startsWith("POST / -> 415");
    assertThat(rejected.get(9)).startsWith("GET / -> 405");
  }

  @Test
  void queued_statuses_answer_the_next_events_then_202_again() throws Exception {
    broker.respondWith(503, 503);
    broker.respondWithRetryAfter(429, Duration.ofMillis(1500));
    Map<String, String> headers =
        Map.of("ce-specversion", "1.0", "ce-id", "1", "ce-source", "/s", "ce-type", "t");

    // A request that is no event does not use up a queued status.
    assertThat(post("/", Map.of(), "not an event").statusCode()).isEqualTo(400);
    HttpResponse<String> first = post("/", headers, "");
    HttpResponse<String> second = post("/", headers, "");
    HttpResponse<String> third = post("/", headers, "");
    HttpResponse<String> fourth = post("/", headers, "");

    assertThat(first.statusCode()).isEqualTo(503);
    assertThat(first.headers().firstValue("Retry-After")).isEmpty();
    assertThat(second.statusCode()).isEqualTo(503);
    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(third.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(fourth.statusCode()).isEqualTo(202);
    assertThat(broker.received()).hasSize(1); // refused events are not recorded
    assertThat(broker.requests()).isEqualTo(5);
    assertThatThrownBy(() -> broker.respondWith(200, 99))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_queued_2xx_status_accepts_the_event() throws Exception {
    broker.respondWith(200);

    HttpResponse<String> answer =
        post(
            "/",
            Map.of("ce-specversion", "1.0", "ce-id", "1", "ce-source", "/s", "ce-type", "t"),
            "");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(broker.received()).hasSize(1);
  }

  @Test
  void await_events_fails_listing_what_did_arrive() throws Exception {
    post(
        "/",
        Map.of("ce-specversion", "1.0", "ce-id", "only-one", "ce-source", "/s", "ce-type", "t"),
        "");
    post("/", Map.of("ce-specversion", "1.0"), "");

    assertThatThrownBy(() -> broker.awaitEvents(2, Duration.ofMillis(50)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected 2 CloudEvents at " + broker.ingress())
        .hasMessageContaining("got 1")
        .hasMessageContaining("only-one")
        .hasMessageContaining(
            "rejected: [POST / -> 400 Missing required attributes id, source, type")
        .hasMessageContaining("2 requests in all");
  }

  @Test
  void concurrent_posts_are_all_recorded() throws Exception {
    List<CompletableFuture<HttpResponse<String>>> posts = new ArrayList<>();
    IntStream.range(0, 40)
        .forEach(
            i ->
                posts.add(
                    CLIENT.sendAsync(
                        request(
                            "/",
                            Map.of(
                                "ce-specversion", "1.0",
                                "ce-id", "e-" + i,
                                "ce-source", "/s",
                                "ce-type", "t"),
                            "{}"),
                        HttpResponse.BodyHandlers.ofString())));

    for (CompletableFuture<HttpResponse<String>> post : posts) {
      assertThat(post.get().statusCode()).isEqualTo(202);
    }
    assertThat(broker.awaitEvents(40, WAIT))
        .extracting(CloudEventMessage::id)
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, 40).mapToObj(i -> "e-" + i).toList());
    assertThat(broker.requests()).isEqualTo(40);
  }

  @Test
  void clear_forgets_everything_and_close_releases_the_port() throws Exception {
    broker.respondWith(503);
    post("/", Map.of("ce-specversion", "1.0"), "");
    post("/", Map.of("ce-specversion", "1.0", "ce-id", "1", "ce-source", "/s", "ce-type", "t"), "");

    broker.clear();

    assertThat(broker.received()).isEmpty();
    assertThat(broker.rejected()).isEmpty();
    assertThat(broker.requests()).isZero();
    assertThat(
            post(
                    "/",
                    Map.of(
                        "ce-specversion", "1.0", "ce-id", "2", "ce-source", "/s", "ce-type", "t"),
                    "")
                .statusCode())
        .isEqualTo(202); // the queued 503 was used up before clear
    broker.respondWith(500);
    broker.clear();
    assertThat(
            post(
                    "/",
                    Map.of(
                        "ce-specversion", "1.0", "ce-id", "3", "ce-source", "/s", "ce-type", "t"),
                    "")
                .statusCode())
        .isEqualTo(202); // and clear dropped the queued 500
    assertThat(broker.received()).extracting(CloudEventMessage::id).containsExactly("3");
    assertThat(broker.toString()).contains("1 received");

    broker.close();

    assertThat(broker.isRunning()).isFalse();
    assertThat(broker.toString()).contains("closed");
    assertThatThrownBy(() -> post("/", Map.of(), "")).isInstanceOf(IOException.class);
    broker.close(); // again: nothing happens
  }

  private HttpResponse<String> post(String path, Map<String, String> headers, String body)
      throws IOException, InterruptedException {
    return CLIENT.send(request(path, headers, body), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(String path, Map<String, String> headers, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(broker.ingress().resolve(path))
            .timeout(WAIT)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return request.build();
  }
}
