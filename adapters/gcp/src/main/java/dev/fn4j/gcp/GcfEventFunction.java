package dev.fn4j.gcp;

import com.google.cloud.functions.CloudEventsFunction;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.Composition;
import dev.fn4j.core.dispatch.FunctionException;
import dev.fn4j.core.dispatch.FunctionResult;
import io.cloudevents.CloudEvent;

/**
 * The entry point of an event-driven function on Google Cloud Functions and Cloud Run functions
 * ({@code --entry-point dev.fn4j.gcp.GcfEventFunction}): Eventarc's CloudEvents (gen2) and the
 * legacy background events of gen1, which Google's invoker converts to CloudEvents by Google's
 * published mapping before they reach this class, so the function sees the same event whichever
 * form arrived.
 *
 * <p>The function is {@code FN4J_FUNCTION}, else the one mapped to the event's type in {@code
 * FN4J_ROUTING_TYPES}, else the one named like the type, else the only function. Its data is
 * decoded by its declared type (a Pub/Sub message or Storage object record, a {@code Map}, text,
 * bytes, or {@code io.cloudevents.CloudEvent} itself). A value it returns has nowhere to go and is
 * dropped. Any failure (no function, undecodable data, the function threw) fails the invocation:
 * the invoker answers 500, and Google redelivers the event when the function is deployed with
 * retries. The exception carries the phase and the function's name but no cause and no stack trace,
 * so the invoker's log line stays one line and never holds user data.
 */
public final class GcfEventFunction implements CloudEventsFunction {

  private static final System.Logger LOG = dev.fn4j.core.logging.LazyLogger.of("dev.fn4j.gcp");

  private final FunctionRuntime runtime;
  private final CloudEventRequests requests;

  /** Creates the entry point on the process's shared runtime; Google's invoker calls this. */
  public GcfEventFunction() {
    this(SharedRuntime.of(GcfEventFunction.class));
  }

  GcfEventFunction(FunctionRuntime runtime) {
    this.runtime = runtime;
    this.requests = new CloudEventRequests(new GcfEnvironment(runtime.environment()).attributes());
  }

  @Override
  public void accept(CloudEvent event) {
    String requestId = event.getId();
    try {
      Composition function = runtime.router().byEventType(event.getType());
      FunctionResult ignored = runtime.dispatcher().call(function, requests.of(event, requestId));
      assert ignored != null;
    } catch (FunctionException e) {
      LOG.log(
          e.isUserFailure() ? System.Logger.Level.WARNING : System.Logger.Level.INFO,
          "[" + requestId + "] event " + printable(event.getType()) + " failed: " + e.toLogLine());
      throw new EventFailedException(e);
    }
  }

  private static String printable(String text) {
    return text.replaceAll("[^\\x20-\\x7e]", "?");
  }

  /**
   * An event that failed: the invoker answers 500 and logs this exception, which carries the
   * failure's phase and function but no cause and no stack trace.
   */
  public static final class EventFailedException extends dev.fn4j.core.dispatch.InvocationFailure {

    private static final long serialVersionUID = 1L;

    EventFailedException(FunctionException failure) {
      super(failure);
    }
  }
}
