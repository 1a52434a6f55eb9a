package dev.fn4j.core.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * What happened to each item of a batch, in batch order, so the adapter can report failures for
 * redelivery (SQS {@code batchItemFailures}, a stream's first failed sequence number).
 *
 * @param items one outcome per item
 */
public record BatchOutcome(List<Item> items) {

  public BatchOutcome {
    items = List.copyOf(items);
  }

  /** The outcome of one item. */
  public sealed interface Item {}

  /**
   * The item was handled.
   *
   * @param result the function's result for this item (the batch's result for whole-batch
   *     functions)
   */
  public record Succeeded(FunctionResult result) implements Item {}

  /**
   * The item failed.
   *
   * @param failure why
   */
  public record Failed(FunctionException failure) implements Item {}

  /** The item was not processed because an earlier item of an ordered batch failed. */
  public record NotProcessed() implements Item {}

  /**
   * Returns the positions of the items that must be redelivered: failed and not processed ones.
   *
   * @return the positions, ascending
   */
  public List<Integer> failedIndices() {
    List<Integer> failed = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof Succeeded)) {
        failed.add(i);
      }
    }
    return failed;
  }

  /**
   * Returns the first position that must be redelivered, as a stream checkpoint needs.
   *
   * @return the position, or empty when everything succeeded
   */
  public OptionalInt firstFailedIndex() {
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof Succeeded)) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  /**
   * Tells whether every item succeeded.
   *
   * @return true when nothing is to be redelivered
   */
  public boolean allSucceeded() {
    return firstFailedIndex().isEmpty();
  }
}
