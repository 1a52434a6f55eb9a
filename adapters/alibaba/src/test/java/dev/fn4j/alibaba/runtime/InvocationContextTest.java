package dev.fn4j.alibaba.runtime;

import static dev.fn4j.alibaba.runtime.FcReplies.assertSucceeded;
import static dev.fn4j.alibaba.runtime.FcReplies.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.testkit.FcCredentials;
import dev.fn4j.testkit.FcFunction;
import dev.fn4j.testkit.FcHostFake;
import dev.fn4j.testkit.FcReply;
import dev.fn4j.testkit.FcService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a function sees of FC's {@code x-fc-*} request headers: the request id, the {@code fc.*}
 * context attributes, the deadline, and the role's credentials only through {@code
 * context.unwrap(FcCredentials.class)}, never as an attribute or a header; no {@code x-fc-*} header
 * reaches a function. Checked for an event function and an HTTP function, with an {@code echo}
 * function that answers with what reached it (and whether the credentials it could reach are the
 * host's, never the credentials themselves).
 */
class InvocationContextTest {

  private static FcTestServer server;
  private static FcHostFake fc;

  @BeforeAll
  static void start() {
    server = FcTestServer.start(new RuntimeFunctions(), Map.of("FN4J_FUNCTION", "echo"));
    fc =
        server
            .fc()
            .withRegion("ap-southeast-1")
            .withAccountId("1111222233334444")
            .withFunction(
                FcFunction.defaults()
                    .withName("orders-fn")
                    .withMemoryMb(1024)
                    .withTimeout(Duration.ofSeconds(30)))
            .withService(
                FcService.defaults()
                    .withName("orders-svc")
                    .withLog("orders-log-project", "orders-logstore")
                    .withQualifier("prod", "7"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void an_event_function_sees_fcs_request_id_and_invocation_values_as_context_attributes() {
    // when
    FcReply reply = fc.invoke("payload");

    // then
    assertSucceeded(reply);
    JsonNode echo = json(reply.text());
    assertThat(echo.path("requestId").asText()).isEqualTo(reply.requestId());
    assertThat(echo.path("platform").asText()).isEqualTo("alibaba-fc");
    assertThat(echo.path("functionName").asText()).isEqualTo("echo");
    assertThat(echo.path("payload").asText()).isEqualTo("payload");
    assertFcAttributes(echo.path("attributes"));
    assertThat(echo.path("hasDeadline").asBoolean())
        .as("x-fc-function-timeout sets a deadline")
        .isTrue();
  }

  @Test
  void an_http_function_sees_the_same_values_and_its_http_request() {
    // when
    FcReply reply =
        fc.http(
            "POST",
            "/echo/items?page=2",
            Map.of("Content-Type", List.of("text/plain"), "X-Request-Tag", List.of("blue")),
            "from a client".getBytes(StandardCharsets.UTF_8));

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.fcStatus()).hasValue(200);
    assertThat(reply.violations()).isEmpty();
    JsonNode echo = json(reply.text());
    assertThat(echo.path("requestId").asText()).isEqualTo(reply.requestId());
    assertThat(echo.path("platform").asText()).isEqualTo("alibaba-fc");
    assertThat(echo.path("payload").asText()).isEqualTo("from a client");
    assertFcAttributes(echo.path("attributes"));
    assertThat(echo.path("attributes").path("http.method").asText()).isEqualTo("POST");
    assertThat(echo.path("attributes").path("http.path").asText()).isEqualTo("/echo/items");
    assertThat(echo.path("attributes").path("http.query").asText()).isEqualTo("page=2");
    assertThat(echo.path("headers").path("x-request-tag").asText()).isEqualTo("blue");
  }

  @Test
  void the_credentials_are_reachable_by_unwrap_but_are_no_attribute_and_no_header() {
    for (FcReply reply :
        List.of(fc.invoke("event"), fc.http("POST", "/echo", Map.of(), new byte[0]))) {
      // then
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      JsonNode echo = json(reply.text());
      assertThat(echo.path("credentials").asText())
          .as("context.unwrap(FcCredentials.class) for %s", reply)
          .isEqualTo("the fake host's");
      List<String> names = new ArrayList<>();
      echo.path("headers").fieldNames().forEachRemaining(names::add);
      assertThat(names).as("headers the function saw").noneMatch(name -> name.startsWith("x-fc-"));
      assertThat(echo.toString())
          .doesNotContain(FcCredentials.FAKE_ACCESS_KEY_ID)
          .doesNotContain(FcCredentials.FAKE_ACCESS_KEY_SECRET)
          .doesNotContain(FcCredentials.FAKE_SECURITY_TOKEN);
      List<String> attributes = new ArrayList<>();
      echo.path("attributes").fieldNames().forEachRemaining(attributes::add);
      assertThat(attributes)
          .noneMatch(name -> name.contains("access") || name.contains("secret"))
          .noneMatch(name -> name.contains("token"));
    }
  }

  @Test
  void a_function_without_a_role_gets_empty_credentials() {
    // when
    FcReply reply = fc.withCredentials(FcCredentials.none()).invoke("event");

    // then
    assertSucceeded(reply);
    assertThat(json(reply.text()).path("credentials").asText()).isEqualTo("empty");
  }

  private static void assertFcAttributes(JsonNode attributes) {
    assertThat(attributes.path("fc.function.name").asText()).isEqualTo("orders-fn");
    assertThat(attributes.path("fc.function.memory").asText()).isEqualTo("1024");
    assertThat(attributes.path("fc.function.timeout").asText()).isEqualTo("30");
    assertThat(attributes.path("fc.function.handler").asText()).isEqualTo("index.handler");
    assertThat(attributes.path("fc.region").asText()).isEqualTo("ap-southeast-1");
    assertThat(attributes.path("fc.account.id").asText()).isEqualTo("1111222233334444");
    assertThat(attributes.path("fc.qualifier").asText()).isEqualTo("prod");
    assertThat(attributes.path("fc.version.id").asText()).isEqualTo("7");
    assertThat(attributes.path("fc.service.name").asText()).isEqualTo("orders-svc");
    assertThat(attributes.path("fc.log.project").asText()).isEqualTo("orders-log-project");
    assertThat(attributes.path("fc.log.store").asText()).isEqualTo("orders-logstore");
    assertThat(attributes.path("fc.retry.count").asText()).isEqualTo("0");
  }
}
