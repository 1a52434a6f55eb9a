package dev.fn4j.azure;

import com.microsoft.azure.functions.ExecutionContext;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.Composition;
import dev.fn4j.core.convert.JsonCodec;
import dev.fn4j.core.convert.JsonTree;
import dev.fn4j.core.convert.MediaTypes;
import dev.fn4j.core.convert.Payload;
import dev.fn4j.core.dispatch.FunctionException;
import dev.fn4j.core.dispatch.FunctionRequest;
import dev.fn4j.core.dispatch.FunctionResult;
import dev.fn4j.function.Headers;
import dev.fn4j.function.InvocationContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

/**
 * The Java worker's event triggers. Each is routed by a key ({@code FN4J_FUNCTION}, else the
 * function {@code FN4J_ROUTING_TYPES} maps the key to, else the function named like the key, else
 * the only function) and decoded by the function's declared type through the core dispatcher:
 *
 * <table>
 *   <caption>Triggers</caption>
 *   <tr><th>trigger</th><th>routing key</th><th>payload</th></tr>
 *   <tr><td>Storage queue</td><td>{@code queue}</td><td>the message text, unlabelled: text for a
 *       {@code String}, JSON for a record</td></tr>
 *   <tr><td>Service Bus queue</td><td>{@code servicebus}</td><td>the message body text,
 *       unlabelled</td></tr>
 *   <tr><td>timer</td><td>{@code timer}</td><td>the worker's {@code TimerInfo} JSON ({@code
 *       Schedule}, {@code ScheduleStatus}, {@code IsPastDue}), labelled JSON</td></tr>
 *   <tr><td>Event Grid</td><td>the event's {@code type} ({@code eventType} in the Event Grid
 *       schema)</td><td>the event's {@code data}, its attributes as {@code ce-*} headers and {@code
 *       ce.*} context attributes ({@link EventGridEvents}); an array is one call per event</td></tr>
 * </table>
 *
 * <p>A value the function returns has nowhere to go and is dropped. Any failure is logged on one
 * line in the invocation's log and thrown as an {@link AzureFunctions.InvocationFailedException}:
 * the worker reports a failed invocation and the host retries the message (queue: up to {@code
 * maxDequeueCount}, then the poison queue; Service Bus: up to the entity's max delivery count, then
 * the dead-letter queue; Event Grid: its retry policy).
 */
final class WorkerEvents {

  private final FunctionRuntime runtime;

  WorkerEvents(FunctionRuntime runtime) {
    this.runtime = runtime;
  }

  void message(String trigger, String message, ExecutionContext context) {
    String requestId = WorkerContext.requestId(context);
    run(
        context,
        requestId,
        trigger + " message",
        () -> {
          InvocationContext.Builder invocation =
              WorkerContext.builder(context, requestId, trigger, null, null);
          Payload payload = message == null ? Payload.EMPTY : Payload.ofText(message);
          call(trigger, new FunctionRequest(payload, Headers.empty(), invocation.build()));
        });
  }

  void timer(String timerInfo, ExecutionContext context) {
    String requestId = WorkerContext.requestId(context);
    run(
        context,
        requestId,
        "timer",
        () -> {
          InvocationContext.Builder invocation =
              WorkerContext.builder(context, requestId, "timer", null, null);
          Payload payload = timerInfo == null ? Payload.EMPTY : Payload.ofText(timerInfo);
          Headers headers =
              timerInfo == null
                  ? Headers.empty()
                  : Headers.builder().add("Content-Type", MediaTypes.JSON).build();
          call("timer", new FunctionRequest(payload, headers, invocation.build()));
        });
  }

  void eventGrid(String event, ExecutionContext context) {
    String requestId = WorkerContext.requestId(context);
    run(
        context,
        requestId,
        "Event Grid event",
        () -> {
          Object tree = parse(event);
          List<?> events = tree instanceof List<?> list ? list : List.of(tree);
          for (Object item : events) {
            Map<String, String> attributes =
                item instanceof Map<?, ?> map ? EventGridEvents.attributes(map) : Map.of();
            if (attributes.isEmpty()) {
              throw FunctionException.badInput(
                  "", "the Event Grid trigger's value is not an event in either schema");
            }
            InvocationContext.Builder invocation =
                WorkerContext.builder(
                    context,
                    requestId,
                    "eventgrid",
                    attributes.get("traceparent"),
                    attributes.get("tracestate"));
            FunctionRequest request =
                EventGridEvents.request((Map<?, ?>) item, attributes, invocation);
            call(attributes.get("type"), request);
          }
        });
  }

  private static Object parse(String event) {
    if (event == null || event.isBlank()) {
      throw FunctionException.badInput("", "the Event Grid trigger's value is empty");
    }
    try {
      return JsonTree.parse(event.getBytes(StandardCharsets.UTF_8));
    } catch (JsonCodec.JsonDecodeException e) {
      throw FunctionException.badInput(
          "", "the Event Grid trigger's value is not JSON: " + e.getMessage());
    }
  }

  private void call(String routingKey, FunctionRequest request) {
    Composition function = runtime.router().byEventType(routingKey);
    FunctionResult ignored = runtime.dispatcher().call(function, request);
    assert ignored != null;
  }

  private static void run(
      ExecutionContext context, String requestId, String what, Runnable invocation) {
    try {
      invocation.run();
    } catch (FunctionException e) {
      WorkerContext.logFailure(context, requestId, what + " failed", Level.WARNING, e);
      throw new AzureFunctions.InvocationFailedException(e.getMessage(), e.phase().name());
    } catch (RuntimeException | LinkageError e) {
      WorkerContext.log(
          context,
          Level.SEVERE,
          "["
              + requestId
              + "] unexpected failure handling "
              + what
              + ": "
              + e.getClass().getName());
      throw new AzureFunctions.InvocationFailedException(
          "fn4j failed unexpectedly handling " + what + ": " + e.getClass().getName(), "INTERNAL");
    }
  }
}
