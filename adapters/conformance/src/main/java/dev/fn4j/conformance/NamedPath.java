package dev.fn4j.conformance;

/** What every path has, HTTP or event: a stable name, and something to stop. */
public interface NamedPath extends AutoCloseable {

  /**
   * Returns the path's name, stable across releases.
   *
   * @return for example {@code aws-lambda-handler}
   */
  String name();

  /** Stops what the path started (a server, a platform fake); does nothing for the others. */
  @Override
  default void close() {}
}
