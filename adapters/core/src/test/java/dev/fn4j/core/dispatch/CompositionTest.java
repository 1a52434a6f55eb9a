package dev.fn4j.core.dispatch;

import static dev.fn4j.core.dispatch.Fixtures.compose;
import static dev.fn4j.core.dispatch.Fixtures.empty;
import static dev.fn4j.core.dispatch.Fixtures.failureOf;
import static dev.fn4j.core.dispatch.Fixtures.text;
import static dev.fn4j.core.dispatch.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.core.catalog.Composition;
import dev.fn4j.core.catalog.FunctionKind;
import dev.fn4j.core.testfunctions.Describe;
import dev.fn4j.core.testfunctions.FailOnBoom;
import dev.fn4j.core.testfunctions.Order;
import dev.fn4j.core.testfunctions.Uppercase;
import dev.fn4j.function.FunctionRegistry;
import dev.fn4j.function.Headers;
import dev.fn4j.function.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Pipelines {@code a|b|c}: each stage's output feeds the next one's declared input. */
class CompositionTest {

  private final Dispatcher dispatcher = new Dispatcher();

  /** Trims text. */
  static final class Trim implements Function<String, String> {
    @Override
    public String apply(String text) {
      return text.trim();
    }
  }

  /** Returns its input unchanged, so a test sees exactly what the stage received. */
  static final class Echo implements Function<String, String> {
    @Override
    public String apply(String text) {
      return text;
    }
  }

  /** Parses {@code "tea:2"} into an order. */
  static final class ParseOrder implements Function<String, Order> {
    @Override
    public Order apply(String text) {
      String[] parts = text.split(":");
      return new Order(parts[0], Integer.parseInt(parts[1]));
    }
  }

  /** Doubles an order's quantity, and remembers the instance it got. */
  static final class DoubleOrder implements Function<Order, Order> {
    final List<Order> received = new ArrayList<>();

    @Override
    public Order apply(Order order) {
      received.add(order);
      return new Order(order.item(), order.quantity() * 2);
    }
  }

  /** Supplies a greeting. */
  static final class Greeting implements Supplier<String> {
    @Override
    public String get() {
      return "hello";
    }
  }

  /** Keeps what it consumes. */
  static final class Sink implements Consumer<String> {
    final List<String> received = new ArrayList<>();

    @Override
    public void accept(String text) {
      received.add(text);
    }
  }

  /** Answers a message carrying an {@code X-Tag} header. */
  static final class Tag implements Function<String, Message<String>> {
    @Override
    public Message<String> apply(String text) {
      return Message.of(text, Headers.empty().with("X-Tag", "blue"));
    }
  }

  /** Reads the payload, the {@code X-Tag} header and the context's function name. */
  static final class ReadTag implements Function<Message<String>, String> {
    @Override
    public String apply(Message<String> message) {
      return message.payload()
          + "/"
          + message.headers().first("X-Tag").orElse("none")
          + "/"
          + message.context().functionName()
          + "/"
          + message.context().requestId();
    }
  }

  /** Reads an order and the {@code X-Tag} header. */
  static final class ReadTaggedOrder implements Function<Message<Order>, String> {
    @Override
    public String apply(Message<Order> message) {
      return message.payload().quantity()
          + " x "
          + message.payload().item()
          + " tagged "
          + message.headers().first("X-Tag").orElse("none");
    }
  }

  /** Passes the payload on in a message with an {@code X-Stage} header. */
  static final class Stamp implements Function<Message<String>, Message<String>> {
    @Override
    public Message<String> apply(Message<String> message) {
      return Message.of(
          message.payload(), message.headers().with("X-Stage", message.context().functionName()));
    }
  }

  /** Upper-cases text a little later, on another thread. */
  static final class UppercaseLater implements Function<String, CompletionStage<String>> {
    @Override
    public CompletionStage<String> apply(String text) {
      return CompletableFuture.supplyAsync(
          () -> text.toUpperCase(java.util.Locale.ROOT),
          CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
    }
  }

  private static void all(FunctionRegistry registry) {
    registry
        .add("trim", new Trim())
        .add("echo", new Echo())
        .add("parse", new ParseOrder())
        .add("describe", new Describe())
        .add("greeting", new Greeting())
        .add("uppercase", new Uppercase())
        .add("explode", new FailOnBoom())
        .add("tag", new Tag())
        .add("readTag", new ReadTag())
        .add("readTaggedOrder", new ReadTaggedOrder())
        .add("stamp", new Stamp())
        .add("later", new UppercaseLater());
  }

  @Test
  void aStringStageFeedsARecordStageThroughJson() {
    // given
    Composition function = compose(CompositionTest::all, "trim|describe");

    // when
    FunctionResult result =
        dispatcher.call(function, text("   {\"item\":\"tea\",\"quantity\":2}  \n"));

    // then
    assertThat(utf8(result.payload())).isEqualTo("2 x tea");
    assertThat(result.contentType()).isEqualTo("text/plain; charset=UTF-8");
  }

  @Test
  void aRecordStageFeedsAStringStageTheRecordsJson() {
    // given
    Composition function = compose(CompositionTest::all, "parse|echo");

    // when
    FunctionResult result = dispatcher.call(function, text("tea:2"));

    // then
    assertThat(utf8(result.payload())).isEqualTo("{\"item\":\"tea\",\"quantity\":2}");
    assertThat(result.contentType()).isEqualTo("text/plain; charset=UTF-8");
  }

  @Test
  void aRecordStagePassesTheVerySameRecordToAStageThatDeclaresIt() {
    // given
    DoubleOrder doubler = new DoubleOrder();
    Order order = new Order("tea", 2);
    Composition function =
        compose(
            registry ->
                registry
                    .function("constant", String.class, Order.class, in -> order)
                    .add("double", doubler),
            "constant|double");

    // when
    FunctionResult result = dispatcher.call(function, text("x"));

    // then
    assertThat(doubler.received).singleElement().isSameAs(order);
    assertThat(utf8(result.payload())).isEqualTo("{\"item\":\"tea\",\"quantity\":4}");
    assertThat(result.contentType()).isEqualTo("application/json");
  }

  @Test
  void aSupplierFeedsAFunction() {
    // given
    Composition function = compose(CompositionTest::all, "greeting|uppercase");

    // when
    FunctionResult result = dispatcher.call(function, empty());

    // then
    assertThat(function.kind()).isEqualTo(FunctionKind.SUPPLIER);
    assertThat(utf8(result.payload())).isEqualTo("HELLO");
  }

  @Test
  void aFunctionFeedsAConsumerAndTheResultIsEmpty() {
    // given
    Sink sink = new Sink();
    Composition function =
        compose(
            registry -> registry.add("uppercase", new Uppercase()).add("sink", sink),
            "uppercase|sink");

    // when
    FunctionResult result = dispatcher.call(function, text("hello"));

    // then
    assertThat(function.kind()).isEqualTo(FunctionKind.CONSUMER);
    assertThat(sink.received).containsExactly("HELLO");
    assertThat(result.payload().isEmpty()).isTrue();
    assertThat(result.httpStatus()).isEqualTo(204);
  }

  @Test
  void threeStagesRunInOrder() {
    // given
    DoubleOrder doubler = new DoubleOrder();
    Composition function =
        compose(
            registry -> {
              all(registry);
              registry.add("double", doubler);
            },
            "trim|parse|double|describe");

    // when
    FunctionResult result = dispatcher.call(function, text("  tea:2 "));

    // then
    assertThat(doubler.received).containsExactly(new Order("tea", 2));
    assertThat(utf8(result.payload())).isEqualTo("4 x tea");
  }

  @Test
  void messageHeadersAreCarriedToTheNextStageWithItsOwnFunctionName() {
    // given
    Composition function = compose(CompositionTest::all, "tag|readTag");

    // when
    FunctionResult result = dispatcher.call(function, text("x"));

    // then
    assertThat(utf8(result.payload())).isEqualTo("x/blue/readTag/req-1");
  }

  @Test
  void messageHeadersAreCarriedWhenTheNextStageNeedsJsonDecoding() {
    // given
    Composition function = compose(CompositionTest::all, "tag|readTaggedOrder");

    // when
    FunctionResult result = dispatcher.call(function, text("{\"item\":\"tea\",\"quantity\":2}"));

    // then
    assertThat(utf8(result.payload())).isEqualTo("2 x tea tagged blue");
  }

  @Test
  void theLastStagesMessageHeadersBecomeResultHeaders() {
    // given
    Composition function = compose(CompositionTest::all, "tag|stamp");

    // when
    FunctionResult result = dispatcher.call(function, text("x"));

    // then
    assertThat(utf8(result.payload())).isEqualTo("x");
    assertThat(result.headers().first("X-Tag")).contains("blue");
    assertThat(result.headers().first("X-Stage")).contains("stamp");
  }

  @Test
  void aFailureInTheSecondStageNamesTheSecondStageInPhaseInvoke() {
    // given
    Composition function = compose(CompositionTest::all, "trim|explode");

    // when
    FunctionException failure = failureOf(() -> dispatcher.call(function, text("  boom ")));

    // then
    assertThat(failure.kind()).isEqualTo(FunctionException.Kind.FUNCTION_FAILED);
    assertThat(failure.phase()).isEqualTo(Phase.INVOKE);
    assertThat(failure.functionName()).isEqualTo("explode");
    assertThat(failure.getMessage()).startsWith("Function 'explode' failed in phase INVOKE");
    assertThat(failure.getCause()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aFailureInTheFirstStageNamesTheFirstStageAndSkipsTheRest() {
    // given
    Sink sink = new Sink();
    Composition function =
        compose(
            registry -> registry.add("explode", new FailOnBoom()).add("sink", sink),
            "explode|sink");

    // when
    FunctionException failure = failureOf(() -> dispatcher.call(function, text("boom")));

    // then
    assertThat(failure.functionName()).isEqualTo("explode");
    assertThat(failure.phase()).isEqualTo(Phase.INVOKE);
    assertThat(sink.received).isEmpty();
  }

  @Test
  void aDecodeFailureBetweenStagesNamesTheReceivingStage() {
    // given
    Composition function = compose(CompositionTest::all, "trim|describe");

    // when
    FunctionException failure = failureOf(() -> dispatcher.call(function, text(" not json ")));

    // then
    assertThat(failure.kind()).isEqualTo(FunctionException.Kind.BAD_INPUT);
    assertThat(failure.phase()).isEqualTo(Phase.DECODE);
    assertThat(failure.functionName()).isEqualTo("describe");
  }

  @Test
  void aDecodeFailureOfTheRequestNamesTheFirstStage() {
    // given
    Composition function = compose(CompositionTest::all, "describe|uppercase");

    // when
    FunctionException failure = failureOf(() -> dispatcher.call(function, text("not json")));

    // then
    assertThat(failure.phase()).isEqualTo(Phase.DECODE);
    assertThat(failure.functionName()).isEqualTo("describe");
  }

  @Test
  void anAsynchronousStageFeedsTheNextStage() {
    // given
    Composition function = compose(CompositionTest::all, "later|trim");

    // when
    FunctionResult result = dispatcher.call(function, text(" abc "));

    // then
    assertThat(utf8(result.payload())).isEqualTo("ABC");
  }

  @Test
  void aDecodeFailureAfterAnAsynchronousStageNamesTheReceivingStage() {
    // given
    Composition function = compose(CompositionTest::all, "later|describe");

    // when
    FunctionException failure = failureOf(() -> dispatcher.call(function, text("not json")));

    // then
    assertThat(failure.phase()).isEqualTo(Phase.DECODE);
    assertThat(failure.kind()).isEqualTo(FunctionException.Kind.BAD_INPUT);
    assertThat(failure.functionName()).isEqualTo("describe");
  }

  @Test
  void aFailureAfterAnAsynchronousStageNamesTheFailingStage() {
    // given
    Composition function =
        compose(
            registry -> {
              all(registry);
              registry.function(
                  "reject",
                  String.class,
                  String.class,
                  text -> {
                    throw new IllegalArgumentException("rejected " + text);
                  });
            },
            "trim|later|reject");

    // when
    FunctionException blocking = failureOf(() -> dispatcher.call(function, text(" abc ")));
    FunctionException async = failureOf(dispatcher.callAsync(function, text(" abc ")));

    // then
    for (FunctionException failure : List.of(blocking, async)) {
      assertThat(failure.functionName()).isEqualTo("reject");
      assertThat(failure.phase()).isEqualTo(Phase.INVOKE);
      assertThat(failure.getCause())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("rejected ABC");
    }
  }
}
