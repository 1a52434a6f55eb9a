package dev.fn4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.testkit.RecordingServer.Answer;
import dev.fn4j.testkit.RecordingServer.Recorded;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The FC host fake forwarding HTTP function requests, as an HTTP trigger or custom domain does. */
class FcHostFakeHttpTest {

  private RecordingServer server;
  private FcHostFake fc;

  @BeforeEach
  void start() {
    server = FcHostFakeTest.startRuntime();
    fc = FcHostFake.forServer(server.uri());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void the_original_method_path_query_headers_and_body_are_forwarded_with_the_http_control_path() {
    byte[] body = "{\"id\":42}".getBytes(StandardCharsets.UTF_8);

    FcReply reply =
        fc.http(
            "PUT",
            "/orders/caf%C3%A9?id=42&tag=a%20b",
            Map.of(
                "Content-Type", List.of("application/json"),
                "Accept", List.of("application/json"),
                "Cookie", List.of("session=s1")),
            body);

    Recorded request = server.only();
    assertThat(request.method()).isEqualTo("PUT");
    assertThat(request.path()).isEqualTo("/orders/caf%C3%A9");
    assertThat(request.query()).isEqualTo("id=42&tag=a%20b");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.header("Accept")).isEqualTo("application/json");
    assertThat(request.header("Cookie")).isEqualTo("session=s1");
    assertThat(request.body()).isEqualTo(body);
    assertThat(request.header("x-fc-control-path")).isEqualTo("/http-invoke");
    assertThat(request.header("x-fc-request-id")).isEqualTo(reply.requestId());
    assertThat(request.header("x-fc-function-name")).isEqualTo("fn4j-test");
    assertThat(request.header("x-fc-access-key-secret"))
        .isEqualTo(FcCredentials.FAKE_ACCESS_KEY_SECRET);
    assertThat(reply.invocation().method()).isEqualTo("PUT");
    assertThat(reply.invocation().target()).isEqualTo("/orders/caf%C3%A9?id=42&tag=a%20b");
    assertThat(reply.invocation().controlPath()).isEqualTo("/http-invoke");
    assertThat(reply.invocation().header("accept")).hasValue("application/json");
  }

  @Test
  void repeated_headers_are_forwarded_in_order() {
    fc.http("GET", "/", Map.of("X-Tag", List.of("one", "two", "three")), new byte[0]);

    assertThat(server.only().headers().get("X-Tag")).containsExactly("one", "two", "three");
  }

  @Test
  void a_call_without_body_sends_an_empty_body() {
    fc.http("GET", "/health");

    Recorded request = server.only();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo("/health");
    assertThat(request.body()).isEmpty();
    assertThat(request.header("Content-Type")).isNull();
  }

  @Test
  void the_function_status_headers_and_binary_body_come_back_unchanged() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};
    server.answer(
        request ->
            new Answer(
                201,
                Map.of(
                    "x-fc-status", "200",
                    "Location", "/orders/42",
                    "Content-Type", "image/png"),
                new String(png, StandardCharsets.ISO_8859_1)));

    FcReply reply = fc.http("POST", "/orders", Map.of(), "x".getBytes(StandardCharsets.UTF_8));

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.fcStatus()).hasValue(200);
    assertThat(reply.header("location")).hasValue("/orders/42");
    assertThat(reply.header("content-type")).hasValue("image/png");
    assertThat(reply.violations()).isEmpty();
  }

  @Test
  void an_http_function_may_answer_any_status_but_still_owes_x_fc_status() {
    server.answer(request -> new Answer(500, Map.of("x-fc-status", "404"), "failed"));
    assertThat(fc.http("GET", "/boom").violations()).isEmpty();

    server.answer(request -> new Answer(400, Map.of(), "bad"));
    assertThat(fc.http("GET", "/bad").violations())
        .containsExactly("no x-fc-status header (FC expects 200 or 404 on every answer)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"x-fc-request-id", "X-Fc-Anything", "Connection", "keep-alive"})
  void headers_fc_refuses_from_clients_are_not_forwarded(String name) {
    assertThatThrownBy(() -> fc.http("GET", "/", Map.of(name, List.of("v")), new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(name)
        .hasMessageContaining("400 InvalidArgument");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void headers_the_client_sets_itself_are_refused() {
    assertThatThrownBy(() -> fc.http("GET", "/", Map.of("Host", List.of("x")), new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("set by the HTTP client");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void a_path_starts_with_a_slash() {
    assertThatThrownBy(() -> fc.http("GET", "orders"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("orders");
    assertThatThrownBy(() -> fc.http("GET", "/a b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/a b");
    assertThat(server.requests()).isEmpty();
  }
}
