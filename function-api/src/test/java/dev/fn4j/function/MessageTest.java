package dev.fn4j.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class MessageTest {

  @Test
  void ofPayloadHasNoHeaderAndALocalContext() {
    // given / when
    Message<String> message = Message.of("hello");

    // then
    assertThat(message.payload()).isEqualTo("hello");
    assertThat(message.headers().isEmpty()).isTrue();
    assertThat(message.context()).isNotNull();
    assertThat(message.context().platform()).isEqualTo("local");
    assertThat(message.context().requestId()).isEqualTo("local");
    assertThat(message.context().deadline()).isEmpty();
  }

  @Test
  void ofPayloadAndHeadersKeepsBoth() {
    // given
    Headers headers = Headers.empty().with("X-Order", "1");

    // when
    Message<Integer> message = Message.of(7, headers);

    // then
    assertThat(message.payload()).isEqualTo(7);
    assertThat(message.headers()).isEqualTo(headers);
    assertThat(message.context().platform()).isEqualTo("local");
  }

  @Test
  void ofPayloadHeadersAndContextKeepsAllThree() {
    // given
    Headers headers = Headers.empty().with("X-Order", "1");
    InvocationContext context = InvocationContext.builder().requestId("r").build();

    // when
    Message<String> message = Message.of("p", headers, context);

    // then
    assertThat(message.payload()).isEqualTo("p");
    assertThat(message.headers()).isSameAs(headers);
    assertThat(message.context()).isSameAs(context);
  }

  @Test
  void payloadMayBeNull() {
    // given / when
    Message<String> message = Message.of(null);

    // then
    assertThat(message.payload()).isNull();
    assertThat(message.headers()).isNotNull();
  }

  @Test
  void nullHeadersOrContextIsRejected() {
    // given
    InvocationContext context = InvocationContext.local("f");

    // when / then
    assertThatNullPointerException().isThrownBy(() -> Message.of("p", null));
    assertThatNullPointerException().isThrownBy(() -> Message.of("p", null, context));
    assertThatNullPointerException().isThrownBy(() -> Message.of("p", Headers.empty(), null));
    assertThatNullPointerException().isThrownBy(() -> Message.of("p").withHeaders(null));
  }

  @Test
  void withPayloadKeepsHeadersAndContext() {
    // given
    Headers headers = Headers.empty().with("X-Order", "1");
    InvocationContext context = InvocationContext.local("checkout");
    Message<String> original = Message.of("order", headers, context);

    // when
    Message<Integer> changed = original.withPayload(42);

    // then
    assertThat(changed.payload()).isEqualTo(42);
    assertThat(changed.headers()).isSameAs(headers);
    assertThat(changed.context()).isSameAs(context);
    assertThat(original.payload()).isEqualTo("order");
  }

  @Test
  void withHeadersKeepsPayloadAndContext() {
    // given
    InvocationContext context = InvocationContext.local("checkout");
    Message<String> original = Message.of("order", Headers.empty().with("A", "1"), context);
    Headers replacement = Headers.empty().with("B", "2");

    // when
    Message<String> changed = original.withHeaders(replacement);

    // then
    assertThat(changed.headers()).isSameAs(replacement);
    assertThat(changed.payload()).isEqualTo("order");
    assertThat(changed.context()).isSameAs(context);
    assertThat(original.headers().first("A")).contains("1");
    assertThat(original.headers().contains("B")).isFalse();
  }

  @Test
  void messagesWithTheSameContentAreEqual() {
    // given
    Headers headers = Headers.empty().with("A", "1");
    InvocationContext context = InvocationContext.local("f");

    // when
    Message<String> one = Message.of("p", headers, context);
    Message<String> two = Message.of("p", headers, context);

    // then
    assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
    assertThat(one).isNotEqualTo(one.withPayload("q"));
  }
}
