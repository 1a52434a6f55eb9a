package dev.fn4j.azure.worker;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.RetryContext;
import com.microsoft.azure.functions.RpcException;
import com.microsoft.azure.functions.TraceContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * An invocation's context as the Java worker gives it: an invocation id, the Azure function's name,
 * an optional trace and retry context, and a {@link Logger} whose records a test reads back.
 */
public final class WorkerExecutionContext implements ExecutionContext {

  private final String invocationId;
  private final String functionName;
  private final TraceContext trace;
  private final RetryContext retry;
  private final Logger logger;
  private final RuntimeException traceFailure;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();

  private WorkerExecutionContext(
      String invocationId,
      String functionName,
      TraceContext trace,
      RetryContext retry,
      RuntimeException traceFailure) {
    this.invocationId = invocationId;
    this.functionName = functionName;
    this.trace = trace;
    this.retry = retry;
    this.traceFailure = traceFailure;
    this.logger = Logger.getAnonymousLogger();
    logger.setUseParentHandlers(false);
    logger.setLevel(Level.ALL);
    logger.addHandler(
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        });
  }

  /**
   * Returns a context without trace or retry context.
   *
   * @param invocationId the invocation id
   * @param functionName the Azure function's name
   * @return the context
   */
  public static WorkerExecutionContext of(String invocationId, String functionName) {
    return new WorkerExecutionContext(invocationId, functionName, null, null, null);
  }

  /**
   * Returns a copy with a trace context.
   *
   * @param traceparent the W3C traceparent
   * @param tracestate the W3C tracestate
   * @return the context
   */
  public WorkerExecutionContext withTrace(String traceparent, String tracestate) {
    TraceContext trace =
        new TraceContext() {
          @Override
          public String getTraceparent() {
            return traceparent;
          }

          @Override
          public String getTracestate() {
            return tracestate;
          }

          @Override
          public Map<String, String> getAttributes() {
            return Map.of("OperationName", functionName);
          }
        };
    return new WorkerExecutionContext(invocationId, functionName, trace, retry, traceFailure);
  }

  /**
   * Returns a copy with a retry context.
   *
   * @param count the retry count
   * @param max the most retries
   * @return the context
   */
  public WorkerExecutionContext withRetry(int count, int max) {
    RetryContext retry =
        new RetryContext() {
          @Override
          public int getRetrycount() {
            return count;
          }

          @Override
          public int getMaxretrycount() {
            return max;
          }

          @Override
          public RpcException getException() {
            return null;
          }
        };
    return new WorkerExecutionContext(invocationId, functionName, trace, retry, traceFailure);
  }

  /**
   * Returns a copy whose {@link #getTraceContext()} throws, as a broken worker might.
   *
   * @param failure what it throws
   * @return the context
   */
  public WorkerExecutionContext withTraceFailure(RuntimeException failure) {
    return new WorkerExecutionContext(invocationId, functionName, trace, retry, failure);
  }

  @Override
  public Logger getLogger() {
    return logger;
  }

  @Override
  public String getInvocationId() {
    return invocationId;
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public TraceContext getTraceContext() {
    if (traceFailure != null) {
      throw traceFailure;
    }
    return trace;
  }

  @Override
  public RetryContext getRetryContext() {
    return retry;
  }

  /**
   * Returns what was logged.
   *
   * @return the records, in order
   */
  public List<LogRecord> records() {
    return List.copyOf(records);
  }

  /**
   * Returns what was logged, one line per record with its level.
   *
   * @return the lines
   */
  public String log() {
    return records.stream()
        .map(record -> record.getLevel() + " " + record.getMessage())
        .collect(Collectors.joining("\n"));
  }
}
