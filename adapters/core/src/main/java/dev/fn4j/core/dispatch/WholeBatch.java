package dev.fn4j.core.dispatch;

import dev.fn4j.core.catalog.Composition;
import dev.fn4j.core.catalog.FunctionDefinition;
import dev.fn4j.core.catalog.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A batch handed to a function over {@code List<T>} or {@code Flux<T>} in one call. */
final class WholeBatch {

  private static final System.Logger LOG = dev.fn4j.core.logging.LazyLogger.of("dev.fn4j.dispatch");

  private WholeBatch() {}

  static BatchOutcome call(
      Dispatcher dispatcher, Composition function, List<FunctionRequest> items, BatchMode mode) {
    if (items.isEmpty()) {
      return new BatchOutcome(List.of());
    }
    FunctionDefinition first = function.first();
    BatchOutcome.Item[] outcomes = new BatchOutcome.Item[items.size()];
    List<Object> values = new ArrayList<>(items.size());
    List<Integer> positions = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      try {
        values.add(InputDecoder.element(first, items.get(i)));
        positions.add(i);
      } catch (FunctionException e) {
        outcomes[i] = new BatchOutcome.Failed(e);
        if (mode == BatchMode.ORDERED) {
          Arrays.fill(outcomes, i + 1, outcomes.length, new BatchOutcome.NotProcessed());
          break;
        }
      }
    }
    if (!values.isEmpty()) {
      Object input =
          first.signature().inputShape() == Shape.FLUX
              ? dispatcher.reactive().flux(values)
              : List.copyOf(values);
      invoke(dispatcher, function, input, items.get(positions.get(0)), positions, outcomes, mode);
    }
    return new BatchOutcome(Arrays.asList(outcomes));
  }

  private static void invoke(
      Dispatcher dispatcher,
      Composition function,
      Object input,
      FunctionRequest context,
      List<Integer> positions,
      BatchOutcome.Item[] outcomes,
      BatchMode mode) {
    FunctionResult result;
    try {
      Object output = dispatcher.run(function, 0, input, context);
      result = dispatcher.finish(function.last(), output, context);
    } catch (FunctionException e) {
      positions.forEach(position -> outcomes[position] = new BatchOutcome.Failed(e));
      return;
    }
    result.failedItems().stream()
        .filter(index -> index >= positions.size())
        .findFirst()
        .ifPresent(
            index ->
                LOG.log(
                    System.Logger.Level.WARNING,
                    "Function '"
                        + function.first().name()
                        + "' reported batch item "
                        + index
                        + " as failed, but the batch it received has "
                        + positions.size()
                        + " items; ignored"));
    boolean stopped = false;
    for (int i = 0; i < positions.size(); i++) {
      int position = positions.get(i);
      if (stopped) {
        outcomes[position] = new BatchOutcome.NotProcessed();
      } else if (result.failedItems().contains(i)) {
        outcomes[position] =
            new BatchOutcome.Failed(
                FunctionException.itemReportedFailed(function.first().name(), position));
        stopped = mode == BatchMode.ORDERED;
      } else {
        outcomes[position] = new BatchOutcome.Succeeded(result);
      }
    }
  }
}
