package dev.fn4j.core.reactive;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Bridges Reactor's {@code Mono} and {@code Flux} without a hard dependency: Reactor is optional,
 * and only {@link ReactorSupport} names its types, so the core loads and runs without it.
 */
public interface ReactiveSupport {

  /**
   * Returns Reactor support when Reactor is on the classpath, else a stand-in that refuses.
   *
   * @return the support
   */
  static ReactiveSupport detect() {
    return Detection.SUPPORT;
  }

  /**
   * Wraps a value in a {@code Mono}.
   *
   * @param value the value, or null for an empty {@code Mono}
   * @return the {@code Mono}
   */
  Object mono(Object value);

  /**
   * Wraps values in a {@code Flux}.
   *
   * @param values the values
   * @return the {@code Flux}
   */
  Object flux(List<?> values);

  /**
   * Subscribes to a {@code Mono} (its value) or a {@code Flux} (all values, as a list).
   *
   * @param publisher a {@code Mono} or {@code Flux}
   * @return a stage that completes with the value, or fails with the publisher's error
   */
  CompletionStage<Object> toStage(Object publisher);

  /** Looks for Reactor once. */
  final class Detection {
    static final ReactiveSupport SUPPORT = find();

    private Detection() {}

    private static ReactiveSupport find() {
      try {
        Class.forName("reactor.core.publisher.Mono", false, ReactiveSupport.class.getClassLoader());
        return new ReactorSupport();
      } catch (ClassNotFoundException | LinkageError e) {
        return new Absent();
      }
    }
  }

  /** Stands in when Reactor is not on the classpath. */
  final class Absent implements ReactiveSupport {
    private static UnsupportedOperationException missing() {
      return new UnsupportedOperationException(
          "Reactor (io.projectreactor:reactor-core) is not on the classpath");
    }

    @Override
    public Object mono(Object value) {
      throw missing();
    }

    @Override
    public Object flux(List<?> values) {
      throw missing();
    }

    @Override
    public CompletionStage<Object> toStage(Object publisher) {
      throw missing();
    }
  }
}
