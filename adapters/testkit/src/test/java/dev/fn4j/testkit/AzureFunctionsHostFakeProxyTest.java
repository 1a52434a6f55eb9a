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

/** Raw HTTP requests forwarded as the host does with {@code enableProxyingHttpRequest}. */
class AzureFunctionsHostFakeProxyTest {

  private RecordingServer handler;
  private AzureFunctionsHostFake host;

  @BeforeEach
  void start() {
    handler = AzureFunctionsHostFakeTest.startHandler();
    host = AzureFunctionsHostFake.forHandler(handler.uri());
  }

  @AfterEach
  void stop() {
    handler.close();
  }

  @Test
  void the_original_method_path_query_headers_and_body_go_to_the_same_path() {
    byte[] body = "{\"name\":\"fn4j\"}".getBytes(StandardCharsets.UTF_8);

    AzureReply reply =
        host.proxiedHttp(
            "PUT",
            "/api/hello/caf%C3%A9?name=a%20b",
            Map.of("Content-Type", List.of("application/json"), "X-Tag", List.of("one", "two")),
            body);

    Recorded request = handler.only();
    assertThat(request.method()).isEqualTo("PUT");
    assertThat(request.path()).isEqualTo("/api/hello/caf%C3%A9");
    assertThat(request.query()).isEqualTo("name=a%20b");
    assertThat(request.body()).isEqualTo(body);
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.headers().get("X-Tag")).containsExactly("one", "two");
    String invocationId = reply.invocation().invocationId();
    assertThat(request.header("X-Azure-Functions-InvocationId")).isEqualTo(invocationId);
    assertThat(request.header("x-ms-invocation-id")).isEqualTo(invocationId);
    assertThat(request.header("X-Azure-Functions-HostVersion"))
        .isEqualTo(AzureFunctionsHostFake.HOST_VERSION);
    assertThat(request.header("X-Forwarded-Host")).isEqualTo("fn4j-test.azurewebsites.net");
    assertThat(request.header("X-Forwarded-Proto")).isEqualTo("https");
    assertThat(reply.invocation().kind()).isEqualTo(AzureInvocation.Kind.PROXIED_HTTP);
    assertThat(reply.invocation().functionName()).isEmpty();
    assertThat(reply.invocation().payload()).isEmpty();
    assertThat(reply.invocation().data()).isEmpty();
  }

  @Test
  void client_values_of_the_hosts_own_headers_are_overwritten() {
    host.proxiedHttp(
        "GET",
        "/api/hello",
        Map.of("X-Azure-Functions-InvocationId", List.of("forged")),
        new byte[0]);

    assertThat(handler.only().headers().get("X-Azure-Functions-InvocationId"))
        .hasSize(1)
        .doesNotContain("forged");
  }

  @Test
  void the_raw_answer_is_the_http_response_whatever_its_status() {
    handler.answer(
        request ->
            new Answer(503, Map.of("Content-Type", "text/plain", "Retry-After", "5"), "busy"));

    AzureReply reply = host.proxiedHttp("GET", "/api/hello", Map.of(), new byte[0]);

    assertThat(reply.succeeded()).isTrue();
    assertThat(reply.violations()).isEmpty();
    AzureHttpResponse res = reply.httpResponse().orElseThrow();
    assertThat(res.statusCode()).isEqualTo(503);
    assertThat(res.header("retry-after")).hasValue("5");
    assertThat(res.bodyText()).isEqualTo("busy");
    assertThat(reply.outputs()).isEmpty();
    assertThat(reply.logs()).isEmpty();
  }

  @Test
  void a_stack_trace_in_a_raw_answer_is_still_a_violation() {
    handler.answer(
        request ->
            new Answer(
                500,
                Map.of("Content-Type", "text/plain"),
                "java.lang.RuntimeException: x\n\tat demo.Hello.get(Hello.java:3)"));

    assertThat(host.proxiedHttp("GET", "/api/hello", Map.of(), new byte[0]).violations())
        .containsExactly("the answer carries a Java stack trace");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Host", "content-length", "Connection", "Expect", "Upgrade"})
  void headers_the_http_client_sets_itself_are_refused(String name) {
    assertThatThrownBy(
            () -> host.proxiedHttp("GET", "/api/hello", Map.of(name, List.of("x")), new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(name);
    assertThat(handler.requests()).isEmpty();
  }

  @Test
  void a_path_starts_with_a_slash_and_is_a_valid_uri_part() {
    assertThatThrownBy(() -> host.proxiedHttp("GET", "api/hello", Map.of(), new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("api/hello");
    assertThatThrownBy(() -> host.http("hello", "GET", "/api/a b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/api/a b");
    assertThat(handler.requests()).isEmpty();
  }
}
