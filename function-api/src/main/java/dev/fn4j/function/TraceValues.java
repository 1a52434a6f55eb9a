package dev.fn4j.function;

import java.util.Optional;

/** The one implementation of {@link TraceContext}. */
record TraceValues(String traceparentValue, String tracestateValue, String platformTraceIdValue)
    implements TraceContext {

  static final TraceValues EMPTY = new TraceValues(null, null, null);

  @Override
  public Optional<String> traceparent() {
    return Optional.ofNullable(traceparentValue);
  }

  @Override
  public Optional<String> tracestate() {
    return Optional.ofNullable(tracestateValue);
  }

  @Override
  public Optional<String> platformTraceId() {
    return Optional.ofNullable(platformTraceIdValue);
  }
}
