package dev.fn4j.conformance;

import dev.fn4j.core.FunctionRuntime;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A path that needs something running (a server on loopback, a platform fake, a loop): started on
 * the first call, stopped by {@link #close()}, after which calls fail.
 *
 * @param <S> what is running
 */
abstract class StartedPath<S extends AutoCloseable> implements AdapterPath {

  private final String name;
  private final Supplier<FunctionRuntime> runtime;
  private S running;
  private boolean closed;

  StartedPath(String name, Supplier<FunctionRuntime> runtime) {
    this.name = Objects.requireNonNull(name, "name");
    this.runtime = Objects.requireNonNull(runtime, "runtime");
  }

  @Override
  public final String name() {
    return name;
  }

  /**
   * Starts what the path needs.
   *
   * @param shared the process's runtime
   * @return what runs
   * @throws IOException when a server cannot be bound
   */
  abstract S start(FunctionRuntime shared) throws IOException;

  /**
   * Sends a call to what runs.
   *
   * @param started what {@link #start} returned
   * @param call the call
   * @return the outcome
   */
  abstract Outcome call(S started, Call call);

  @Override
  public final Outcome call(Call call) {
    Objects.requireNonNull(call, "call");
    return call(running(), call);
  }

  private synchronized S running() {
    if (closed) {
      throw new PathFailure(name, "the path was closed", null);
    }
    if (running == null) {
      try {
        running = start(runtime.get());
      } catch (IOException e) {
        throw new PathFailure(name, "could not start: " + e, e);
      }
    }
    return running;
  }

  @Override
  public final synchronized void close() {
    closed = true;
    if (running != null) {
      try {
        running.close();
      } catch (Exception e) {
        throw new PathFailure(name, "could not stop cleanly: " + e, e);
      } finally {
        running = null;
      }
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
