package dev.fn4j.core.dispatch;

/** How a batch's items relate, which decides what a failure means for the items after it. */
public enum BatchMode {
  /** Independent items (a queue): a failed item is redelivered alone, the others are done. */
  INDEPENDENT,
  /**
   * Ordered items (a stream shard): processing stops at the first failure; that item and all after
   * it are redelivered.
   */
  ORDERED
}
