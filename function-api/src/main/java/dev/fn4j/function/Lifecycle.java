package dev.fn4j.function;

/**
 * Hooks that run at the platform's lifecycle points. Implement the ones you need; each defaults to
 * doing nothing.
 *
 * <p>A function class that implements this interface gets its hooks called; so does any hook
 * registered with {@link FunctionRegistry#lifecycle(Lifecycle)} or listed in {@code
 * META-INF/services/dev.fn4j.function.Lifecycle}. Hooks run in registration order; a hook that
 * throws is logged (without its stack trace) and the others still run, except {@link #onInit()},
 * whose failure stops start-up.
 *
 * <table>
 *   <caption>When each hook runs</caption>
 *   <tr><th>hook</th><th>when</th></tr>
 *   <tr><td>{@link #onInit()}</td><td>once, before the first invocation (FC's initializer,
 *       Lambda's init phase)</td></tr>
 *   <tr><td>{@link #beforeCheckpoint()}</td><td>before a snapshot of the process is taken
 *       (Lambda SnapStart, CRaC): close connections, prime caches</td></tr>
 *   <tr><td>{@link #afterRestore()}</td><td>after the process is restored from a snapshot:
 *       reconnect, reseed randomness</td></tr>
 *   <tr><td>{@link #preFreeze()}</td><td>before the platform freezes an idle instance (FC
 *       pre-freeze): flush buffers</td></tr>
 *   <tr><td>{@link #preStop()}</td><td>before the instance stops (FC pre-stop, SIGTERM, Lambda
 *       shutdown): release resources</td></tr>
 * </table>
 */
public interface Lifecycle {

  /**
   * Runs once before the first invocation.
   *
   * @throws Exception to fail start-up
   */
  default void onInit() throws Exception {}

  /**
   * Runs before a snapshot of the process is taken.
   *
   * @throws Exception to report a failure; other hooks still run
   */
  default void beforeCheckpoint() throws Exception {}

  /**
   * Runs after the process was restored from a snapshot.
   *
   * @throws Exception to report a failure; other hooks still run
   */
  default void afterRestore() throws Exception {}

  /**
   * Runs before the platform freezes an idle instance.
   *
   * @throws Exception to report a failure; other hooks still run
   */
  default void preFreeze() throws Exception {}

  /**
   * Runs before the instance stops.
   *
   * @throws Exception to report a failure; other hooks still run
   */
  default void preStop() throws Exception {}
}
