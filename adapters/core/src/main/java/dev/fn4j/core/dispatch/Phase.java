package dev.fn4j.core.dispatch;

/** Where in the data flow an invocation failed (DESIGN.md §6). */
public enum Phase {
  /** Selecting the function: none matched the name, path, header or event type. */
  ROUTE,
  /** Converting the payload to the function's declared input type. */
  DECODE,
  /** Running the function: it threw, or its asynchronous result failed. */
  INVOKE,
  /** Converting the function's output to the reply payload. */
  ENCODE
}
