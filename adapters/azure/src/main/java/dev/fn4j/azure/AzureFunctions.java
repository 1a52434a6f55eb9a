package dev.fn4j.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.EventGridTrigger;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import com.microsoft.azure.functions.annotation.ServiceBusQueueTrigger;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.http.Problem;
import java.util.Optional;
import java.util.logging.Level;

/**
 * The entry class for Azure Functions' Java worker ({@code FUNCTIONS_WORKER_RUNTIME=java}): five
 * Azure functions that dispatch to the application's fn4j functions. The primary way to run fn4j on
 * Azure is the custom handler through the launcher ({@link CustomHandlerPlatform}); this class is
 * for apps that use the Java worker.
 *
 * <table>
 *   <caption>Azure functions</caption>
 *   <tr><th>Azure function</th><th>trigger</th><th>fn4j function</th></tr>
 *   <tr><td>{@code fn4j-http}</td><td>HTTP, route {@code {*path}}, every method</td><td>the one
 *       the path below the route prefix names ({@code /api/uppercase}: {@code uppercase})</td></tr>
 *   <tr><td>{@code fn4j-queue}</td><td>Storage queue {@code %FN4J_QUEUE_NAME%}</td><td rowspan="4">
 *       {@code FN4J_FUNCTION}, else {@code FN4J_ROUTING_TYPES} for the key {@code queue}, {@code
 *       servicebus}, {@code timer} or the Event Grid event's type, else the only function</td></tr>
 *   <tr><td>{@code fn4j-servicebus}</td><td>Service Bus queue {@code
 *       %FN4J_SERVICEBUS_QUEUE%}</td></tr>
 *   <tr><td>{@code fn4j-timer}</td><td>timer {@code %FN4J_TIMER_SCHEDULE%}</td></tr>
 *   <tr><td>{@code fn4j-eventgrid}</td><td>Event Grid (either schema)</td></tr>
 * </table>
 *
 * <p>HTTP failures are answered with the status of DESIGN.md §6 and an {@code
 * application/problem+json} body ({@link WorkerHttp}). Any other failure throws an {@link
 * InvocationFailedException}: the worker reports a failed invocation, so the host retries the
 * message ({@link WorkerEvents}). No response or exception carries a stack trace or a message of
 * user code; failures are logged on one line through {@link ExecutionContext#getLogger()}. The
 * neutral context comes from the {@link ExecutionContext} ({@link WorkerContext}), which {@code
 * context.unwrap(ExecutionContext.class)} returns.
 *
 * <p>The worker creates an instance for every invocation; the application's functions are loaded
 * once per process ({@link WorkerRuntime}), and a start-up failure is reported on every call.
 */
public final class AzureFunctions {

  private final WorkerRuntime shared;

  /** Creates the entry point on the process's shared runtime, as the Java worker does. */
  public AzureFunctions() {
    this(WorkerRuntime.shared());
  }

  AzureFunctions(FunctionRuntime runtime) {
    this(WorkerRuntime.of(runtime));
  }

  AzureFunctions(WorkerRuntime shared) {
    this.shared = shared;
  }

  /**
   * The HTTP trigger: every method on every path below the route prefix.
   *
   * @param request the request, its body as bytes
   * @param context the invocation's context
   * @return the function's response, or a problem
   */
  @FunctionName("fn4j-http")
  public HttpResponseMessage http(
      @HttpTrigger(
              name = "req",
              methods = {
                HttpMethod.GET,
                HttpMethod.POST,
                HttpMethod.PUT,
                HttpMethod.PATCH,
                HttpMethod.DELETE,
                HttpMethod.HEAD,
                HttpMethod.OPTIONS
              },
              authLevel = AuthorizationLevel.FUNCTION,
              route = "{*path}",
              dataType = "binary")
          HttpRequestMessage<Optional<byte[]>> request,
      ExecutionContext context) {
    if (shared.runtime() == null) {
      String requestId = WorkerContext.requestId(context);
      WorkerContext.log(context, Level.SEVERE, "[" + requestId + "] " + shared.failure());
      return WorkerHttp.problem(
          request,
          new Problem(
              500,
              "Internal error",
              "fn4j could not start; the function's log says why",
              null,
              "STARTUP",
              requestId),
          null);
    }
    return new WorkerHttp(shared.runtime()).handle(request, context);
  }

  /**
   * The Storage queue trigger; the routing key is {@code queue}.
   *
   * @param message the message text
   * @param context the invocation's context
   * @throws InvocationFailedException when the message could not be handled
   */
  @FunctionName("fn4j-queue")
  public void queue(
      @QueueTrigger(
              name = "message",
              queueName = "%FN4J_QUEUE_NAME%",
              connection = "AzureWebJobsStorage")
          String message,
      ExecutionContext context) {
    events().message("queue", message, context);
  }

  /**
   * The Service Bus queue trigger; the routing key is {@code servicebus}.
   *
   * @param message the message body as text
   * @param context the invocation's context
   * @throws InvocationFailedException when the message could not be handled
   */
  @FunctionName("fn4j-servicebus")
  public void serviceBus(
      @ServiceBusQueueTrigger(
              name = "message",
              queueName = "%FN4J_SERVICEBUS_QUEUE%",
              connection = "ServiceBusConnection")
          String message,
      ExecutionContext context) {
    events().message("servicebus", message, context);
  }

  /**
   * The timer trigger; the routing key is {@code timer}.
   *
   * @param timerInfo the worker's timer information, as JSON
   * @param context the invocation's context
   * @throws InvocationFailedException when the function failed
   */
  @FunctionName("fn4j-timer")
  public void timer(
      @TimerTrigger(name = "timer", schedule = "%FN4J_TIMER_SCHEDULE%") String timerInfo,
      ExecutionContext context) {
    events().timer(timerInfo, context);
  }

  /**
   * The Event Grid trigger, for events in the Event Grid schema and in the CloudEvents schema; the
   * routing key is the event's type.
   *
   * @param event the event as JSON
   * @param context the invocation's context
   * @throws InvocationFailedException when the event could not be handled
   */
  @FunctionName("fn4j-eventgrid")
  public void eventGrid(@EventGridTrigger(name = "event") String event, ExecutionContext context) {
    events().eventGrid(event, context);
  }

  private WorkerEvents events() {
    if (shared.runtime() == null) {
      throw new InvocationFailedException(shared.failure(), "STARTUP");
    }
    return new WorkerEvents(shared.runtime());
  }

  /**
   * A failed invocation, in the form the Java worker reports: a message that names the function and
   * the phase, no cause and no stack trace. The host counts the invocation as failed and retries
   * the message as the trigger does.
   */
  public static final class InvocationFailedException
      extends dev.fn4j.core.dispatch.InvocationFailure {

    private static final long serialVersionUID = 1L;

    InvocationFailedException(String message, String phase) {
      super(message, phase);
    }
  }
}
