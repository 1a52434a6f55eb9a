package dev.fn4j.function;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceContextTest {

  private static final String TRACEPARENT =
      "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

  @Test
  void emptyHoldsNothing() {
    // given / when
    TraceContext trace = TraceContext.empty();

    // then
    assertThat(trace.traceparent()).isEmpty();
    assertThat(trace.tracestate()).isEmpty();
    assertThat(trace.platformTraceId()).isEmpty();
  }

  @Test
  void ofKeepsEveryValue() {
    // given / when
    TraceContext trace = TraceContext.of(TRACEPARENT, "congo=t61rcWkgMzE", "Root=1-5759e988");

    // then
    assertThat(trace.traceparent()).contains(TRACEPARENT);
    assertThat(trace.tracestate()).contains("congo=t61rcWkgMzE");
    assertThat(trace.platformTraceId()).contains("Root=1-5759e988");
  }

  @Test
  void ofWithNullsMeansAbsentValues() {
    // given / when
    TraceContext trace = TraceContext.of(null, null, null);

    // then
    assertThat(trace.traceparent()).isEmpty();
    assertThat(trace.tracestate()).isEmpty();
    assertThat(trace.platformTraceId()).isEmpty();
    assertThat(trace).isEqualTo(TraceContext.empty());
  }

  @Test
  void ofKeepsTheValuesThatArrivedAndLeavesTheOthersEmpty() {
    // given / when
    TraceContext w3cOnly = TraceContext.of(TRACEPARENT, null, null);
    TraceContext platformOnly = TraceContext.of(null, null, "Root=1-5759e988");

    // then
    assertThat(w3cOnly.traceparent()).contains(TRACEPARENT);
    assertThat(w3cOnly.tracestate()).isEmpty();
    assertThat(w3cOnly.platformTraceId()).isEmpty();
    assertThat(platformOnly.traceparent()).isEmpty();
    assertThat(platformOnly.platformTraceId()).contains("Root=1-5759e988");
  }

  @Test
  void traceContextsWithTheSameValuesAreEqual() {
    // given
    TraceContext one = TraceContext.of(TRACEPARENT, "s", null);
    TraceContext two = TraceContext.of(TRACEPARENT, "s", null);

    // when / then
    assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
    assertThat(one).isNotEqualTo(TraceContext.of(TRACEPARENT, null, null));
  }
}
