package dev.fn4j.azure.handler;

import static dev.fn4j.azure.handler.HandlerServer.json;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.testkit.AzureFunctionsHostFake;
import dev.fn4j.testkit.AzureHttpResponse;
import dev.fn4j.testkit.AzurePayloadStyle;
import dev.fn4j.testkit.AzureReply;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * HTTP triggers in the default (payload) protocol: the host POSTs {@code Data.req} to {@code
 * /{FunctionName}} and the handler answers the HTTP response in {@code Outputs.res}, failures
 * included (DESIGN.md §6: the status and a problem body, never a stack trace), always with a 2xx
 * status of its own so that the host passes the response on.
 */
class HttpTriggerTest {

  private static final Map<String, List<String>> TEXT =
      Map.of("Content-Type", List.of("text/plain; charset=utf-8"));
  private static final Map<String, List<String>> JSON_TYPE =
      Map.of("Content-Type", List.of("application/json"));

  private static HandlerServer server;

  @BeforeAll
  static void start() {
    server = HandlerServer.start(new HandlerFunctions());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static AzureFunctionsHostFake host(AzurePayloadStyle style) {
    return server.host().withStyle(style);
  }

  /** Asserts the host would pass the response on, and returns it. */
  static AzureHttpResponse res(AzureReply reply) {
    assertThat(HandlerServer.violations(reply)).as("%s", reply).isEmpty();
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.output("res")).as("%s", reply).isPresent();
    assertThat(reply.returnValue()).as("%s", reply).isEmpty();
    return reply.httpResponse().orElseThrow();
  }

  /** Asserts a problem answer: status, problem JSON, no stack trace, no secret. */
  static JsonNode problem(AzureReply reply, int status) {
    AzureHttpResponse res = res(reply);
    assertThat(res.statusCode()).as("%s", reply).isEqualTo(status);
    assertThat(res.header("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json(res.bodyText());
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(reply.text()).doesNotContain(HandlerFunctions.SECRET).doesNotContain("\tat ");
    return problem;
  }

  @Test
  void readiness_is_answered_on_get_root() {
    AzureReply ready = server.host().awaitReady(Duration.ofSeconds(5));

    assertThat(ready.status()).isEqualTo(200);
    assertThat(json(ready.text()).path("status").asText()).isEqualTo("UP");
    assertThat(ready.violations()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(AzurePayloadStyle.class)
  void the_azure_function_name_picks_the_function_whatever_the_path(AzurePayloadStyle style) {
    AzureReply reply =
        host(style)
            .http(
                "greet",
                "POST",
                "/api/orders/7?x=1",
                JSON_TYPE,
                "{\"name\":\"Azure\"}".getBytes(UTF_8));

    AzureHttpResponse res = res(reply);
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
    assertThat(json(res.bodyText()).path("message").asText()).isEqualTo("Hello, Azure");
  }

  @ParameterizedTest
  @EnumSource(AzurePayloadStyle.class)
  void a_catch_all_azure_function_routes_by_the_path_below_api(AzurePayloadStyle style) {
    AzureReply upper =
        host(style)
            .http("fn4j-http", "POST", "/api/uppercase/more?x=1", TEXT, "hello".getBytes(UTF_8));
    AzureReply echo =
        host(style)
            .http(
                "fn4j-http",
                "POST",
                "/api/echo/sub/path?a=1&b=two",
                Map.of("Content-Type", List.of("text/plain"), "X-Client", List.of("c1", "c2")),
                "ping".getBytes(UTF_8));

    assertThat(res(upper).bodyText()).isEqualTo("HELLO");
    JsonNode got = json(res(echo).bodyText());
    assertThat(got.path("payload").asText()).isEqualTo("ping");
    assertThat(got.path("platform").asText()).isEqualTo("azure-functions");
    JsonNode attributes = got.path("attributes");
    assertThat(attributes.path("http.method").asText()).isEqualTo("POST");
    assertThat(attributes.path("http.path").asText()).isEqualTo("/echo/sub/path");
    assertThat(attributes.path("http.query").asText()).isEqualTo("a=1&b=two");
    assertThat(attributes.path("azure.function.name").asText()).isEqualTo("fn4j-http");
    assertThat(got.path("headers").path("x-client").asText()).isEqualTo("c1, c2");
    String randGuid =
        json(echo.invocation().payload()).path("Metadata").path("sys").path("RandGuid").asText();
    assertThat(got.path("requestId").asText()).as("the host's RandGuid").isEqualTo(randGuid);
  }

  @Test
  void status_multi_value_headers_cookies_and_body_go_into_outputs_res() {
    AzureReply reply =
        server.host().http("created", "POST", "/api/created", TEXT, "x".getBytes(UTF_8));

    AzureHttpResponse res = res(reply);
    assertThat(res.statusCode()).isEqualTo(201);
    assertThat(res.headers().get("X-Tag")).containsExactly("first", "second");
    assertThat(res.headers().get("Set-Cookie")).containsExactly("session=abc123", "theme=dark");
    assertThat(res.header("Content-Type")).hasValue("text/plain; charset=UTF-8");
    assertThat(res.body()).isEqualTo("created x");
    JsonNode written = json(reply.text()).path("Outputs").path("res");
    assertThat(written.path("statusCode").isNumber()).as("statusCode is a number").isTrue();
    assertThat(written.path("headers").path("X-Tag").isArray()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(AzurePayloadStyle.class)
  void a_binary_body_arrives_decoded_and_leaves_in_base64(AzurePayloadStyle style) {
    byte[] bytes = {0, 1, 2, (byte) 0xff, (byte) 0xfe, (byte) 0x80, '\n', 'z'};

    AzureReply reply =
        host(style)
            .http(
                "reverse",
                "POST",
                "/api/reverse",
                Map.of("Content-Type", List.of("application/octet-stream")),
                bytes);

    AzureHttpResponse res = res(reply);
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.header("Content-Type")).hasValue("application/octet-stream");
    assertThat(Base64.getDecoder().decode(res.bodyText()))
        .isEqualTo(HandlerFunctions.reverse(bytes));
  }

  @Test
  void a_supplier_answers_get() {
    AzureHttpResponse res = res(server.host().http("status", "GET", "/api/status"));

    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(json(res.bodyText()).path("up").asBoolean()).isTrue();
  }

  @Test
  void an_unknown_function_is_a_404_in_res() {
    JsonNode problem =
        problem(
            server.host().http("fn4j-http", "POST", "/api/nosuch", TEXT, "x".getBytes(UTF_8)), 404);

    assertThat(problem.path("detail").asText()).contains("nosuch");
  }

  @Test
  void a_wrong_method_is_a_405_in_res() {
    problem(server.host().http("status", "POST", "/api/status", TEXT, "x".getBytes(UTF_8)), 405);
  }

  @Test
  void a_405_in_res_names_the_allowed_method() {
    AzureReply reply =
        server.host().http("status", "POST", "/api/status", TEXT, "x".getBytes(UTF_8));

    assertThat(res(reply).header("Allow")).hasValue("GET");
  }

  @Test
  void an_undecodable_body_is_a_400_naming_the_function_and_phase() {
    JsonNode problem =
        problem(
            server
                .host()
                .http("greet", "POST", "/api/greet", JSON_TYPE, "{not json".getBytes(UTF_8)),
            400);

    assertThat(problem.path("function").asText()).isEqualTo("greet");
    assertThat(problem.path("phase").asText()).isEqualTo("DECODE");
  }

  @Test
  void a_failing_function_is_a_500_without_its_message_and_the_failure_is_in_logs() {
    AzureReply reply = server.host().http("fail", "POST", "/api/fail", TEXT, "x".getBytes(UTF_8));

    JsonNode problem = problem(reply, 500);
    assertThat(problem.path("phase").asText()).isEqualTo("INVOKE");
    assertThat(problem.path("requestId").asText())
        .isEqualTo(
            json(reply.invocation().payload())
                .path("Metadata")
                .path("sys")
                .path("RandGuid")
                .asText());
    assertThat(reply.logs()).hasSize(1);
    assertThat(reply.logs().get(0))
        .contains("fail", "INVOKE")
        .doesNotContain(HandlerFunctions.SECRET);
  }

  @Test
  void what_the_function_logs_is_in_logs() {
    AzureReply reply =
        server.host().http("logging", "POST", "/api/logging", TEXT, "hi".getBytes(UTF_8));

    assertThat(res(reply).bodyText()).isEqualTo("logged");
    assertThat(reply.logs())
        .contains("INFO: " + HandlerFunctions.LOGGED + "hi", "WARNING: second line");
  }

  @Test
  void no_answer_carries_a_stack_trace_or_the_storage_key() {
    for (AzureReply reply :
        List.of(
            server.host().http("fail", "POST", "/api/fail"),
            server.host().http("greet", "POST", "/api/greet", JSON_TYPE, "[".getBytes(UTF_8)),
            server.host().http("fn4j-http", "DELETE", "/api/"),
            server.host().http("fn4j-http", "GET", "/api/uppercase"))) {
      assertThat(HandlerServer.violations(reply)).as("%s", reply).isEmpty();
      assertThat(reply.text()).doesNotContain(AzureFunctionsHostFake.FAKE_STORAGE_ACCOUNT_KEY);
    }
  }
}
