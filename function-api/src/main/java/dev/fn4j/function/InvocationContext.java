package dev.fn4j.function;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the platform tells a function about the current invocation.
 *
 * <p>A function reaches it through {@link Message#context()}. The platform's raw event and raw
 * context objects are reachable through {@link #unwrap(Class)} without a compile-time dependency on
 * any vendor library:
 *
 * <pre>{@code
 * Optional<com.amazonaws.services.lambda.runtime.Context> lambda =
 *     message.context().unwrap(com.amazonaws.services.lambda.runtime.Context.class);
 * }</pre>
 */
public interface InvocationContext {

  /**
   * Returns a context for code that runs outside any platform, such as a unit test.
   *
   * @param functionName the function's name
   * @return a context on the {@code "local"} platform with a fixed request id and no deadline
   */
  static InvocationContext local(String functionName) {
    return builder().requestId("local").functionName(functionName).platform("local").build();
  }

  /**
   * Starts building a context; adapters use this, and so may tests.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new ContextValues.Builder();
  }

  /**
   * Returns the platform's id of this invocation.
   *
   * @return the request id; never null
   */
  String requestId();

  /**
   * Returns the name of the function being invoked, as the catalog knows it.
   *
   * @return the function name; never null
   */
  String functionName();

  /**
   * Returns the id of the platform, such as {@code "local"} or {@code "aws-lambda"}.
   *
   * @return the platform id; never null
   */
  String platform();

  /**
   * Returns the instant by which the platform stops the invocation.
   *
   * @return the deadline, or empty when the platform sets none
   */
  Optional<Instant> deadline();

  /**
   * Returns the time left until the deadline, never negative.
   *
   * @return the remaining time, or empty when there is no deadline
   */
  default Optional<Duration> remainingTime() {
    return deadline()
        .map(deadline -> Duration.between(Instant.now(), deadline))
        .map(left -> left.isNegative() ? Duration.ZERO : left);
  }

  /**
   * Returns the tracing context that arrived with the invocation.
   *
   * @return the trace context; empty but never null when none arrived
   */
  TraceContext trace();

  /**
   * Returns platform attributes of the invocation, such as CloudEvent attributes or the service
   * revision.
   *
   * @return an unmodifiable map; empty but never null
   */
  Map<String, String> attributes();

  /**
   * Returns the platform's raw event or raw context object if it is of the given type.
   *
   * @param type the class to look for, for example a vendor event or context class
   * @param <T> the type looked for
   * @return the first raw object that is an instance of {@code type}, or empty
   */
  <T> Optional<T> unwrap(Class<T> type);

  /**
   * Returns a copy naming another function; composition uses this for each stage.
   *
   * @param functionName the function's name
   * @return the new context
   */
  InvocationContext withFunctionName(String functionName);

  /** Collects the values of an {@link InvocationContext}. */
  interface Builder {

    /**
     * Sets the request id (default: {@code "unknown"}).
     *
     * @param requestId the platform's id of the invocation
     * @return this builder
     */
    Builder requestId(String requestId);

    /**
     * Sets the function name (default: empty).
     *
     * @param functionName the function's name
     * @return this builder
     */
    Builder functionName(String functionName);

    /**
     * Sets the platform id (default: {@code "local"}).
     *
     * @param platform the platform id
     * @return this builder
     */
    Builder platform(String platform);

    /**
     * Sets the deadline.
     *
     * @param deadline the instant the platform stops the invocation, or null for none
     * @return this builder
     */
    Builder deadline(Instant deadline);

    /**
     * Sets the trace context.
     *
     * @param trace the trace context
     * @return this builder
     */
    Builder trace(TraceContext trace);

    /**
     * Adds a platform attribute.
     *
     * @param name the attribute name
     * @param value the attribute value
     * @return this builder
     */
    Builder attribute(String name, String value);

    /**
     * Adds a raw platform object (event or context) that {@link InvocationContext#unwrap(Class)}
     * can return.
     *
     * @param raw the platform object
     * @return this builder
     */
    Builder raw(Object raw);

    /**
     * Builds the immutable context.
     *
     * @return the context
     */
    InvocationContext build();
  }
}
