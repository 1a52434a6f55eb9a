package dev.fn4j.core.dispatch;

import static dev.fn4j.core.dispatch.Fixtures.failureOf;
import static dev.fn4j.core.dispatch.Fixtures.json;
import static dev.fn4j.core.dispatch.Fixtures.single;
import static dev.fn4j.core.dispatch.Fixtures.text;
import static dev.fn4j.core.dispatch.Fixtures.utf8;
import static dev.fn4j.core.dispatch.Fixtures.valueOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.core.catalog.CatalogException;
import dev.fn4j.core.catalog.Composition;
import dev.fn4j.core.convert.Payload;
import dev.fn4j.core.reactive.ReactiveSupport;
import dev.fn4j.core.testfunctions.Order;
import dev.fn4j.core.testfunctions.Uppercase;
import dev.fn4j.function.Headers;
import dev.fn4j.function.InvocationContext;
import dev.fn4j.function.Message;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Invocation styles: synchronous, CompletionStage, Reactor Mono and Flux; call and callAsync. */
class AsyncInvocationTest {

  private final Dispatcher dispatcher = new Dispatcher();

  /** Remembers the thread it ran on. */
  static final class WhereAmI implements Function<String, String> {
    final AtomicReference<Thread> thread = new AtomicReference<>();

    @Override
    public String apply(String text) {
      thread.set(Thread.currentThread());
      return text + "!";
    }
  }

  /** Answers with an already completed stage. */
  static final class CompletedNow implements Function<String, CompletionStage<String>> {
    @Override
    public CompletionStage<String> apply(String text) {
      return CompletableFuture.completedFuture(text + "!");
    }
  }

  /** Answers an order later, on another thread, and remembers that thread. */
  static final class OrderLater implements Function<String, CompletionStage<Order>> {
    final AtomicReference<Thread> thread = new AtomicReference<>();

    @Override
    public CompletionStage<Order> apply(String item) {
      return CompletableFuture.supplyAsync(
          () -> {
            thread.set(Thread.currentThread());
            return new Order(item, 3);
          },
          CompletableFuture.delayedExecutor(30, TimeUnit.MILLISECONDS));
    }
  }

  /** Answers a stage the test completes. */
  static final class Pending implements Function<String, CompletionStage<String>> {
    final CompletableFuture<String> future = new CompletableFuture<>();

    @Override
    public CompletionStage<String> apply(String text) {
      return future;
    }
  }

  /** Answers a stage that fails, at once or later. */
  static final class FailsAsync implements Function<String, CompletionStage<String>> {
    @Override
    public CompletionStage<String> apply(String how) {
      IllegalStateException error = new IllegalStateException("async secret");
      return switch (how) {
        case "now" -> CompletableFuture.failedFuture(error);
        case "wrapped" -> CompletableFuture.failedFuture(new CompletionException(error));
        default ->
            CompletableFuture.supplyAsync(
                () -> {
                  throw error;
                },
                CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
      };
    }
  }

  /** Answers no stage at all. */
  static final class NullStage implements Function<String, CompletionStage<String>> {
    @Override
    public CompletionStage<String> apply(String text) {
      return null;
    }
  }

  static final class MonoUppercase implements Function<String, Mono<String>> {
    @Override
    public Mono<String> apply(String text) {
      return Mono.just(text.toUpperCase(Locale.ROOT));
    }
  }

  static final class MonoLater implements Function<String, Mono<String>> {
    @Override
    public Mono<String> apply(String text) {
      return Mono.delay(Duration.ofMillis(20)).map(tick -> text + " later");
    }
  }

  static final class MonoNothing implements Function<String, Mono<String>> {
    @Override
    public Mono<String> apply(String text) {
      return Mono.empty();
    }
  }

  static final class MonoOrder implements Function<String, Mono<Order>> {
    @Override
    public Mono<Order> apply(String item) {
      return Mono.just(new Order(item, 1));
    }
  }

  static final class MonoFails implements Function<String, Mono<String>> {
    @Override
    public Mono<String> apply(String text) {
      return Mono.error(new IllegalArgumentException("mono secret"));
    }
  }

  static final class Letters implements Function<String, Flux<String>> {
    @Override
    public Flux<String> apply(String text) {
      return Flux.fromArray(text.split(""));
    }
  }

  static final class Orders implements Function<String, Flux<Order>> {
    @Override
    public Flux<Order> apply(String text) {
      return Flux.just(new Order("tea", 1), new Order("jam", 2));
    }
  }

  static final class FluxFailsMidway implements Function<String, Flux<String>> {
    @Override
    public Flux<String> apply(String text) {
      return Flux.concat(Flux.just("a"), Flux.error(new IllegalStateException("flux secret")));
    }
  }

  static final class MessageFlux implements Function<Message<String>, Flux<Message<String>>> {
    @Override
    public Flux<Message<String>> apply(Message<String> message) {
      return Flux.just(message.withHeaders(Headers.empty().with("X-Part", "1")));
    }
  }

  static final class MonoIn implements Function<Mono<String>, Mono<String>> {
    @Override
    public Mono<String> apply(Mono<String> text) {
      return text.map(value -> "<" + value + ">");
    }
  }

  static final class FluxIn implements Function<Flux<Order>, Mono<Integer>> {
    @Override
    public Mono<Integer> apply(Flux<Order> orders) {
      return orders.map(Order::quantity).reduce(0, Integer::sum);
    }
  }

  @Nested
  class Synchronous {

    @Test
    void aSynchronousFunctionRunsOnTheCallingThread() {
      // given
      WhereAmI function = new WhereAmI();

      // when
      FunctionResult result = dispatcher.call(single("where", function), text("hi"));

      // then
      assertThat(function.thread.get()).isSameAs(Thread.currentThread());
      assertThat(utf8(result.payload())).isEqualTo("hi!");
    }

    @Test
    void callAsyncOfASynchronousFunctionReturnsACompletedStage() {
      // given
      Composition function = single("upper", new Uppercase());

      // when
      CompletionStage<FunctionResult> stage = dispatcher.callAsync(function, text("hi"));

      // then
      assertThat(stage.toCompletableFuture()).isCompleted();
      assertThat(utf8(valueOf(stage).payload())).isEqualTo("HI");
    }
  }

  @Nested
  class CompletionStages {

    @Test
    void anAlreadyCompletedStageGivesItsValue() {
      // given / when
      FunctionResult result = dispatcher.call(single("now", new CompletedNow()), text("hi"));

      // then
      assertThat(utf8(result.payload())).isEqualTo("hi!");
      assertThat(result.contentType()).isEqualTo("text/plain; charset=UTF-8");
    }

    @Test
    void aStageCompletedLaterOnAnotherThreadIsAwaitedAndEncoded() {
      // given
      OrderLater function = new OrderLater();

      // when
      FunctionResult result = dispatcher.call(single("later", function), text("tea"));

      // then
      assertThat(function.thread.get()).isNotNull().isNotSameAs(Thread.currentThread());
      assertThat(utf8(result.payload())).isEqualTo("{\"item\":\"tea\",\"quantity\":3}");
      assertThat(result.contentType()).isEqualTo("application/json");
    }

    @Test
    void callAsyncDoesNotWaitForAPendingStage() {
      // given
      Pending function = new Pending();

      // when
      CompletionStage<FunctionResult> stage =
          dispatcher.callAsync(single("pending", function), text("hi"));

      // then
      assertThat(stage.toCompletableFuture()).isNotDone();
      function.future.complete("finally");
      assertThat(utf8(valueOf(stage).payload())).isEqualTo("finally");
    }

    @Test
    void callAsyncOfAStageCompletedLaterCompletesWithTheEncodedResult() {
      // given / when
      CompletionStage<FunctionResult> stage =
          dispatcher.callAsync(single("later", new OrderLater()), text("jam"));

      // then
      FunctionResult result = valueOf(stage);
      assertThat(utf8(result.payload())).isEqualTo("{\"item\":\"jam\",\"quantity\":3}");
      assertThat(result.contentType()).isEqualTo("application/json");
    }

    @Test
    void aFailedStageIsAnInvokeFailureNamingTheFunctionWithTheUnwrappedCause() {
      // given
      Composition function = single("fails", new FailsAsync());

      for (String how : new String[] {"now", "wrapped", "later"}) {
        // when
        FunctionException failure = failureOf(() -> dispatcher.call(function, text(how)));

        // then
        assertThat(failure.kind()).as(how).isEqualTo(FunctionException.Kind.FUNCTION_FAILED);
        assertThat(failure.phase()).as(how).isEqualTo(Phase.INVOKE);
        assertThat(failure.functionName()).as(how).isEqualTo("fails");
        assertThat(failure.isUserFailure()).as(how).isTrue();
        assertThat(failure.getCause())
            .as(how)
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("async secret");
        assertThat(failure.detail())
            .as(how)
            .isEqualTo("the function threw java.lang.IllegalStateException");
      }
    }

    @Test
    void callAsyncOfAFailingStageFailsWithAnInvokeFunctionException() {
      // given
      Composition function = single("fails", new FailsAsync());

      // when
      FunctionException failure = failureOf(dispatcher.callAsync(function, text("later")));

      // then
      assertThat(failure.phase()).isEqualTo(Phase.INVOKE);
      assertThat(failure.functionName()).isEqualTo("fails");
      assertThat(failure.getCause()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPendingStageThatFailsLaterFailsTheAsyncCall() {
      // given
      Pending function = new Pending();
      CompletionStage<FunctionResult> stage =
          dispatcher.callAsync(single("pending", function), text("hi"));

      // when
      function.future.completeExceptionally(new ArithmeticException("late"));

      // then
      FunctionException failure = failureOf(stage);
      assertThat(failure.phase()).isEqualTo(Phase.INVOKE);
      assertThat(failure.functionName()).isEqualTo("pending");
      assertThat(failure.getCause()).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void aCancelledStageIsAnInvokeFailure() {
      // given
      Pending function = new Pending();
      function.future.cancel(false);

      // when
      FunctionException failure =
          failureOf(() -> dispatcher.call(single("pending", function), text("hi")));

      // then
      assertThat(failure.phase()).isEqualTo(Phase.INVOKE);
      assertThat(failure.functionName()).isEqualTo("pending");
    }

    @Test
    void aNullStageIsAnEmptyResult() {
      // given / when
      FunctionResult result = dispatcher.call(single("null", new NullStage()), text("hi"));

      // then
      assertThat(result.payload().isEmpty()).isTrue();
      assertThat(result.httpStatus()).isEqualTo(204);
    }
  }

  @Nested
  class CallAsyncFailures {

    @Test
    void callAsyncReturnsAFailedStageForADecodeErrorInsteadOfThrowing() {
      // given
      Composition function = single("order", new MonoOrderIn());
      AtomicReference<CompletionStage<FunctionResult>> stage = new AtomicReference<>();

      // when
      assertThatCode(() -> stage.set(dispatcher.callAsync(function, json("{broken"))))
          .doesNotThrowAnyException();

      // then
      assertThat(stage.get().toCompletableFuture()).isCompletedExceptionally();
      FunctionException failure = failureOf(stage.get());
      assertThat(failure.phase()).isEqualTo(Phase.DECODE);
      assertThat(failure.kind()).isEqualTo(FunctionException.Kind.BAD_INPUT);
      assertThat(failure.functionName()).isEqualTo("order");
    }

    @Test
    void callAsyncReturnsAFailedStageWhenTheFunctionThrowsSynchronously() {
      // given
      Composition function =
          Fixtures.compose(
              registry ->
                  registry.function(
                      "throws",
                      String.class,
                      String.class,
                      text -> {
                        throw new UnsupportedOperationException("sync secret");
                      }),
              "throws");
      AtomicReference<CompletionStage<FunctionResult>> stage = new AtomicReference<>();

      // when
      assertThatCode(() -> stage.set(dispatcher.callAsync(function, text("x"))))
          .doesNotThrowAnyException();

      // then
      FunctionException failure = failureOf(stage.get());
      assertThat(failure.phase()).isEqualTo(Phase.INVOKE);
      assertThat(failure.functionName()).isEqualTo("throws");
      assertThat(failure.getCause()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void callAsyncFailsWithAnEncodeFunctionExceptionWhenTheLaterOutputCannotBeEncoded() {
      // given
      Composition function =
          Fixtures.compose(
              registry ->
                  registry.function(
                      "cyclic",
                      dev.fn4j.function.TypeRef.of(String.class),
                      new dev.fn4j.function.TypeRef<CompletionStage<Object>>() {},
                      text ->
                          CompletableFuture.supplyAsync(
                              OutputEncodingTest.SelfReferencing::new,
                              CompletableFuture.delayedExecutor(10, TimeUnit.MILLISECONDS))),
              "cyclic");

      // when
      FunctionException failure = failureOf(dispatcher.callAsync(function, text("x")));

      // then
      assertThat(failure.phase()).isEqualTo(Phase.ENCODE);
      assertThat(failure.functionName()).isEqualTo("cyclic");
    }

    @Test
    void callAsyncReturnsAFailedStageForAnEncodeErrorOfASynchronousOutput() {
      // given
      Composition function =
          Fixtures.compose(
              registry ->
                  registry.function(
                      "cyclic",
                      String.class,
                      OutputEncodingTest.SelfReferencing.class,
                      text -> new OutputEncodingTest.SelfReferencing()),
              "cyclic");
      AtomicReference<CompletionStage<FunctionResult>> stage = new AtomicReference<>();

      // when
      assertThatCode(() -> stage.set(dispatcher.callAsync(function, text("x"))))
          .doesNotThrowAnyException();

      // then
      FunctionException failure = failureOf(stage.get());
      assertThat(failure.phase()).isEqualTo(Phase.ENCODE);
      assertThat(failure.functionName()).isEqualTo("cyclic");
    }

    @Test
    void callAsyncReturnsAFailedStageWhenReadingAReturnedStreamFails() {
      // given
      Composition function =
          Fixtures.compose(
              registry ->
                  registry.function(
                      "stream",
                      String.class,
                      InputStream.class,
                      text -> new OutputEncodingTest.BrokenStream()),
              "stream");
      AtomicReference<CompletionStage<FunctionResult>> stage = new AtomicReference<>();

      // when
      assertThatCode(() -> stage.set(dispatcher.callAsync(function, text("x"))))
          .doesNotThrowAnyException();

      // then
      FunctionException failure = failureOf(stage.get());
      assertThat(failure.phase()).isEqualTo(Phase.ENCODE);
      assertThat(failure.functionName()).isEqualTo("stream");
    }
  }

  /** Takes an order in a Mono, so decoding happens before any subscription. */
  static final class MonoOrderIn implements Function<Mono<Order>, Mono<String>> {
    @Override
    public Mono<String> apply(Mono<Order> order) {
      return order.map(Order::item);
    }
  }

  @Nested
  class Reactor {

    @Test
    void aMonoOutputGivesItsValue() {
      // given / when
      FunctionResult result = dispatcher.call(single("mono", new MonoUppercase()), text("hi"));

      // then
      assertThat(utf8(result.payload())).isEqualTo("HI");
      assertThat(result.contentType()).isEqualTo("text/plain; charset=UTF-8");
    }

    @Test
    void aMonoEmittingLaterOnAnotherThreadIsAwaited() {
      // given / when
      FunctionResult result = dispatcher.call(single("mono", new MonoLater()), text("hi"));

      // then
      assertThat(utf8(result.payload())).isEqualTo("hi later");
    }

    @Test
    void anEmptyMonoIsAnEmptyResultAnsweredWith204() {
      // given / when
      FunctionResult result = dispatcher.call(single("mono", new MonoNothing()), text("hi"));

      // then
      assertThat(result.payload().isEmpty()).isTrue();
      assertThat(result.httpStatus()).isEqualTo(204);
    }

    @Test
    void aMonoOfARecordIsJson() {
      // given / when
      FunctionResult result = dispatcher.call(single("mono", new MonoOrder()), text("tea"));

      // then
      assertThat(utf8(result.payload())).isEqualTo("{\"item\":\"tea\",\"quantity\":1}");
      assertThat(result.contentType()).isEqualTo("application/json");
    }

    @Test
    void aFluxOutputIsCollectedIntoAJsonArray() {
      // given / when
      FunctionResult letters = dispatcher.call(single("letters", new Letters()), text("abc"));
      FunctionResult orders = dispatcher.call(single("orders", new Orders()), text("x"));

      // then
      assertThat(utf8(letters.payload())).isEqualTo("[\"a\",\"b\",\"c\"]");
      assertThat(letters.contentType()).isEqualTo("application/json");
      assertThat(utf8(orders.payload()))
          .isEqualTo("[{\"item\":\"tea\",\"quantity\":1},{\"item\":\"jam\",\"quantity\":2}]");
    }

    @Test
    void aMonoInputGetsTheDecodedRequest() {
      // given / when
      FunctionResult result = dispatcher.call(single("wrap", new MonoIn()), text("hi"));

      // then
      assertThat(utf8(result.payload())).isEqualTo("<hi>");
    }

    @Test
    void aFluxInputGetsTheElementsOfAJsonArray() {
      // given / when
      FunctionResult result =
          dispatcher.call(
              single("sum", new FluxIn()),
              json("[{\"item\":\"tea\",\"quantity\":2},{\"item\":\"jam\",\"quantity\":3}]"));

      // then
      assertThat(utf8(result.payload())).isEqualTo("5");
      assertThat(result.contentType()).isEqualTo("application/json");
    }

    @Test
    void anErrorInsideAMonoIsAnInvokeFailureNamingTheFunction() {
      // given
      Composition function = single("mono", new MonoFails());

      // when
      FunctionException failure = failureOf(() -> dispatcher.call(function, text("x")));

      // then
      assertThat(failure.phase()).isEqualTo(Phase.INVOKE);
      assertThat(failure.kind()).isEqualTo(FunctionException.Kind.FUNCTION_FAILED);
      assertThat(failure.functionName()).isEqualTo("mono");
      assertThat(failure.getCause()).isInstanceOf(IllegalArgumentException.class);
      assertThat(failure.detail()).doesNotContain("mono secret");
    }

    @Test
    void anErrorInsideAFluxAfterAnElementIsAnInvokeFailureNamingTheFunction() {
      // given
      Composition function = single("flux", new FluxFailsMidway());

      // when
      FunctionException failure = failureOf(() -> dispatcher.call(function, text("x")));
      FunctionException async = failureOf(dispatcher.callAsync(function, text("x")));

      // then
      assertThat(failure.phase()).isEqualTo(Phase.INVOKE);
      assertThat(failure.functionName()).isEqualTo("flux");
      assertThat(failure.getCause()).isInstanceOf(IllegalStateException.class);
      assertThat(async.phase()).isEqualTo(Phase.INVOKE);
      assertThat(async.functionName()).isEqualTo("flux");
    }

    @Test
    void callAsyncOfAMonoCompletesWithItsValue() {
      // given / when
      CompletionStage<FunctionResult> stage =
          dispatcher.callAsync(single("mono", new MonoLater()), text("hi"));

      // then
      assertThat(utf8(valueOf(stage).payload())).isEqualTo("hi later");
    }

    @Test
    void aFluxOfMessagesIsRefusedAtRegistrationBecauseItWouldLoseTheHeaders() {
      assertThatThrownBy(() -> single("messages", new MessageFlux()))
          .isInstanceOf(CatalogException.class)
          .hasMessageContaining("messages")
          .hasMessageContaining("Flux of Message");
    }

    @Test
    void aMessageNestedInAReturnedValueIsWrittenAsItsPayloadWithoutTheContext() {
      // given
      InvocationContext context =
          InvocationContext.builder()
              .requestId("req-9")
              .attribute("x-fc-access-key-secret", "s3cr3t")
              .raw(new Order("raw-platform-object", 9))
              .build();
      Object smuggled = java.util.List.of(Message.of("a", Headers.empty(), context));
      FunctionRequest request =
          new FunctionRequest(
              Payload.ofText("a"), Headers.empty().with("Content-Type", "text/plain"), context);

      // when
      FunctionResult result =
          dispatcher.call(
              Fixtures.compose(
                  registry ->
                      registry.function("smuggle", String.class, Object.class, in -> smuggled),
                  "smuggle"),
              request);

      // then
      assertThat(utf8(result.payload()))
          .doesNotContain("s3cr3t")
          .doesNotContain("raw-platform-object")
          .isEqualTo("[\"a\"]");
    }
  }

  @Nested
  class WithoutReactor {

    private final Dispatcher withoutReactor = new Dispatcher(new ReactiveSupport.Absent());

    @Test
    void plainAndCompletionStageFunctionsNeedNoReactor() {
      // given / when
      FunctionResult plain = withoutReactor.call(single("upper", new Uppercase()), text("hi"));
      FunctionResult later = withoutReactor.call(single("later", new OrderLater()), text("tea"));

      // then
      assertThat(utf8(plain.payload())).isEqualTo("HI");
      assertThat(utf8(later.payload())).isEqualTo("{\"item\":\"tea\",\"quantity\":3}");
    }
  }
}
