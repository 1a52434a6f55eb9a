package dev.fn4j.aws;

import dev.fn4j.aws.batch.RecordsInvoker;
import dev.fn4j.aws.event.EventClassifier;
import dev.fn4j.aws.event.LambdaEvent;
import dev.fn4j.aws.event.MalformedEventException;
import dev.fn4j.aws.event.UnsupportedEventException;
import dev.fn4j.aws.http.HttpInvoker;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.dispatch.FunctionException;
import dev.fn4j.core.dispatch.Phase;
import java.lang.System.Logger.Level;

/**
 * Turns one Lambda invocation into a dispatch through the core and back: classifies the event,
 * hands it to the HTTP, records or single-event path, and returns the bytes Lambda should answer
 * with. Failures that Lambda must see as function errors are thrown as {@link LambdaFailure}; HTTP
 * events answer failures with an HTTP problem response instead. Thread-safe; one per process.
 */
public final class LambdaAdapter {

  static final System.Logger LOG = dev.fn4j.core.logging.LazyLogger.of("dev.fn4j.aws");

  private final HttpInvoker http;
  private final RecordsInvoker records;
  private final SingleEventInvoker single;

  /**
   * Creates the adapter over an application's functions.
   *
   * @param runtime the functions
   */
  public LambdaAdapter(FunctionRuntime runtime) {
    this.http = new HttpInvoker(runtime);
    this.records = new RecordsInvoker(runtime);
    this.single = new SingleEventInvoker(runtime);
  }

  /**
   * Handles one invocation.
   *
   * @param payload the event as Lambda delivered it
   * @param invocation the invocation's context
   * @return the response payload; empty for none
   * @throws LambdaFailure when the invocation must end as a Lambda function error
   */
  public byte[] handle(byte[] payload, LambdaInvocation invocation) {
    LambdaEvent event;
    try {
      event = EventClassifier.classify(payload);
    } catch (UnsupportedEventException e) {
      throw fail(invocation, Phase.ROUTE, "Unsupported event: " + e.getMessage());
    }
    try {
      return switch (event.kind()) {
        case API_GATEWAY_REST, API_GATEWAY_HTTP, FUNCTION_URL, ALB ->
            http.handle(event, invocation);
        case SQS, KINESIS, DYNAMODB, SNS, S3 -> records.handle(event, invocation);
        case EVENTBRIDGE, DIRECT -> single.handle(event, invocation);
      };
    } catch (MalformedEventException e) {
      throw fail(
          invocation, Phase.DECODE, "Malformed " + event.kind().id() + " event: " + e.getMessage());
    } catch (FunctionException e) {
      log(invocation, e);
      throw LambdaFailure.of(e);
    }
  }

  private static LambdaFailure fail(LambdaInvocation invocation, Phase phase, String message) {
    LOG.log(Level.WARNING, "[" + invocation.requestId() + "] " + message);
    return LambdaFailure.of(phase, message);
  }

  static void log(LambdaInvocation invocation, FunctionException e) {
    Level level =
        e.phase() == Phase.INVOKE || e.phase() == Phase.ENCODE ? Level.WARNING : Level.INFO;
    if (LOG.isLoggable(level)) {
      LOG.log(level, "[" + invocation.requestId() + "] " + e.toLogLine());
    }
  }
}
