package dev.fn4j.function;

import java.util.Optional;

/**
 * The distributed-tracing context of an invocation: the W3C Trace Context headers and the
 * platform's own trace id (for example an X-Ray or Cloud Trace header), whichever arrived.
 */
public interface TraceContext {

  /**
   * Returns a trace context with nothing in it.
   *
   * @return the empty trace context
   */
  static TraceContext empty() {
    return TraceValues.EMPTY;
  }

  /**
   * Returns a trace context from the values that arrived; pass {@code null} for an absent one.
   *
   * @param traceparent the W3C {@code traceparent} value, or null
   * @param tracestate the W3C {@code tracestate} value, or null
   * @param platformTraceId the platform's own trace header value, or null
   * @return an immutable trace context
   */
  static TraceContext of(String traceparent, String tracestate, String platformTraceId) {
    return new TraceValues(traceparent, tracestate, platformTraceId);
  }

  /**
   * Returns the W3C {@code traceparent} header value.
   *
   * @return the value, or empty when none arrived
   */
  Optional<String> traceparent();

  /**
   * Returns the W3C {@code tracestate} header value.
   *
   * @return the value, or empty when none arrived
   */
  Optional<String> tracestate();

  /**
   * Returns the platform's own trace id, such as the X-Ray trace header on AWS Lambda.
   *
   * @return the value, or empty when the platform gave none
   */
  Optional<String> platformTraceId();
}
