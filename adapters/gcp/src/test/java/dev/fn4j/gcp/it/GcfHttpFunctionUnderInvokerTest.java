package dev.fn4j.gcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code dev.fn4j.gcp.GcfHttpFunction} under Google's real invoker, deployed as a user deploys it
 * ({@code FUNCTION_TARGET=dev.fn4j.gcp.GcfHttpFunction}, several functions, none selected): routing
 * by path, the function's reply written to the invoker's response, and DESIGN.md §6's failure table
 * answered with problem bodies that hold neither a stack trace nor a function's exception message.
 */
class GcfHttpFunctionUnderInvokerTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};
  private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};

  /** The body limit of this deployment, so that the 413 needs only a small body. */
  private static final int MAX_BODY_BYTES = 4096;

  private static InvokerProcess invoker;

  @BeforeAll
  static void startInvoker() {
    invoker =
        InvokerProcess.start(
            InvokerProcess.HTTP_TARGET,
            Map.of("FN4J_MAX_BODY_BYTES", Integer.toString(MAX_BODY_BYTES)));
  }

  @AfterAll
  static void stopInvoker() {
    if (invoker != null) {
      invoker.close();
    }
  }

  private static HttpResponse<byte[]> post(String path, String contentType, String body) {
    return invoker.send(
        invoker
            .request(path)
            .header("Content-Type", contentType)
            .POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build());
  }

  private static HttpResponse<byte[]> get(String path) {
    return invoker.send(invoker.request(path).GET().build());
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private static JsonNode json(HttpResponse<byte[]> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text(response), e);
    }
  }

  /** Checks a problem answer: status, content type, and the fields DESIGN.md §6 asks for. */
  private static JsonNode assertProblem(
      HttpResponse<byte[]> response, int status, String function, String phase) {
    assertThat(response.statusCode()).as("status of %s", text(response)).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json(response);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("phase").asText()).isEqualTo(phase);
    if (function != null) {
      assertThat(problem.path("function").asText()).isEqualTo(function);
    }
    assertThat(problem.path("detail").asText()).isNotBlank();
    assertThat(text(response))
        .as("no stack trace, no exception message of the function")
        .doesNotContain(InvokerFunctions.SECRET)
        .doesNotContain("\tat ")
        .doesNotContain("at dev.fn4j");
    return problem;
  }

  @Test
  void a_text_function_is_routed_by_path_and_answers_text() {
    HttpResponse<byte[]> response = post("/uppercase", "text/plain; charset=utf-8", "hello");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(text(response)).isEqualTo("HELLO");
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
  }

  @Test
  void a_path_below_a_function_s_name_is_routed_to_it_and_the_query_is_kept() {
    HttpResponse<byte[]> response = post("/context/orders/42?page=2", "text/plain", "x");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode attributes = json(response).path("attributes");
    assertThat(attributes.path("http.path").asText()).isEqualTo("/context/orders/42");
    assertThat(attributes.path("http.query").asText()).isEqualTo("page=2");
  }

  @Test
  void a_record_function_reads_and_writes_json() {
    HttpResponse<byte[]> response =
        post("/greet", "application/json", "{\"name\":\"Ada\",\"language\":\"de\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(json(response)).isEqualTo(JSON.createObjectNode().put("message", "Hallo, Ada"));
  }

  @Test
  void a_supplier_answers_get() {
    HttpResponse<byte[]> response = get("/fortune");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(text(response)).isEqualTo("a fortune for GET");
  }

  @Test
  void the_root_path_with_several_functions_and_none_selected_is_a_404_problem() {
    JsonNode problem = assertProblem(post("/", "text/plain", "x"), 404, null, "ROUTE");

    assertThat(problem.path("detail").asText()).contains("none is selected");
  }

  @Test
  void an_unknown_function_is_a_404_problem_naming_it() {
    assertProblem(post("/no-such-function", "text/plain", "x"), 404, "no-such-function", "ROUTE");
  }

  @Test
  void a_function_called_with_the_wrong_method_is_a_405_with_allow() {
    HttpResponse<byte[]> getFunction = get("/uppercase");
    HttpResponse<byte[]> postSupplier = post("/fortune", "text/plain", "x");

    assertProblem(getFunction, 405, "uppercase", "ROUTE");
    assertThat(getFunction.headers().allValues("Allow")).containsExactly("POST");
    assertProblem(postSupplier, 405, "fortune", "ROUTE");
    assertThat(postSupplier.headers().allValues("Allow")).containsExactly("GET");
  }

  @Test
  void undecodable_json_is_a_400_problem_naming_function_and_phase_decode() {
    HttpResponse<byte[]> response = post("/greet", "application/json", "{\"name\":");

    assertProblem(response, 400, "greet", "DECODE");
  }

  @Test
  void a_body_over_the_limit_is_a_413_problem() {
    HttpResponse<byte[]> response =
        post("/uppercase", "text/plain", "x".repeat(MAX_BODY_BYTES + 1));

    assertProblem(response, 413, "uppercase", "DECODE");
  }

  @Test
  void a_function_that_throws_is_a_500_problem_without_stack_trace_or_its_message() {
    InvokerProcess.LogMark mark = invoker.logMark();

    HttpResponse<byte[]> response = post("/uppercase", "text/plain", InvokerFunctions.BOOM);

    JsonNode problem = assertProblem(response, 500, "uppercase", "INVOKE");
    assertThat(problem.path("detail").asText()).doesNotContain("refuses");
    String log = invoker.logAfter(mark, "POST /uppercase -> 500");
    assertThat(log)
        .as("the invoker's log after the request")
        .contains("POST /uppercase -> 500")
        .doesNotContain("\tat ")
        .doesNotContain("(GcfHttpFunction.java:")
        .doesNotContain(InvokerFunctions.SECRET);
    // fn4j's core logs a user failure in one record with the exception's type and where it was
    // thrown (FunctionException.toLogLine), not its message; the invoker never sees it.
    assertThat(log.lines().filter(line -> line.contains("(InvokerFunctions.java:")))
        .as("log records naming where the function threw")
        .singleElement()
        .asString()
        .contains("POST /uppercase -> 500");
  }

  @Test
  void an_answer_that_cannot_be_encoded_is_a_500_problem_in_phase_encode() {
    HttpResponse<byte[]> response = post("/unencodable", "text/plain", "x");

    assertProblem(response, 500, "unencodable", "ENCODE");
  }

  @Test
  void an_http_reply_sets_status_multi_value_headers_a_cookie_and_a_binary_body() {
    HttpResponse<byte[]> response = post("/download", "text/plain", "file");

    assertThat(response.statusCode()).isEqualTo(InvokerFunctions.DOWNLOAD_STATUS);
    assertThat(response.headers().allValues("X-Tag")).containsExactly("first", "second");
    assertThat(response.headers().allValues("Set-Cookie"))
        .containsExactly("session=s-123; Path=/; HttpOnly");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    assertThat(response.body()).isEqualTo(InvokerFunctions.downloadBody());
    assertThat(response.headers().firstValueAsLong("Content-Length"))
        .hasValue(InvokerFunctions.downloadBody().length);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/favicon.ico", "/robots.txt"})
  void favicon_and_robots_are_404_as_google_s_contract_says(String path) {
    HttpResponse<byte[]> get = get(path);
    HttpResponse<byte[]> post = post(path, "text/plain", "x");

    assertThat(get.statusCode()).isEqualTo(404);
    assertThat(post.statusCode()).isEqualTo(404);
  }

  @Test
  void the_context_shows_the_platform_the_request_and_the_deployment() {
    HttpRequest request =
        invoker
            .request("/context?a=b&c=d")
            .header("Content-Type", "text/plain")
            .header("Function-Execution-Id", "exec-42")
            .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
            .header("X-Cloud-Trace-Context", "105445aa7843bc8bf206b12000100000/1;o=1")
            .header("X-Multi", "one")
            .header("X-Multi", "two")
            .POST(BodyPublishers.ofString("body"))
            .build();

    HttpResponse<byte[]> response = invoker.send(request);

    assertThat(response.statusCode()).as("%s", text(response)).isEqualTo(200);
    JsonNode seen = json(response);
    assertThat(seen.path("platform").asText()).isEqualTo("gcp-functions");
    assertThat(seen.path("requestId").asText()).isEqualTo("exec-42");
    assertThat(seen.path("functionName").asText()).isEqualTo("context");
    assertThat(seen.path("traceParent").asText())
        .isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    assertThat(seen.path("platformTraceId").asText())
        .isEqualTo("105445aa7843bc8bf206b12000100000/1;o=1");
    assertThat(seen.path("rawHttpRequest").asBoolean()).as("unwrap(HttpRequest)").isTrue();
    assertThat(seen.path("body").asText()).isEqualTo("body");
    assertThat(seen.path("jackson").asText())
        .as("the function's Jackson is fn4j's, not the one inside the invoker's jar")
        .isEqualTo(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
    assertThat(JSON.convertValue(seen.path("attributes"), STRING_MAP))
        .containsEntry("gcp.function.target", InvokerProcess.HTTP_TARGET)
        .containsEntry("gcp.service", "fn4j-it")
        .containsEntry("gcp.revision", "fn4j-it-00001")
        .containsEntry("gcp.project", "fn4j-test-project")
        .containsEntry("http.method", "POST")
        .containsEntry("http.path", "/context")
        .containsEntry("http.query", "a=b&c=d");
    assertThat(JSON.convertValue(seen.path("headers").path("x-multi"), STRING_LIST))
        .containsExactly("one", "two");
  }

  @Test
  void without_an_execution_id_each_request_gets_its_own_id() {
    HttpResponse<byte[]> first = post("/context", "text/plain", "1");
    HttpResponse<byte[]> second = post("/context", "text/plain", "2");

    String firstId = json(first).path("requestId").asText();
    String secondId = json(second).path("requestId").asText();
    assertThat(firstId).isNotBlank();
    assertThat(secondId).isNotBlank().isNotEqualTo(firstId);
  }

  @Test
  void the_invoker_keeps_serving_after_failures() {
    post("/uppercase", "text/plain", InvokerFunctions.BOOM);
    post("/greet", "application/json", "not json");

    HttpResponse<byte[]> response = post("/uppercase", "text/plain", "still here");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(text(response)).isEqualTo("STILL HERE");
    assertThat(invoker.process().isAlive()).isTrue();
  }
}
