package dev.fn4j.conformance.event;

import dev.fn4j.conformance.PathFailure;
import java.io.IOException;
import java.util.Objects;

/**
 * Something a path runs (a server, a platform fake), started on first use and stopped by {@link
 * #close()}, after which it cannot be used.
 *
 * @param <T> what runs
 */
final class Started<T extends AutoCloseable> implements AutoCloseable {

  /** Starts what runs. */
  @FunctionalInterface
  interface Starter<T> {
    T start() throws IOException;
  }

  private final String path;
  private final Starter<T> starter;
  private T running;
  private boolean closed;

  Started(String path, Starter<T> starter) {
    this.path = Objects.requireNonNull(path, "path");
    this.starter = Objects.requireNonNull(starter, "starter");
  }

  /**
   * Returns what runs, starting it on the first call.
   *
   * @return what runs
   * @throws PathFailure when the path was closed or what it runs cannot start
   */
  synchronized T get() {
    if (closed) {
      throw new PathFailure(path, "the path was closed", null);
    }
    if (running == null) {
      try {
        running = starter.start();
      } catch (IOException e) {
        throw new PathFailure(path, "could not start: " + e, e);
      }
    }
    return running;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (running != null) {
      try {
        running.close();
      } catch (Exception e) {
        throw new PathFailure(path, "could not stop cleanly: " + e, e);
      } finally {
        running = null;
      }
    }
  }
}
