package dev.fn4j.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.azure.worker.SampleFunctions;
import dev.fn4j.azure.worker.WorkerExecutionContext;
import dev.fn4j.azure.worker.WorkerRequest;
import dev.fn4j.azure.worker.WorkerResponse;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.FunctionCatalog;
import dev.fn4j.core.platform.Environment;
import dev.fn4j.function.InvocationContext;
import dev.fn4j.function.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code ExecutionContext} as the neutral invocation context. */
class AzureFunctionsContextTest {

  static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  static final String HEADER_TRACEPARENT =
      "00-11111111111111111111111111111111-2222222222222222-01";

  final List<Object> received = new ArrayList<>();

  AzureFunctions functions(Map<String, String> environment) {
    return new AzureFunctions(
        FunctionRuntime.of(
            Environment.of(environment), FunctionCatalog.of(SampleFunctions.registrar(received))));
  }

  /** Calls the {@code context} function over HTTP and reads its {@code key=value} lines. */
  Map<String, String> httpContext(WorkerRequest request, WorkerExecutionContext context) {
    WorkerResponse response = (WorkerResponse) functions(Map.of()).http(request, context);
    assertThat(response.getStatusCode()).isEqualTo(200);
    Map<String, String> values = new java.util.TreeMap<>();
    for (String line : response.text().split("\n")) {
      int equals = line.indexOf('=');
      values.put(line.substring(0, equals), line.substring(equals + 1));
    }
    return values;
  }

  @Test
  void an_http_invocation_carries_the_invocation_id_function_name_and_request() {
    Map<String, String> context =
        httpContext(
            WorkerRequest.post("/api/context?x=1&y=two", "hi", "traceparent", HEADER_TRACEPARENT),
            WorkerExecutionContext.of("3f0b-invocation", "fn4j-http"));

    assertThat(context)
        .containsEntry("requestId", "3f0b-invocation")
        .containsEntry("platform", "azure-functions")
        .containsEntry("azure.function.name", "fn4j-http")
        .containsEntry("azure.trigger", "http")
        .containsEntry("http.method", "POST")
        .containsEntry("http.path", "/api/context")
        .containsEntry("http.query", "x=1&y=two")
        .containsEntry("unwrap.ExecutionContext", "3f0b-invocation")
        .containsEntry("unwrap.HttpRequestMessage", "/api/context")
        // Without a trace context from the worker, the request's traceparent header.
        .containsEntry("traceparent", HEADER_TRACEPARENT);
    assertThat(context).doesNotContainKeys("azure.retry.count", "http.query.y");
  }

  @Test
  void the_workers_trace_context_wins_over_the_request_headers() {
    Map<String, String> context =
        httpContext(
            WorkerRequest.post("/api/context", "hi", "traceparent", HEADER_TRACEPARENT),
            WorkerExecutionContext.of("inv-2", "fn4j-http").withTrace(TRACEPARENT, "az=1"));
    assertThat(context)
        .containsEntry("traceparent", TRACEPARENT)
        .containsEntry("tracestate", "az=1");
  }

  @Test
  void an_empty_trace_context_counts_as_none() {
    Map<String, String> context =
        httpContext(
            WorkerRequest.post("/api/context", "hi"),
            WorkerExecutionContext.of("inv-3", "fn4j-http").withTrace("", ""));
    assertThat(context).containsEntry("traceparent", "-").containsEntry("tracestate", "-");
  }

  @Test
  void a_retry_context_is_in_the_attributes() {
    Map<String, String> context =
        httpContext(
            WorkerRequest.post("/api/context", "hi"),
            WorkerExecutionContext.of("inv-4", "fn4j-http").withRetry(2, 5));
    assertThat(context)
        .containsEntry("azure.retry.count", "2")
        .containsEntry("azure.retry.max", "5");
  }

  @Test
  void an_event_invocation_carries_the_same_values_and_the_execution_context_itself() {
    WorkerExecutionContext worker =
        WorkerExecutionContext.of("inv-queue-9", "fn4j-queue").withTrace(TRACEPARENT, null);
    functions(Map.of("FN4J_FUNCTION", "messages")).queue("hello", worker);

    assertThat(received).hasSize(1);
    InvocationContext context = ((Message<?>) received.get(0)).context();
    assertThat(context.requestId()).isEqualTo("inv-queue-9");
    assertThat(context.platform()).isEqualTo(CustomHandlerPlatform.ID);
    assertThat(context.attributes())
        .containsEntry("azure.function.name", "fn4j-queue")
        .containsEntry("azure.trigger", "queue");
    assertThat(context.trace().traceparent()).contains(TRACEPARENT);
    assertThat(context.trace().tracestate()).isEmpty();
    assertThat(context.unwrap(com.microsoft.azure.functions.ExecutionContext.class))
        .containsSame(worker);
  }

  @Test
  void without_an_invocation_id_a_request_id_is_made() {
    functions(Map.of("FN4J_FUNCTION", "messages"))
        .serviceBus("hello", WorkerExecutionContext.of(null, "fn4j-servicebus"));
    InvocationContext context = ((Message<?>) received.get(0)).context();
    assertThat(context.requestId()).isNotBlank();
    assertThat(context.attributes()).containsEntry("azure.trigger", "servicebus");
  }
}
