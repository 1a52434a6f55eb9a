package dev.fn4j.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InvocationContextTest {

  /** A stand-in for a vendor context object. */
  private record VendorContext(String secretToken) {}

  @Test
  void builderHasDefaults() {
    // given / when
    InvocationContext context = InvocationContext.builder().build();

    // then
    assertThat(context.requestId()).isEqualTo("unknown");
    assertThat(context.functionName()).isEmpty();
    assertThat(context.platform()).isEqualTo("local");
    assertThat(context.deadline()).isEmpty();
    assertThat(context.remainingTime()).isEmpty();
    assertThat(context.trace().traceparent()).isEmpty();
    assertThat(context.trace().tracestate()).isEmpty();
    assertThat(context.trace().platformTraceId()).isEmpty();
    assertThat(context.attributes()).isNotNull().isEmpty();
    assertThat(context.unwrap(Object.class)).isEmpty();
  }

  @Test
  void localContextHasAFixedRequestIdAndNoDeadline() {
    // given / when
    InvocationContext context = InvocationContext.local("uppercase");

    // then
    assertThat(context.functionName()).isEqualTo("uppercase");
    assertThat(context.requestId()).isEqualTo("local");
    assertThat(context.platform()).isEqualTo("local");
    assertThat(context.deadline()).isEmpty();
    assertThat(context.attributes()).isEmpty();
  }

  @Test
  void builderKeepsEveryValue() {
    // given
    Instant deadline = Instant.now().plusSeconds(60);
    TraceContext trace = TraceContext.of("00-abc-def-01", "k=v", "Root=1-2-3");

    // when
    InvocationContext context =
        InvocationContext.builder()
            .requestId("req-1")
            .functionName("uppercase")
            .platform("aws-lambda")
            .deadline(deadline)
            .trace(trace)
            .attribute("ce-type", "order.created")
            .attribute("revision", "7")
            .build();

    // then
    assertThat(context.requestId()).isEqualTo("req-1");
    assertThat(context.functionName()).isEqualTo("uppercase");
    assertThat(context.platform()).isEqualTo("aws-lambda");
    assertThat(context.deadline()).contains(deadline);
    assertThat(context.trace()).isSameAs(trace);
    assertThat(context.attributes())
        .containsExactly(Map.entry("ce-type", "order.created"), Map.entry("revision", "7"));
  }

  @Test
  void laterAttributeWithTheSameNameReplacesTheEarlierOne() {
    // given / when
    InvocationContext context =
        InvocationContext.builder().attribute("a", "1").attribute("a", "2").build();

    // then
    assertThat(context.attributes()).containsExactly(Map.entry("a", "2"));
  }

  @Test
  void nullDeadlineMeansNone() {
    // given / when
    InvocationContext context =
        InvocationContext.builder().deadline(Instant.now()).deadline(null).build();

    // then
    assertThat(context.deadline()).isEmpty();
    assertThat(context.remainingTime()).isEmpty();
  }

  @Test
  void builderRejectsNulls() {
    // given
    InvocationContext.Builder builder = InvocationContext.builder();

    // when / then
    assertThatNullPointerException().isThrownBy(() -> builder.requestId(null));
    assertThatNullPointerException().isThrownBy(() -> builder.functionName(null));
    assertThatNullPointerException().isThrownBy(() -> builder.platform(null));
    assertThatNullPointerException().isThrownBy(() -> builder.trace(null));
    assertThatNullPointerException().isThrownBy(() -> builder.attribute(null, "v"));
    assertThatNullPointerException().isThrownBy(() -> builder.attribute("a", null));
    assertThatNullPointerException().isThrownBy(() -> builder.raw(null));
  }

  @Test
  void remainingTimeIsTheTimeLeftUntilTheDeadline() {
    // given
    Instant before = Instant.now();
    InvocationContext context =
        InvocationContext.builder().deadline(before.plus(Duration.ofMinutes(10))).build();

    // when
    Duration left = context.remainingTime().orElseThrow();

    // then
    assertThat(left).isLessThanOrEqualTo(Duration.ofMinutes(10));
    assertThat(left).isGreaterThan(Duration.ofMinutes(9));
  }

  @Test
  void remainingTimeIsNeverNegative() {
    // given
    InvocationContext context =
        InvocationContext.builder().deadline(Instant.now().minusSeconds(30)).build();

    // when
    Optional<Duration> left = context.remainingTime();

    // then
    assertThat(left).contains(Duration.ZERO);
  }

  @Test
  void remainingTimeIsEmptyWithoutADeadline() {
    // given
    InvocationContext context = InvocationContext.builder().build();

    // when / then
    assertThat(context.remainingTime()).isEmpty();
  }

  @Test
  void unwrapReturnsTheFirstRawObjectOfTheType() {
    // given
    VendorContext vendor = new VendorContext("t");
    InvocationContext context =
        InvocationContext.builder().raw("event-1").raw(vendor).raw(42).raw("event-2").build();

    // when / then
    assertThat(context.unwrap(String.class)).contains("event-1");
    assertThat(context.unwrap(CharSequence.class)).contains("event-1");
    assertThat(context.unwrap(VendorContext.class)).containsSame(vendor);
    assertThat(context.unwrap(Number.class)).contains(42);
    assertThat(context.unwrap(Integer.class)).contains(42);
    assertThat(context.unwrap(Object.class)).contains("event-1");
  }

  @Test
  void unwrapIsEmptyWhenNoRawObjectIsOfTheType() {
    // given
    InvocationContext context = InvocationContext.builder().raw("event").raw(42).build();

    // when / then
    assertThat(context.unwrap(List.class)).isEmpty();
    assertThat(context.unwrap(Long.class)).isEmpty();
    assertThat(context.unwrap(VendorContext.class)).isEmpty();
  }

  @Test
  void withFunctionNameReturnsACopyKeepingEverythingElse() {
    // given
    VendorContext vendor = new VendorContext("t");
    Instant deadline = Instant.now().plusSeconds(60);
    TraceContext trace = TraceContext.of("tp", null, null);
    InvocationContext original =
        InvocationContext.builder()
            .requestId("req-1")
            .functionName("first")
            .platform("gcp")
            .deadline(deadline)
            .trace(trace)
            .attribute("a", "1")
            .raw(vendor)
            .build();

    // when
    InvocationContext copy = original.withFunctionName("second");

    // then
    assertThat(copy.functionName()).isEqualTo("second");
    assertThat(copy.requestId()).isEqualTo("req-1");
    assertThat(copy.platform()).isEqualTo("gcp");
    assertThat(copy.deadline()).contains(deadline);
    assertThat(copy.trace()).isSameAs(trace);
    assertThat(copy.attributes()).containsExactly(Map.entry("a", "1"));
    assertThat(copy.unwrap(VendorContext.class)).containsSame(vendor);
    assertThat(original.functionName()).isEqualTo("first");
  }

  @Test
  void withFunctionNameRejectsNull() {
    // given
    InvocationContext context = InvocationContext.local("f");

    // when / then
    assertThatNullPointerException().isThrownBy(() -> context.withFunctionName(null));
  }

  @Test
  void attributesAreUnmodifiable() {
    // given
    InvocationContext withAttributes = InvocationContext.builder().attribute("a", "1").build();
    InvocationContext withoutAttributes = InvocationContext.builder().build();

    // when / then
    assertThatThrownBy(() -> withAttributes.attributes().put("b", "2"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> withAttributes.attributes().remove("a"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> withoutAttributes.attributes().put("b", "2"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(withAttributes.attributes()).containsExactly(Map.entry("a", "1"));
  }

  @Test
  void builderReuseDoesNotAffectBuiltContexts() {
    // given
    InvocationContext.Builder builder =
        InvocationContext.builder().requestId("r1").attribute("a", "1").raw("first");
    InvocationContext built = builder.build();

    // when
    builder.requestId("r2").attribute("a", "changed").attribute("b", "2").raw(42);

    // then
    assertThat(built.requestId()).isEqualTo("r1");
    assertThat(built.attributes()).containsExactly(Map.entry("a", "1"));
    assertThat(built.unwrap(Integer.class)).isEmpty();
  }

  @Test
  void toStringLeavesOutAttributeValuesAndRawObjects() {
    // given
    InvocationContext context =
        InvocationContext.builder()
            .requestId("req-1")
            .functionName("pay")
            .attribute("authorization", "Bearer s3cr3t-attribute")
            .raw(new VendorContext("s3cr3t-raw"))
            .build();

    // when
    String text = context.toString();

    // then
    assertThat(text).contains("req-1").contains("pay");
    assertThat(text).doesNotContain("s3cr3t-attribute").doesNotContain("s3cr3t-raw");
  }

  @Test
  void withFunctionNameCopyAlsoKeepsSecretsOutOfToString() {
    // given
    InvocationContext context =
        InvocationContext.builder().attribute("token", "s3cr3t").build().withFunctionName("g");

    // when / then
    assertThat(context.toString()).doesNotContain("s3cr3t");
  }

  @Test
  void unwrapHandsBackTheRawObjectItself() {
    // given
    List<String> event = new ArrayList<>(List.of("a"));
    InvocationContext context = InvocationContext.builder().raw(event).build();

    // when / then
    assertThat(context.unwrap(List.class)).containsSame(event);
  }
}
