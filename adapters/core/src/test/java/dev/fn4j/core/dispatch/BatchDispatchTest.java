package dev.fn4j.core.dispatch;

import static dev.fn4j.core.dispatch.Fixtures.failureAt;
import static dev.fn4j.core.dispatch.Fixtures.json;
import static dev.fn4j.core.dispatch.Fixtures.jsonItems;
import static dev.fn4j.core.dispatch.Fixtures.resultAt;
import static dev.fn4j.core.dispatch.Fixtures.single;
import static dev.fn4j.core.dispatch.Fixtures.textItems;
import static dev.fn4j.core.dispatch.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.core.catalog.Composition;
import dev.fn4j.core.convert.Payload;
import dev.fn4j.core.testfunctions.FailOnBoom;
import dev.fn4j.core.testfunctions.Order;
import dev.fn4j.function.BatchResult;
import dev.fn4j.function.Headers;
import dev.fn4j.function.Message;
import dev.fn4j.function.TypeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Batches: per-item outcomes, independent and ordered, per item and whole-batch functions. */
class BatchDispatchTest {

  private static final String TEA = "{\"item\":\"tea\",\"quantity\":1}";
  private static final String JAM = "{\"item\":\"jam\",\"quantity\":2}";
  private static final String HAM = "{\"item\":\"ham\",\"quantity\":3}";
  private static final String BROKEN = "{\"item\":";

  private final Dispatcher dispatcher = new Dispatcher();

  /** A whole-batch function that keeps its batches and reports some positions as failed. */
  static final class ShipAll implements Function<List<Order>, BatchResult> {
    final List<List<Order>> batches = new ArrayList<>();
    private final int[] failed;

    ShipAll(int... failed) {
      this.failed = failed;
    }

    @Override
    public BatchResult apply(List<Order> orders) {
      batches.add(orders);
      return BatchResult.failed(failed);
    }
  }

  /** A whole-batch function that throws. */
  static final class ShipNothing implements Function<List<Order>, BatchResult> {
    int calls;

    @Override
    public BatchResult apply(List<Order> orders) {
      calls++;
      throw new IllegalStateException("warehouse down");
    }
  }

  /** A whole-batch function that answers a summary rather than a BatchResult. */
  static final class CountAll implements Function<List<Order>, Integer> {
    @Override
    public Integer apply(List<Order> orders) {
      return orders.stream().mapToInt(Order::quantity).sum();
    }
  }

  /** A whole-batch function over a Flux, answering asynchronously. */
  static final class StreamAll implements Function<Flux<String>, Mono<BatchResult>> {
    final List<String> seen = new ArrayList<>();

    @Override
    public Mono<BatchResult> apply(Flux<String> items) {
      return items
          .doOnNext(seen::add)
          .index()
          .filter(pair -> pair.getT2().equals("bad"))
          .map(pair -> pair.getT1().intValue())
          .collectList()
          .map(BatchResult::failed);
    }
  }

  /** A whole-batch function over messages: each keeps its own item's headers. */
  static final class ReadIds implements Function<List<Message<String>>, String> {
    @Override
    public String apply(List<Message<String>> messages) {
      StringBuilder ids = new StringBuilder();
      for (Message<String> message : messages) {
        ids.append(message.payload())
            .append('=')
            .append(message.headers().first("X-Id").orElse("?"))
            .append('@')
            .append(message.context().functionName())
            .append(';');
      }
      return ids.toString();
    }
  }

  private static FunctionRequest withId(String body, String id) {
    return new FunctionRequest(
        Payload.ofText(body), Headers.empty().with("X-Id", id), Fixtures.CONTEXT);
  }

  @Nested
  class PerItem {

    @Test
    void anIndependentBatchReportsOnlyTheFailedItem() {
      // given
      FailOnBoom function = new FailOnBoom();

      // when
      BatchOutcome outcome =
          dispatcher.callBatch(
              single("upper", function), textItems("a", "boom", "c"), BatchMode.INDEPENDENT);

      // then
      assertThat(outcome.failedIndices()).containsExactly(1);
      assertThat(outcome.firstFailedIndex()).hasValue(1);
      assertThat(outcome.allSucceeded()).isFalse();
      assertThat(outcome.items())
          .hasExactlyElementsOfTypes(
              BatchOutcome.Succeeded.class,
              BatchOutcome.Failed.class,
              BatchOutcome.Succeeded.class);
      assertThat(utf8(resultAt(outcome, 0).payload())).isEqualTo("A");
      assertThat(utf8(resultAt(outcome, 2).payload())).isEqualTo("C");
      FunctionException failure = failureAt(outcome, 1);
      assertThat(failure.phase()).isEqualTo(Phase.INVOKE);
      assertThat(failure.functionName()).isEqualTo("upper");
      assertThat(function.calls()).isEqualTo(3);
    }

    @Test
    void anOrderedBatchStopsAtTheFirstFailure() {
      // given
      FailOnBoom function = new FailOnBoom();

      // when
      BatchOutcome outcome =
          dispatcher.callBatch(
              single("upper", function), textItems("a", "boom", "c", "d"), BatchMode.ORDERED);

      // then
      assertThat(outcome.items())
          .hasExactlyElementsOfTypes(
              BatchOutcome.Succeeded.class,
              BatchOutcome.Failed.class,
              BatchOutcome.NotProcessed.class,
              BatchOutcome.NotProcessed.class);
      assertThat(outcome.firstFailedIndex()).hasValue(1);
      assertThat(outcome.failedIndices()).containsExactly(1, 2, 3);
      assertThat(function.calls()).isEqualTo(2);
    }

    @Test
    void anItemThatFailsToDecodeFailsAloneWithADecodeError() {
      // given
      Composition describe = single("describe", new dev.fn4j.core.testfunctions.Describe());

      // when
      BatchOutcome outcome =
          dispatcher.callBatch(describe, jsonItems(TEA, BROKEN, JAM), BatchMode.INDEPENDENT);

      // then
      assertThat(outcome.failedIndices()).containsExactly(1);
      assertThat(failureAt(outcome, 1).kind()).isEqualTo(FunctionException.Kind.BAD_INPUT);
      assertThat(failureAt(outcome, 1).functionName()).isEqualTo("describe");
      assertThat(utf8(resultAt(outcome, 0).payload())).isEqualTo("1 x tea");
      assertThat(utf8(resultAt(outcome, 2).payload())).isEqualTo("2 x jam");
    }

    @ParameterizedTest
    @EnumSource(BatchMode.class)
    void aBatchWithoutFailuresSucceedsEntirely(BatchMode mode) {
      // given
      FailOnBoom function = new FailOnBoom();

      // when
      BatchOutcome outcome =
          dispatcher.callBatch(single("upper", function), textItems("a", "b"), mode);

      // then
      assertThat(outcome.allSucceeded()).isTrue();
      assertThat(outcome.failedIndices()).isEmpty();
      assertThat(outcome.firstFailedIndex()).isEmpty();
      assertThat(function.calls()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(BatchMode.class)
    void anEmptyBatchInvokesNothingAndSucceeds(BatchMode mode) {
      // given
      FailOnBoom function = new FailOnBoom();

      // when
      BatchOutcome outcome = dispatcher.callBatch(single("upper", function), List.of(), mode);

      // then
      assertThat(outcome.items()).isEmpty();
      assertThat(outcome.allSucceeded()).isTrue();
      assertThat(outcome.firstFailedIndex()).isEmpty();
      assertThat(function.calls()).isZero();
    }
  }

  @Nested
  class WholeBatch {

    @Test
    void aListFunctionGetsEveryItemInOneCall() {
      // given
      ShipAll function = new ShipAll();

      // when
      BatchOutcome outcome =
          dispatcher.callBatch(
              single("ship", function), jsonItems(TEA, JAM, HAM), BatchMode.INDEPENDENT);

      // then
      assertThat(function.batches)
          .containsExactly(List.of(new Order("tea", 1), new Order("jam", 2), new Order("ham", 3)));
      assertThat(outcome.allSucceeded()).isTrue();
      assertThat(outcome.items()).hasSize(3);
    }

    @Test
    void aBatchResultNamingItemOneFailsOnlyItemOne() {
      // given
      ShipAll function = new ShipAll(1);

      // when
      BatchOutcome outcome =
          dispatcher.callBatch(
              single("ship", function), jsonItems(TEA, JAM, HAM), BatchMode.INDEPENDENT);

      // then
      assertThat(outcome.failedIndices()).containsExactly(1);
      assertThat(outcome.items())
          .hasExactlyElementsOfTypes(
              BatchOutcome.Succeeded.class,
              BatchOutcome.Failed.class,
              BatchOutcome.Succeeded.class);
      FunctionException failure = failureAt(outcome, 1);
      assertThat(failure.kind()).isEqualTo(FunctionException.Kind.FUNCTION_FAILED);
      assertThat(failure.phase()).isEqualTo(Phase.INVOKE);
      assertThat(failure.functionName()).isEqualTo("ship");
      assertThat(failure.detail()).isEqualTo("the function reported batch item 1 as failed");
      assertThat(resultAt(outcome, 0).failedItems()).containsExactly(1);
    }

    @Test
    void anOrderedBatchResultNamingItemOneLeavesTheRestUnprocessed() {
      // given
      ShipAll function = new ShipAll(1);

      // when
      BatchOutcome outcome =
          dispatcher.callBatch(
              single("ship", function), jsonItems(TEA, JAM, HAM), BatchMode.ORDERED);

      // then
      assertThat(outcome.items())
          .hasExactlyElementsOfTypes(
              BatchOutcome.Succeeded.class,
              BatchOutcome.Failed.class,
              BatchOutcome.NotProcessed.class);
      assertThat(outcome.firstFailedIndex()).hasValue(1);
      assertThat(outcome.failedIndices()).containsExactly(1, 2);
    }

    @ParameterizedTest
    @EnumSource(BatchMode.class)
    void aThrowingWholeBatchFunctionFailsEveryItem(BatchMode mode) {
      // given
      ShipNothing function = new ShipNothing();

      // when
      BatchOutcome outcome =
          dispatcher.callBatch(single("ship", function), jsonItems(TEA, JAM, HAM), mode);

      // then
      assertThat(outcome.failedIndices()).containsExactly(0, 1, 2);
      for (int i = 0; i < 3; i++) {
        FunctionException failure = failureAt(outcome, i);
        assertThat(failure.phase()).isEqualTo(Phase.INVOKE);
        assertThat(failure.functionName()).isEqualTo("ship");
        assertThat(failure.getCause()).hasMessage("warehouse down");
      }
      assertThat(function.calls).isEqualTo(1);
    }

    @Test
    void anItemThatFailsToDecodeFailsAloneInAnIndependentBatch() {
      // given
      ShipAll function = new ShipAll();

      // when
      BatchOutcome outcome =
          dispatcher.callBatch(
              single("ship", function), jsonItems(TEA, BROKEN, HAM), BatchMode.INDEPENDENT);

      // then
      assertThat(function.batches)
          .containsExactly(List.of(new Order("tea", 1), new Order("ham", 3)));
      assertThat(outcome.failedIndices()).containsExactly(1);
      FunctionException failure = failureAt(outcome, 1);
      assertThat(failure.kind()).isEqualTo(FunctionException.Kind.BAD_INPUT);
      assertThat(failure.phase()).isEqualTo(Phase.DECODE);
      assertThat(failure.functionName()).isEqualTo("ship");
    }

    @Test
    void anItemThatFailsToDecodeStopsTheRestOfAnOrderedBatch() {
      // given
      ShipAll function = new ShipAll();

      // when
      BatchOutcome outcome =
          dispatcher.callBatch(
              single("ship", function), jsonItems(TEA, BROKEN, HAM), BatchMode.ORDERED);

      // then
      assertThat(function.batches).containsExactly(List.of(new Order("tea", 1)));
      assertThat(outcome.items())
          .hasExactlyElementsOfTypes(
              BatchOutcome.Succeeded.class,
              BatchOutcome.Failed.class,
              BatchOutcome.NotProcessed.class);
      assertThat(failureAt(outcome, 1).phase()).isEqualTo(Phase.DECODE);
      assertThat(outcome.firstFailedIndex()).hasValue(1);
    }

    @Test
    void aFirstItemThatFailsToDecodeInAnOrderedBatchInvokesNothing() {
      // given
      ShipAll function = new ShipAll();

      // when
      BatchOutcome outcome =
          dispatcher.callBatch(
              single("ship", function), jsonItems(BROKEN, TEA, JAM), BatchMode.ORDERED);

      // then
      assertThat(function.batches).isEmpty();
      assertThat(outcome.items())
          .hasExactlyElementsOfTypes(
              BatchOutcome.Failed.class,
              BatchOutcome.NotProcessed.class,
              BatchOutcome.NotProcessed.class);
    }

    @Test
    void theFunctionsIndicesAreMappedBackToBatchPositionsAroundDecodeFailures() {
      // given: item 0 does not decode, so the function sees [jam, ham] and fails its index 1
      ShipAll function = new ShipAll(1);

      // when
      BatchOutcome outcome =
          dispatcher.callBatch(
              single("ship", function), jsonItems(BROKEN, JAM, HAM), BatchMode.INDEPENDENT);

      // then
      assertThat(function.batches)
          .containsExactly(List.of(new Order("jam", 2), new Order("ham", 3)));
      assertThat(outcome.failedIndices()).containsExactly(0, 2);
      assertThat(failureAt(outcome, 0).phase()).isEqualTo(Phase.DECODE);
      assertThat(failureAt(outcome, 2).detail())
          .isEqualTo("the function reported batch item 2 as failed");
      assertThat(outcome.items().get(1)).isInstanceOf(BatchOutcome.Succeeded.class);
    }

    @Test
    void aWholeBatchFunctionAnsweringAValueSucceedsForEveryItemWithThatResult() {
      // given / when
      BatchOutcome outcome =
          dispatcher.callBatch(
              single("count", new CountAll()), jsonItems(TEA, JAM), BatchMode.INDEPENDENT);

      // then
      assertThat(outcome.allSucceeded()).isTrue();
      assertThat(utf8(resultAt(outcome, 0).payload())).isEqualTo("3");
      assertThat(resultAt(outcome, 1)).isSameAs(resultAt(outcome, 0));
    }

    @Test
    void aFluxFunctionGetsTheWholeBatchAndCanReportFailuresAsynchronously() {
      // given
      StreamAll function = new StreamAll();

      // when
      BatchOutcome outcome =
          dispatcher.callBatch(
              single("stream", function), textItems("ok", "bad", "ok"), BatchMode.INDEPENDENT);

      // then
      assertThat(function.seen).containsExactly("ok", "bad", "ok");
      assertThat(outcome.failedIndices()).containsExactly(1);
    }

    @Test
    void messageItemsOfAWholeBatchKeepTheirOwnHeaders() {
      // given / when
      BatchOutcome outcome =
          dispatcher.callBatch(
              single("ids", new ReadIds()),
              List.of(withId("a", "1"), withId("b", "2")),
              BatchMode.INDEPENDENT);

      // then
      assertThat(utf8(resultAt(outcome, 0).payload())).isEqualTo("a=1@ids;b=2@ids;");
    }

    @ParameterizedTest
    @EnumSource(BatchMode.class)
    void anEmptyBatchDoesNotInvokeAWholeBatchFunction(BatchMode mode) {
      // given
      ShipAll function = new ShipAll();

      // when
      BatchOutcome outcome = dispatcher.callBatch(single("ship", function), List.of(), mode);

      // then
      assertThat(outcome.items()).isEmpty();
      assertThat(outcome.allSucceeded()).isTrue();
      assertThat(function.batches).isEmpty();
    }

    @Test
    void aSingleRequestToAWholeBatchFunctionReportsFailedItemsInTheResult() {
      // given
      ShipAll function = new ShipAll(0, 2);

      // when
      FunctionResult result =
          dispatcher.call(single("ship", function), json("[" + TEA + "," + JAM + "," + HAM + "]"));

      // then
      assertThat(result.failedItems()).containsExactly(0, 2);
      assertThat(function.batches).hasSize(1);
    }

    @Test
    void aBatchResultInsideAMessageStillFailsTheItemsItNames() {
      // given
      Composition function =
          Fixtures.compose(
              registry ->
                  registry.function(
                      "ship",
                      new TypeRef<List<Order>>() {},
                      new TypeRef<Message<BatchResult>>() {},
                      orders ->
                          Message.of(
                              BatchResult.failed(1), Headers.empty().with("X-Shipped", "2"))),
              "ship");

      // when
      BatchOutcome outcome =
          dispatcher.callBatch(function, jsonItems(TEA, JAM, HAM), BatchMode.INDEPENDENT);

      // then
      assertThat(outcome.failedIndices()).containsExactly(1);
    }
  }
}
