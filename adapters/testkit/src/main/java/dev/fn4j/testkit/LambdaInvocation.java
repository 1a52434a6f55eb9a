package dev.fn4j.testkit;

import java.util.Optional;

/**
 * An event queued on a {@link LambdaRuntimeApiFake}: the handle to pass to {@link
 * LambdaRuntimeApiFake#await(LambdaInvocation, java.time.Duration)}. Immutable.
 */
public final class LambdaInvocation {

  private final String requestId;
  private final String traceId;
  private final LambdaEvent event;

  LambdaInvocation(String requestId, String traceId, LambdaEvent event) {
    this.requestId = requestId;
    this.traceId = traceId;
    this.event = event;
  }

  /**
   * Returns the request id the runtime receives in {@code Lambda-Runtime-Aws-Request-Id}.
   *
   * @return the id, for example {@code 8476a536-e9f4-11e8-9739-2dfe598c3fcd}
   */
  public String requestId() {
    return requestId;
  }

  /**
   * Returns the X-Ray trace header the runtime receives in {@code Lambda-Runtime-Trace-Id}.
   *
   * @return the trace id, the event's or a generated one; empty when none is sent
   */
  public Optional<String> traceId() {
    return Optional.ofNullable(traceId);
  }

  /**
   * Returns the event that was queued.
   *
   * @return the event, as given to {@link LambdaRuntimeApiFake#invoke(LambdaEvent)}
   */
  public LambdaEvent event() {
    return event;
  }

  @Override
  public String toString() {
    return "LambdaInvocation[" + requestId + "]";
  }
}
