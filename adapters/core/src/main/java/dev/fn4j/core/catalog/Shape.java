package dev.fn4j.core.catalog;

/** How a function's input arrives or its output leaves, around the payload type. */
public enum Shape {
  /** The value itself. */
  PLAIN,
  /** {@code CompletionStage<T>} (output only). */
  COMPLETION_STAGE,
  /** Reactor {@code Mono<T>}. */
  MONO,
  /** Reactor {@code Flux<T>}: a stream of values; a whole batch on a batch trigger. */
  FLUX,
  /** {@code List<T>} input: a JSON array, or the whole batch on a batch trigger. */
  LIST
}
