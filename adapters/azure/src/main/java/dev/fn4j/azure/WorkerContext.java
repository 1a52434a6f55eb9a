package dev.fn4j.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.RetryContext;
import dev.fn4j.core.dispatch.FunctionException;
import dev.fn4j.core.dispatch.RequestIds;
import dev.fn4j.function.InvocationContext;
import dev.fn4j.function.TraceContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Java worker's {@link ExecutionContext} as the neutral invocation context, and fn4j's failure
 * lines in the invocation's own log.
 *
 * <table>
 *   <caption>Mapping</caption>
 *   <tr><th>neutral context</th><th>from</th></tr>
 *   <tr><td>{@code requestId()}</td><td>{@code getInvocationId()} (a new fn4j id when absent)</td></tr>
 *   <tr><td>{@code platform()}</td><td>{@code azure-functions}</td></tr>
 *   <tr><td>attribute {@code azure.function.name}</td><td>{@code getFunctionName()}</td></tr>
 *   <tr><td>attribute {@code azure.trigger}</td><td>{@code http}, {@code queue}, {@code
 *       servicebus}, {@code timer} or {@code eventgrid}</td></tr>
 *   <tr><td>attributes {@code azure.retry.count}, {@code azure.retry.max}</td><td>{@code
 *       getRetryContext()}, when the function has a retry policy</td></tr>
 *   <tr><td>{@code trace()}</td><td>{@code getTraceContext()}'s {@code traceparent} and {@code
 *       tracestate}; else the request's (HTTP headers, a CloudEvent's extensions)</td></tr>
 *   <tr><td>{@code unwrap(ExecutionContext.class)}</td><td>the context itself</td></tr>
 * </table>
 */
final class WorkerContext {

  private WorkerContext() {}

  /**
   * Returns the request id of an invocation.
   *
   * @param context the worker's context
   * @return the invocation id, or a new fn4j id when the worker gives none
   */
  static String requestId(ExecutionContext context) {
    String id = context.getInvocationId();
    return id == null || id.isBlank() ? RequestIds.next() : id;
  }

  /**
   * Starts the neutral context of an invocation.
   *
   * @param context the worker's context
   * @param requestId the request id
   * @param trigger the trigger kind, for {@code azure.trigger}
   * @param traceparent the request's own {@code traceparent}, or null
   * @param tracestate the request's own {@code tracestate}, or null
   * @return the context being built
   */
  static InvocationContext.Builder builder(
      ExecutionContext context,
      String requestId,
      String trigger,
      String traceparent,
      String tracestate) {
    InvocationContext.Builder builder =
        InvocationContext.builder()
            .requestId(requestId)
            .platform(CustomHandlerPlatform.ID)
            .attribute("azure.trigger", trigger)
            .raw(context);
    String functionName = context.getFunctionName();
    if (functionName != null) {
      builder.attribute("azure.function.name", functionName);
    }
    com.microsoft.azure.functions.TraceContext trace = context.getTraceContext();
    String parent = trace == null ? null : present(trace.getTraceparent());
    if (parent != null) {
      builder.trace(TraceContext.of(parent, present(trace.getTracestate()), null));
    } else if (present(traceparent) != null) {
      builder.trace(TraceContext.of(traceparent, present(tracestate), null));
    }
    RetryContext retry = context.getRetryContext();
    if (retry != null) {
      builder
          .attribute("azure.retry.count", Integer.toString(retry.getRetrycount()))
          .attribute("azure.retry.max", Integer.toString(retry.getMaxretrycount()));
    }
    return builder;
  }

  private static String present(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /**
   * Logs a failed invocation on one line in the invocation's log: never a stack trace, and never a
   * message of user code unless {@code FN4J_LOG_EXCEPTION_MESSAGES} asks for it.
   *
   * @param context the worker's context
   * @param requestId the request id
   * @param what what failed, for example {@code POST /api/uppercase -> 500} or {@code queue
   *     message}
   * @param level the level
   * @param failure the failure
   */
  static void logFailure(
      ExecutionContext context,
      String requestId,
      String what,
      Level level,
      FunctionException failure) {
    log(context, level, "[" + requestId + "] " + printable(what) + ": " + failure.toLogLine());
  }

  /**
   * Logs one line in the invocation's log.
   *
   * @param context the worker's context
   * @param level the level
   * @param line the line, without user data
   */
  static void log(ExecutionContext context, Level level, String line) {
    Logger logger = context.getLogger();
    if (logger != null && logger.isLoggable(level)) {
      logger.log(level, line.replace('\n', ' ').replace('\r', ' '));
    }
  }

  static String printable(String text) {
    return text.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
