package dev.fn4j.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.azure.worker.SampleFunctions;
import dev.fn4j.azure.worker.WorkerExecutionContext;
import dev.fn4j.azure.worker.WorkerRequest;
import dev.fn4j.azure.worker.WorkerResponse;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.FunctionCatalog;
import dev.fn4j.core.platform.Environment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Java worker's HTTP trigger: routing, methods, and the response the function chose. */
class AzureFunctionsHttpTest {

  final List<Object> received = new ArrayList<>();

  AzureFunctions functions(Map<String, String> environment) {
    return new AzureFunctions(
        FunctionRuntime.of(
            Environment.of(environment), FunctionCatalog.of(SampleFunctions.registrar(received))));
  }

  static WorkerResponse call(AzureFunctions functions, WorkerRequest request) {
    return (WorkerResponse)
        functions.http(request, WorkerExecutionContext.of("inv-1", "fn4j-http"));
  }

  WorkerResponse call(WorkerRequest request) {
    return call(functions(Map.of()), request);
  }

  @Test
  void the_path_below_the_route_prefix_names_the_function() {
    WorkerResponse response =
        call(WorkerRequest.post("/api/uppercase", "hello", "Content-Type", "text/plain"));
    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.text()).isEqualTo("HELLO");
    assertThat(response.header("Content-Type")).hasValueSatisfying(t -> t.startsWith("text/plain"));
  }

  @Test
  void a_record_is_read_and_written_as_json() {
    WorkerResponse response =
        call(
            WorkerRequest.post(
                "/api/order",
                "{\"item\":\"pen\",\"quantity\":1}",
                "content-type",
                "application/json"));
    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.text()).isEqualTo("{\"item\":\"pen\",\"quantity\":2}");
    assertThat(response.header("Content-Type")).contains("application/json");
  }

  @Test
  void a_supplier_is_called_with_get_and_a_function_with_get_is_405_with_allow() {
    assertThat(call(WorkerRequest.empty("GET", "/api/fortune")).text()).isEqualTo("luck");

    WorkerResponse wrong = call(WorkerRequest.empty("GET", "/api/uppercase"));
    assertThat(wrong.getStatusCode()).isEqualTo(405);
    assertThat(wrong.header("Allow")).contains("POST");
    assertThat(wrong.header("Content-Type")).contains("application/problem+json");

    WorkerResponse put = call(WorkerRequest.post("/api/fortune", "x").withMethod("PUT"));
    assertThat(put.getStatusCode()).isEqualTo(405);
    assertThat(put.header("Allow")).contains("GET");
  }

  @Test
  void status_multi_value_headers_cookies_and_binary_body_are_written() {
    WorkerResponse response = call(WorkerRequest.post("/api/download", "x"));
    assertThat(response.getStatusCode()).isEqualTo(201);
    assertThat(response.getStatus()).isEqualTo(com.microsoft.azure.functions.HttpStatus.CREATED);
    assertThat(response.getBody()).isInstanceOf(byte[].class);
    assertThat(response.bytes()).containsExactly(0, 1, 0xff, 10);
    assertThat(response.header("Content-Type")).contains("application/octet-stream");
    // The worker's builder keeps one value per name: several values go as one joined line.
    assertThat(response.header("X-Tag")).contains("a, b");
    assertThat(response.header("Set-Cookie")).contains("session=abc; HttpOnly, theme=dark");
    // Headers the server controls are never taken from the function.
    assertThat(response.header("Content-Length")).isEmpty();
  }

  @Test
  void a_status_without_a_library_constant_is_sent_as_a_custom_status() {
    WorkerResponse teapot = call(WorkerRequest.post("/api/teapot", ""));
    assertThat(teapot.getStatus())
        .isEqualTo(com.microsoft.azure.functions.HttpStatus.I_AM_A_TEAPOT);

    WorkerResponse custom = call(WorkerRequest.post("/api/teapot", "299"));
    assertThat(custom.getStatusCode()).isEqualTo(299);
    assertThat(custom.getStatus()).isNotInstanceOf(com.microsoft.azure.functions.HttpStatus.class);
    assertThat(custom.text()).isEqualTo("status 299");
  }

  @Test
  void a_function_that_returns_nothing_answers_204_without_a_body() {
    WorkerResponse response = call(WorkerRequest.post("/api/nothing", "kept"));
    assertThat(response.getStatusCode()).isEqualTo(204);
    assertThat(response.getBody()).isNull();
    assertThat(received).containsExactly("kept");
  }

  @Test
  void head_is_not_a_suppliers_get() {
    WorkerResponse response =
        call(functions(Map.of("FN4J_FUNCTION", "fortune")), WorkerRequest.empty("HEAD", "/api/"));
    // HEAD is not the supplier's GET: the local runner's rule, 405 with Allow.
    assertThat(response.getStatusCode()).isEqualTo(405);
    assertThat(response.header("Allow")).contains("GET");
  }

  @Test
  void the_route_prefix_is_fn4j_azure_route_prefix() {
    AzureFunctions functions = functions(Map.of("FN4J_AZURE_ROUTE_PREFIX", "/fn/"));
    assertThat(call(functions, WorkerRequest.post("/fn/uppercase", "a")).text()).isEqualTo("A");
    // Outside the prefix the whole path routes: "api" is no function.
    assertThat(call(functions, WorkerRequest.post("/api/uppercase", "a")).getStatusCode())
        .isEqualTo(404);

    AzureFunctions noPrefix = functions(Map.of("FN4J_AZURE_ROUTE_PREFIX", "/"));
    assertThat(call(noPrefix, WorkerRequest.post("/uppercase", "b")).text()).isEqualTo("B");
  }

  @Test
  void the_prefix_alone_calls_the_selected_function_and_the_selection_wins_over_the_path() {
    AzureFunctions selected = functions(Map.of("FN4J_FUNCTION", "uppercase"));
    assertThat(call(selected, WorkerRequest.post("/api", "x")).text()).isEqualTo("X");
    assertThat(call(selected, WorkerRequest.post("/api/", "y")).text()).isEqualTo("Y");
    assertThat(call(selected, WorkerRequest.post("/api/order", "z")).text()).isEqualTo("Z");
  }

  @Test
  void a_composition_is_named_in_the_path() {
    assertThat(call(WorkerRequest.post("/api/uppercase,teapot", "")).text()).isEqualTo("status ");
  }
}
