package dev.fn4j.function;

import java.util.Collection;
import java.util.List;

/**
 * What a function over a whole batch ({@code List<T>} or {@code Flux<T>}) returns to say which
 * items failed. The platform then redelivers exactly those (SQS {@code batchItemFailures}, the
 * first failed sequence number on a stream, ...), and acknowledges the others.
 *
 * <pre>{@code
 * Function<List<Order>, BatchResult> ship = orders -> {
 *   List<Integer> failed = new ArrayList<>();
 *   for (int i = 0; i < orders.size(); i++) {
 *     if (!tryShip(orders.get(i))) failed.add(i);
 *   }
 *   return BatchResult.failed(failed);
 * };
 * }</pre>
 *
 * <p>A function over single items needs none of this: it throws for an item that failed.
 */
public interface BatchResult {

  /**
   * Returns a result in which every item succeeded.
   *
   * @return the result
   */
  static BatchResult success() {
    return BatchOutcomes.SUCCESS;
  }

  /**
   * Returns a result naming the failed items by their position in the batch.
   *
   * @param indices zero-based positions of the failed items
   * @return the result
   * @throws IllegalArgumentException when an index is negative
   */
  static BatchResult failed(Collection<Integer> indices) {
    return BatchOutcomes.of(indices);
  }

  /**
   * Returns a result naming the failed items by their position in the batch.
   *
   * @param indices zero-based positions of the failed items
   * @return the result
   * @throws IllegalArgumentException when an index is negative
   */
  static BatchResult failed(int... indices) {
    return BatchOutcomes.of(java.util.Arrays.stream(indices).boxed().toList());
  }

  /**
   * Returns the positions of the failed items.
   *
   * @return the positions in ascending order without repeats; empty when all succeeded
   */
  List<Integer> failedIndices();

  /**
   * Tells whether every item succeeded.
   *
   * @return true when no item failed
   */
  default boolean allSucceeded() {
    return failedIndices().isEmpty();
  }
}
