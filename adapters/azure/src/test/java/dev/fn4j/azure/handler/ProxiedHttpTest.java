package dev.fn4j.azure.handler;

import static dev.fn4j.azure.handler.HandlerServer.json;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.testkit.AzureFunctionsHostFake;
import dev.fn4j.testkit.AzureReply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code enableProxyingHttpRequest}: the host forwards the client's request as it is, to the same
 * path ({@code /api/<function>}); the handler serves it by path and its answer, status included,
 * goes back to the client as it is.
 */
class ProxiedHttpTest {

  private static HandlerServer server;

  @BeforeAll
  static void start() {
    server = HandlerServer.start(new HandlerFunctions());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void a_proxied_request_is_served_by_its_path_below_api() {
    AzureReply reply =
        server
            .host()
            .proxiedHttp(
                "POST",
                "/api/uppercase?x=1",
                Map.of("Content-Type", List.of("text/plain")),
                "proxied".getBytes(UTF_8));

    assertThat(HandlerServer.violations(reply)).as("%s", reply).isEmpty();
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.text()).isEqualTo("PROXIED");
    assertThat(reply.httpResponse().orElseThrow().statusCode()).isEqualTo(200);
  }

  @Test
  void the_functions_status_headers_and_cookies_are_answered_as_they_are() {
    AzureReply reply =
        server
            .host()
            .proxiedHttp(
                "POST",
                "/api/created",
                Map.of("Content-Type", List.of("text/plain")),
                "z".getBytes(UTF_8));

    assertThat(HandlerServer.violations(reply)).as("%s", reply).isEmpty();
    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.text()).isEqualTo("created z");
    assertThat(reply.headers().get("X-Tag")).containsExactly("first", "second");
    assertThat(reply.headers().get("Set-Cookie"))
        .containsExactlyInAnyOrder("session=abc123", "theme=dark");
  }

  @Test
  void failures_are_answered_with_their_status_and_a_problem_body() {
    AzureReply missing = server.host().proxiedHttp("POST", "/api/nosuch", Map.of(), new byte[0]);
    AzureReply wrongMethod =
        server.host().proxiedHttp("POST", "/api/status", Map.of(), new byte[0]);
    AzureReply failing =
        server.host().proxiedHttp("POST", "/api/fail", Map.of(), "x".getBytes(UTF_8));

    assertThat(missing.status()).isEqualTo(404);
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.header("Allow")).hasValue("GET");
    assertThat(failing.status()).isEqualTo(500);
    for (AzureReply reply : List.of(missing, wrongMethod, failing)) {
      assertThat(HandlerServer.violations(reply)).as("%s", reply).isEmpty();
      assertThat(reply.header("Content-Type")).hasValue("application/problem+json");
      assertThat(json(reply.text()).path("status").asInt()).isEqualTo(reply.status());
      assertThat(reply.text()).doesNotContain(HandlerFunctions.SECRET).doesNotContain("\tat ");
    }
  }

  @Test
  void event_grids_validation_handshake_is_answered_in_proxying_mode_too() {
    AzureReply reply =
        server
            .host()
            .proxiedHttp(
                "POST",
                "/api/events",
                Map.of(
                    "aeg-event-type", List.of("SubscriptionValidation"),
                    "Content-Type", List.of("application/json")),
                AzureFunctionsHostFake.subscriptionValidationEvent("proxied-code").getBytes(UTF_8));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(json(reply.text())).isEqualTo(json("{\"validationResponse\":\"proxied-code\"}"));
  }

  @Test
  void readiness_and_payload_invocations_still_work_beside_proxying() {
    assertThat(server.host().ready().status()).isEqualTo(200);
    assertThat(server.host().queue("uppercase", "side by side").returnValue())
        .hasValue("SIDE BY SIDE");
  }
}
