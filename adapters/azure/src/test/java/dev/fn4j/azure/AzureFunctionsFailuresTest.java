package dev.fn4j.azure;

import static dev.fn4j.azure.worker.SampleFunctions.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.function.Consumer;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DESIGN.md §6 on the Java worker: HTTP answers the phase's status with a problem body; the other
 * triggers throw a failure without cause or stack frames; nothing carries a stack trace or the
 * function's exception message, in the response, the exception or the invocation's log.
 */
class AzureFunctionsFailuresTest {

  static final ObjectMapper JSON = new ObjectMapper();

  final List<Object> received = new ArrayList<>();

  AzureFunctions functions(Map<String, String> environment) {
    return new AzureFunctions(
        FunctionRuntime.of(
            Environment.of(environment), FunctionCatalog.of(SampleFunctions.registrar(received))));
  }

  @ParameterizedTest(name = "{0} {1} -> {3} ({4})")
  @CsvSource({
    "POST, /api/nosuch, '', 404, ROUTE",
    "GET, /api/uppercase, '', 405, ROUTE",
    "POST, /api/, '', 404, ROUTE",
    "POST, /api/order, 'not json', 400, DECODE",
    "POST, /api/order, '{\"item\":\"pen\",\"quantity\":\"many\"}', 400, DECODE",
    "POST, /api/boom, 'x', 500, INVOKE",
    "POST, /api/unencodable, 'x', 500, ENCODE",
  })
  void http_failures_answer_the_status_of_their_phase_with_a_problem_body(
      String method, String path, String body, int status, String phase) throws Exception {
    WorkerExecutionContext context = WorkerExecutionContext.of("inv-42", "fn4j-http");
    WorkerResponse response =
        (WorkerResponse)
            functions(Map.of())
                .http(
                    WorkerRequest.of(
                        method,
                        path,
                        body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "Content-Type",
                        "application/json"),
                    context);

    assertThat(response.getStatusCode()).isEqualTo(status);
    assertThat(response.header("Content-Type")).contains("application/problem+json");
    assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
    JsonNode problem = JSON.readTree(response.text());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("phase").asText()).isEqualTo(phase);
    assertThat(problem.get("requestId").asText()).isEqualTo("inv-42");
    assertThat(problem.get("type").asText()).startsWith("urn:fn4j:problem:");
    assertNothingLeaks(response.text());

    // One line in the invocation's log, at WARNING for 5xx and INFO otherwise.
    assertThat(context.records()).hasSize(1);
    assertThat(context.records().get(0).getLevel())
        .isEqualTo(status >= 500 ? Level.WARNING : Level.INFO);
    assertThat(context.log())
        .contains("[inv-42] " + method + " " + path + " -> " + status)
        .contains("phase " + phase)
        .doesNotContain("\n");
    assertLogLineLeaksNothing(context.log());
  }

  @Test
  void the_problem_names_the_function_that_failed() throws Exception {
    WorkerResponse response =
        (WorkerResponse)
            functions(Map.of())
                .http(
                    WorkerRequest.post("/api/boom", "x"),
                    WorkerExecutionContext.of("inv-1", "fn4j-http"));
    JsonNode problem = JSON.readTree(response.text());
    assertThat(problem.get("function").asText()).isEqualTo("boom");
    assertThat(problem.get("detail").asText())
        .isEqualTo(
            "Function 'boom' failed in phase INVOKE: the function threw "
                + IllegalStateException.class.getName());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "queue: no function is routed, ROUTE",
    "queue: the message is not JSON for a record, DECODE",
    "servicebus: the function threw, INVOKE",
    "timer: the output is not encodable, ENCODE",
    "eventgrid: not JSON, DECODE",
    "eventgrid: not an event, DECODE",
    "eventgrid: no function for the type, ROUTE",
  })
  void event_failures_throw_without_cause_or_stack_frames(String which, String phase) {
    WorkerExecutionContext context = WorkerExecutionContext.of("inv-7", "fn4j-queue");
    Consumer<AzureFunctions> invocation =
        switch (which) {
          case "queue: no function is routed" -> f -> f.queue("hello", context);
          case "queue: the message is not JSON for a record" -> f -> f.queue("{oops", context);
          case "servicebus: the function threw" -> f -> f.serviceBus(SECRET, context);
          case "timer: the output is not encodable" -> f -> f.timer("{}", context);
          case "eventgrid: not JSON" -> f -> f.eventGrid("<xml/>", context);
          case "eventgrid: not an event" -> f -> f.eventGrid("{\"id\":\"1\"}", context);
          case "eventgrid: no function for the type" ->
              f ->
                  f.eventGrid(
                      SampleFunctions.event("eventgrid/blob-created.eventgrid-schema.json"),
                      context);
          default -> throw new AssertionError(which);
        };
    AzureFunctions functions =
        functions(
            which.startsWith("queue: the message")
                ? Map.of("FN4J_FUNCTION", "orders")
                : Map.of("FN4J_ROUTING_TYPES", "servicebus=eventBoom,timer=eventUnencodable"));

    AzureFunctions.InvocationFailedException failure =
        catchThrowableOfType(
            AzureFunctions.InvocationFailedException.class, () -> invocation.accept(functions));

    assertThat(failure).as(which).isNotNull();
    assertThat(failure.phase()).isEqualTo(phase);
    assertThat(failure.getCause()).isNull();
    assertThat(failure.getStackTrace()).isEmpty();
    assertThat(failure.getMessage()).contains("phase " + phase);
    assertNothingLeaks(failure.getMessage());
    assertThat(context.records()).hasSize(1);
    assertThat(context.records().get(0).getLevel()).isEqualTo(Level.WARNING);
    assertThat(context.log()).contains("[inv-7]").contains("phase " + phase);
    assertLogLineLeaksNothing(context.log());
    assertThat(received).isEmpty();
  }

  @Test
  void a_start_up_failure_is_a_500_problem_on_http_and_a_startup_failure_on_events()
      throws Exception {
    AzureFunctions functions =
        new AzureFunctions(
            new WorkerRuntime(null, "fn4j could not start: FN4J_FUNCTION is 'nosuch'"));
    WorkerExecutionContext context = WorkerExecutionContext.of("inv-9", "fn4j-http");

    WorkerResponse response =
        (WorkerResponse) functions.http(WorkerRequest.post("/api/uppercase", "x"), context);
    assertThat(response.getStatusCode()).isEqualTo(500);
    JsonNode problem = JSON.readTree(response.text());
    assertThat(problem.get("phase").asText()).isEqualTo("STARTUP");
    assertThat(response.text()).doesNotContain("nosuch");
    assertThat(context.log()).contains("[inv-9] fn4j could not start: FN4J_FUNCTION is 'nosuch'");
    assertThat(context.records().get(0).getLevel()).isEqualTo(Level.SEVERE);

    AzureFunctions.InvocationFailedException failure =
        catchThrowableOfType(
            AzureFunctions.InvocationFailedException.class,
            () -> functions.queue("x", WorkerExecutionContext.of("inv-10", "fn4j-queue")));
    assertThat(failure.phase()).isEqualTo("STARTUP");
    assertThat(failure.getMessage()).isEqualTo("fn4j could not start: FN4J_FUNCTION is 'nosuch'");
    assertThat(failure.getStackTrace()).isEmpty();
  }

  @Test
  void an_unexpected_failure_is_a_500_problem_on_http_and_an_internal_failure_on_events()
      throws Exception {
    AzureFunctions functions = functions(Map.of("FN4J_FUNCTION", "nothing"));
    WorkerExecutionContext broken =
        WorkerExecutionContext.of("inv-11", "fn4j-http")
            .withTraceFailure(new IllegalStateException(SECRET));

    WorkerResponse response =
        (WorkerResponse) functions.http(WorkerRequest.post("/api/nothing", "x"), broken);
    assertThat(response.getStatusCode()).isEqualTo(500);
    assertThat(JSON.readTree(response.text()).get("title").asText()).isEqualTo("Internal error");
    assertNothingLeaks(response.text());
    assertThat(broken.log())
        .isEqualTo(
            "SEVERE [inv-11] unexpected failure handling POST /api/nothing: "
                + IllegalStateException.class.getName());

    AzureFunctions.InvocationFailedException failure =
        catchThrowableOfType(
            AzureFunctions.InvocationFailedException.class, () -> functions.queue("x", broken));
    assertThat(failure.phase()).isEqualTo("INTERNAL");
    assertThat(failure.getCause()).isNull();
    assertThat(failure.getStackTrace()).isEmpty();
    assertNothingLeaks(failure.getMessage());
    assertThat(received).isEmpty();
  }

  /** A log line may name the throw site (one frame), never the message or a stack trace. */
  static void assertLogLineLeaksNothing(String log) {
    assertThat(log).doesNotContain(SECRET).doesNotContain("\tat ").doesNotContain("\n");
  }

  static void assertNothingLeaks(String text) {
    assertThat(text)
        .doesNotContain(SECRET)
        .doesNotContain("\tat ")
        .doesNotContain(".java:")
        .doesNotContain("Exception:");
  }
}
