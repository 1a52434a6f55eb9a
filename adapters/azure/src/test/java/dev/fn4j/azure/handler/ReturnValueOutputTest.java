package dev.fn4j.azure.handler;

import static dev.fn4j.azure.handler.HandlerServer.json;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.testkit.AzureBindings;
import dev.fn4j.testkit.AzureFunctionsHostFake;
import dev.fn4j.testkit.AzureHttpResponse;
import dev.fn4j.testkit.AzureReply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code FN4J_AZURE_HTTP_OUTPUT=$return}: the HTTP response goes into {@code ReturnValue}, for
 * functions whose {@code function.json} names the HTTP output {@code $return}; {@code Outputs}
 * stays empty.
 */
class ReturnValueOutputTest {

  private static HandlerServer server;
  private static AzureFunctionsHostFake host;

  @BeforeAll
  static void start() {
    server =
        HandlerServer.start(new HandlerFunctions(), Map.of("FN4J_AZURE_HTTP_OUTPUT", "$return"));
    host =
        server.host().withBindings(AzureBindings.defaults().withHttpOutput(AzureBindings.RETURN));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void the_response_is_the_return_value() {
    AzureReply reply =
        host.http(
            "created",
            "POST",
            "/api/created",
            Map.of("Content-Type", List.of("text/plain")),
            "y".getBytes(UTF_8));

    assertThat(HandlerServer.violations(reply)).as("%s", reply).isEmpty();
    assertThat(reply.outputs()).isEmpty();
    assertThat(reply.returnValue()).get().isInstanceOf(Map.class);
    AzureHttpResponse res = reply.httpResponse().orElseThrow();
    assertThat(res.statusCode()).isEqualTo(201);
    assertThat(res.bodyText()).isEqualTo("created y");
    assertThat(res.headers().get("X-Tag")).containsExactly("first", "second");
  }

  @Test
  void a_failure_is_the_return_value_too() {
    AzureReply reply = host.http("fn4j-http", "POST", "/api/nosuch");

    assertThat(HandlerServer.violations(reply)).as("%s", reply).isEmpty();
    assertThat(reply.outputs()).isEmpty();
    AzureHttpResponse res = reply.httpResponse().orElseThrow();
    assertThat(res.statusCode()).isEqualTo(404);
    assertThat(json(res.bodyText()).path("status").asInt()).isEqualTo(404);
  }
}
