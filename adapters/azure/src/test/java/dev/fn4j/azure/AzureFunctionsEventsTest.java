package dev.fn4j.azure;

import static dev.fn4j.azure.worker.SampleFunctions.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.azure.worker.SampleFunctions;
import dev.fn4j.azure.worker.SampleFunctions.BlobCreated;
import dev.fn4j.azure.worker.SampleFunctions.Order;
import dev.fn4j.azure.worker.WorkerExecutionContext;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.FunctionCatalog;
import dev.fn4j.core.platform.Environment;
import dev.fn4j.function.FunctionRegistrar;
import dev.fn4j.function.Message;
import dev.fn4j.function.TypeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Java worker's queue, Service Bus, timer and Event Grid triggers: routing and decoding. */
class AzureFunctionsEventsTest {

  static final String ROUTES =
      "queue=orders,servicebus=texts,timer=tick,"
          + "Microsoft.Storage.BlobCreated=blobCreated,com.example.order.shipped=shipped";

  final List<Object> received = new ArrayList<>();

  AzureFunctions functions(Map<String, String> environment) {
    return functions(environment, SampleFunctions.registrar(received));
  }

  static AzureFunctions functions(Map<String, String> environment, FunctionRegistrar registrar) {
    return new AzureFunctions(
        FunctionRuntime.of(Environment.of(environment), FunctionCatalog.of(registrar)));
  }

  static WorkerExecutionContext context(String functionName) {
    return WorkerExecutionContext.of("inv-1", functionName);
  }

  @Test
  void a_queue_message_goes_to_the_function_mapped_to_queue_and_binds_to_its_record() {
    functions(Map.of("FN4J_ROUTING_TYPES", ROUTES))
        .queue(event("queue/order.json"), context("fn4j-queue"));
    assertThat(received).containsExactly(new Order("pen", 2));
  }

  @Test
  void a_service_bus_message_is_text_for_a_string_function_never_parsed() {
    functions(Map.of("FN4J_ROUTING_TYPES", ROUTES))
        .serviceBus("{\"not\": \"parsed\"}", context("fn4j-servicebus"));
    assertThat(received).containsExactly("{\"not\": \"parsed\"}");
  }

  @Test
  void the_timer_info_is_json_for_a_map_function() {
    functions(Map.of("FN4J_ROUTING_TYPES", ROUTES))
        .timer(event("timer/timer-info.json"), context("fn4j-timer"));
    assertThat(received).hasSize(1);
    @SuppressWarnings("unchecked")
    Map<String, Object> timer = (Map<String, Object>) received.get(0);
    assertThat(timer).containsEntry("IsPastDue", false).containsKey("ScheduleStatus");
    assertThat(timer.get("Schedule")).isEqualTo(Map.of("AdjustForDST", true));
  }

  @Test
  void a_supplier_on_a_timer_is_called_without_input() {
    List<String> calls = new ArrayList<>();
    functions(
            Map.of(),
            registry ->
                registry.supplier(
                    "cleanup",
                    TypeRef.of(String.class),
                    () -> {
                      calls.add("ran");
                      return "done";
                    }))
        .timer(event("timer/timer-info.json"), context("fn4j-timer"));
    assertThat(calls).containsExactly("ran");
  }

  @Test
  void with_one_function_every_trigger_goes_to_it() {
    List<String> seen = new ArrayList<>();
    AzureFunctions functions =
        functions(
            Map.of(), registry -> registry.consumer("only", TypeRef.of(String.class), seen::add));
    functions.queue("q", context("fn4j-queue"));
    functions.serviceBus("s", context("fn4j-servicebus"));
    functions.timer("{\"IsPastDue\":true}", context("fn4j-timer"));
    assertThat(seen).containsExactly("q", "s", "{\"IsPastDue\":true}");
  }

  @Test
  void fn4j_function_wins_over_the_routing_keys() {
    functions(Map.of("FN4J_ROUTING_TYPES", ROUTES, "FN4J_FUNCTION", "texts"))
        .queue("plain", context("fn4j-queue"));
    assertThat(received).containsExactly("plain");
  }

  @Test
  void a_function_named_like_the_key_gets_it() {
    List<String> seen = new ArrayList<>();
    functions(
            Map.of(),
            registry ->
                registry
                    .consumer("queue", TypeRef.of(String.class), seen::add)
                    .consumer("other", TypeRef.of(String.class), s -> {}))
        .queue("named", context("fn4j-queue"));
    assertThat(seen).containsExactly("named");
  }

  @Test
  void an_event_grid_schema_event_is_routed_by_its_event_type_and_its_data_bound() {
    functions(Map.of("FN4J_ROUTING_TYPES", ROUTES))
        .eventGrid(
            event("eventgrid/blob-created.eventgrid-schema.json"), context("fn4j-eventgrid"));

    assertThat(received).hasSize(1);
    @SuppressWarnings("unchecked")
    Message<BlobCreated> message = (Message<BlobCreated>) received.get(0);
    assertThat(message.payload())
        .isEqualTo(
            new BlobCreated(
                "PutBlob", "https://fn4jdata.blob.core.windows.net/uploads/report.csv", 2048));
    // The Event Grid schema's names, in CloudEvents terms.
    assertThat(message.headers().first("ce-type")).contains("Microsoft.Storage.BlobCreated");
    assertThat(message.headers().first("ce-id")).contains("4f0c2a61-7b1e-4d3a-9e55-1c2b3a4d5e6f");
    assertThat(message.headers().first("ce-source"))
        .hasValueSatisfying(source -> assertThat(source).endsWith("/storageAccounts/fn4jdata"));
    assertThat(message.headers().first("ce-subject"))
        .contains("/blobServices/default/containers/uploads/blobs/report.csv");
    assertThat(message.headers().first("ce-time")).contains("2025-03-14T09:26:53.5897932Z");
    assertThat(message.headers().first("ce-eventgridschema")).contains("eventgrid");
    assertThat(message.context().attributes())
        .containsEntry("ce.type", "Microsoft.Storage.BlobCreated")
        .containsEntry("ce.metadataversion", "1")
        .containsEntry("azure.trigger", "eventgrid");
  }

  @Test
  void a_cloudevents_schema_event_is_routed_by_its_type_with_its_trace_context() {
    functions(Map.of("FN4J_ROUTING_TYPES", ROUTES))
        .eventGrid(
            event("eventgrid/order-shipped.cloudevents-schema.json"), context("fn4j-eventgrid"));

    assertThat(received).hasSize(1);
    @SuppressWarnings("unchecked")
    Message<Order> message = (Message<Order>) received.get(0);
    assertThat(message.payload()).isEqualTo(new Order("pen", 3));
    assertThat(message.headers().first("Content-Type")).contains("application/json");
    assertThat(message.headers().first("ce-type")).contains("com.example.order.shipped");
    assertThat(message.headers().first("ce-subject")).contains("orders/42");
    assertThat(message.context().trace().traceparent())
        .contains("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
  }

  @Test
  void a_function_named_like_the_event_type_gets_it() {
    List<String> seen = new ArrayList<>();
    functions(
            Map.of(),
            registry ->
                registry
                    .consumer("com.example.order.shipped", TypeRef.of(String.class), seen::add)
                    .consumer("other", TypeRef.of(String.class), s -> {}))
        .eventGrid(
            event("eventgrid/order-shipped.cloudevents-schema.json"), context("fn4j-eventgrid"));
    assertThat(seen).containsExactly("{\"item\":\"pen\",\"quantity\":3}");
  }

  @Test
  void an_array_of_events_is_one_call_per_event_in_order() {
    functions(Map.of("FN4J_ROUTING_TYPES", ROUTES))
        .eventGrid(
            event("eventgrid/two-blobs-created.eventgrid-schema.json"), context("fn4j-eventgrid"));
    assertThat(received)
        .extracting(m -> ((Message<?>) m).headers().first("ce-id").orElseThrow())
        .containsExactly("event-a", "event-b");
  }

  @Test
  void an_empty_message_is_an_empty_payload() {
    functions(Map.of("FN4J_FUNCTION", "texts")).queue(null, context("fn4j-queue"));
    functions(Map.of("FN4J_FUNCTION", "texts")).queue("", context("fn4j-queue"));
    assertThat(received).containsExactly("", "");
  }
}
