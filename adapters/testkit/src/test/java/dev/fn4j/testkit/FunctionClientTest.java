package dev.fn4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a bare JDK server that records what it receives. */
class FunctionClientTest {

  private HttpServer server;
  private FunctionClient client;
  private volatile Recorded last;
  private final CountDownLatch released = new CountDownLatch(1);

  /** What the server saw. */
  record Recorded(
      String method,
      String path,
      String rawPath,
      String query,
      com.sun.net.httpserver.Headers headers,
      byte[] bytes) {
    String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  @BeforeEach
  void a_recording_server_on_a_free_port() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
    client = FunctionClient.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
  }

  @AfterEach
  void stop() {
    released.countDown();
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    last =
        new Recorded(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            exchange.getRequestURI().getRawPath(),
            exchange.getRequestURI().getQuery(),
            exchange.getRequestHeaders(),
            exchange.getRequestBody().readAllBytes());
    if (last.path().equals("/slow")) {
      try {
        released.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] body = "Grüße".getBytes(StandardCharsets.ISO_8859_1);
    exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=ISO-8859-1");
    exchange.getResponseHeaders().add("Set-Cookie", "a=1");
    exchange.getResponseHeaders().add("Set-Cookie", "b=2");
    exchange.sendResponseHeaders(418, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Test
  void post_sends_text_as_utf_8_plain_text() {
    // when
    client.post("/uppercase", "héllo");

    // then
    assertThat(last.method()).isEqualTo("POST");
    assertThat(last.path()).isEqualTo("/uppercase");
    assertThat(last.headers().getFirst("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    assertThat(last.body()).isEqualTo("héllo");
  }

  @Test
  void post_with_a_content_type_sends_that_content_type() {
    // when
    client.post("/greet", "{\"name\":\"Ada\"}", "application/json");

    // then
    assertThat(last.headers().getFirst("Content-Type")).isEqualTo("application/json");
    assertThat(last.body()).isEqualTo("{\"name\":\"Ada\"}");
  }

  @Test
  void text_is_encoded_with_the_charset_the_content_type_names() {
    // when
    client.post("/uppercase", "grüße", "text/plain; charset=ISO-8859-1");

    // then
    assertThat(last.bytes()).isEqualTo("grüße".getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void a_content_type_with_an_unknown_charset_is_refused_before_sending() {
    assertThatThrownBy(() -> client.post("/uppercase", "x", "text/plain; charset=klingon"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'klingon'");
    assertThat(last).isNull();
  }

  @Test
  void get_and_list_send_a_get_without_a_body() {
    // when
    client.get("/fortune");
    Recorded fortune = last;
    client.list();

    // then
    assertThat(fortune.method()).isEqualTo("GET");
    assertThat(fortune.path()).isEqualTo("/fortune");
    assertThat(fortune.body()).isEmpty();
    assertThat(last.path()).isEqualTo("/");
  }

  @Test
  void characters_a_uri_does_not_allow_are_encoded_and_arrive_as_given() {
    // when
    client.post("/uppercase|reverse", "x");

    // then
    assertThat(last.path()).isEqualTo("/uppercase|reverse");
    assertThat(last.rawPath()).isEqualTo("/uppercase%7Creverse");
  }

  @Test
  void a_question_mark_starts_the_query_and_a_missing_slash_is_added() {
    // when
    client.get("greet?lang=de&name=Jörg");

    // then
    assertThat(last.path()).isEqualTo("/greet");
    assertThat(last.query()).isEqualTo("lang=de&name=Jörg");
  }

  @Test
  void with_header_returns_a_client_that_sends_it_and_leaves_this_one_alone() {
    // given
    FunctionClient traced = client.withHeader("traceparent", "00-abc-def-01");

    // when
    traced.get("/a");
    Recorded withHeader = last;
    client.get("/b");

    // then
    assertThat(withHeader.headers().getFirst("traceparent")).isEqualTo("00-abc-def-01");
    assertThat(last.headers().containsKey("traceparent")).isFalse();
  }

  @Test
  void a_reply_of_any_status_is_returned_not_thrown() {
    // when
    Reply reply = client.get("/teapot");

    // then
    assertThat(reply.status()).isEqualTo(418);
    assertThat(reply.body()).isEqualTo("Grüße");
    assertThat(reply.headerValues("set-cookie")).containsExactly("a=1", "b=2");
    assertThat(reply.header("CONTENT-TYPE")).contains("text/plain; charset=ISO-8859-1");
  }

  @Test
  void a_reply_later_than_the_timeout_fails_the_call() {
    // given
    FunctionClient impatient = client.withTimeout(Duration.ofMillis(200));

    // when / then
    assertThatThrownBy(() -> impatient.get("/slow"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("GET " + client.baseUri() + "/slow failed");
  }

  @Test
  void a_server_that_is_gone_fails_the_call_naming_the_address() {
    // given
    server.stop(0);

    // when / then
    assertThatThrownBy(() -> client.get("/gone"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(client.baseUri() + "/gone");
  }

  @Test
  void the_base_address_keeps_only_host_and_port() {
    assertThat(FunctionClient.of(URI.create("http://127.0.0.1:1234/some/path?x=1")).baseUri())
        .isEqualTo(URI.create("http://127.0.0.1:1234"));
  }

  @Test
  void only_http_addresses_are_accepted() {
    assertThatThrownBy(() -> FunctionClient.of(URI.create("https://example.com")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FunctionClient.of(URI.create("file:/tmp")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_timeout_must_be_positive() {
    assertThatThrownBy(() -> client.withTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void send_uses_any_method() {
    // when
    client.send("PUT", "/thing", "data".getBytes(StandardCharsets.UTF_8), null);

    // then
    assertThat(last.method()).isEqualTo("PUT");
    assertThat(last.body()).isEqualTo("data");
    assertThat(last.headers().get("Content-Type")).isNull();
  }

  @Test
  void headers_given_together_are_all_sent() {
    // when
    client.withHeader("X-One", "1").withHeader("X-Two", "2").post("/h", "");

    // then
    assertThat(Map.of("X-One", last.headers().get("X-One"), "X-Two", last.headers().get("X-Two")))
        .containsEntry("X-One", List.of("1"))
        .containsEntry("X-Two", List.of("2"));
  }
}
