package dev.fn4j.testkit;

import dev.fn4j.core.catalog.FunctionCatalog;
import dev.fn4j.function.FunctionRegistrar;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a piece of test code against the local runner, in the spirit of Javalin's {@code
 * JavalinTest.test(app, (server, client) -> ...)}: the runner starts on a free loopback port, the
 * code runs, and the runner stops afterwards whether the code passed, failed or threw.
 *
 * <pre>{@code
 * @Test
 * void uppercase_answers_with_the_text_in_capitals() {
 *   LocalRunnerTest.run(
 *       registry -> registry.add(new Uppercase()),
 *       (server, client) -> assertThat(client.post("/uppercase", "hi").body()).isEqualTo("HI"));
 * }
 * }</pre>
 *
 * <p>Assertion errors and unchecked exceptions of the code propagate unchanged; a checked exception
 * is rethrown wrapped in an {@link IllegalStateException}.
 */
public final class LocalRunnerTest {

  private LocalRunnerTest() {}

  /**
   * The test code: what to do with the running server.
   *
   * @see LocalRunnerTest#run(FunctionRegistrar, TestCase)
   */
  @FunctionalInterface
  public interface TestCase {

    /**
     * Runs the test.
     *
     * @param server the running runner
     * @param client a client pointed at it
     * @throws Exception anything; the runner is stopped anyway
     */
    void accept(FunctionServer server, FunctionClient client) throws Exception;
  }

  /**
   * Runs test code against the functions a registrar adds, with an empty environment.
   *
   * @param registrar adds the functions
   * @param test the test code
   */
  public static void run(FunctionRegistrar registrar, TestCase test) {
    run(registrar, Map.of(), test);
  }

  /**
   * Runs test code against the functions a registrar adds.
   *
   * @param registrar adds the functions
   * @param environment the runner's settings, for example {@code Map.of("FN4J_FUNCTION", "a|b")};
   *     never {@code PORT}
   * @param test the test code
   */
  public static void run(
      FunctionRegistrar registrar, Map<String, String> environment, TestCase test) {
    Objects.requireNonNull(test, "test");
    run(FunctionServer.start(registrar, environment), test);
  }

  /**
   * Runs test code against a catalog, with an empty environment.
   *
   * @param catalog the functions
   * @param test the test code
   */
  public static void run(FunctionCatalog catalog, TestCase test) {
    run(catalog, Map.of(), test);
  }

  /**
   * Runs test code against a catalog.
   *
   * @param catalog the functions
   * @param environment the runner's settings; never {@code PORT}
   * @param test the test code
   */
  public static void run(FunctionCatalog catalog, Map<String, String> environment, TestCase test) {
    Objects.requireNonNull(test, "test");
    run(FunctionServer.start(catalog, environment), test);
  }

  /**
   * Runs test code against the application's own functions, found through {@code META-INF/services}
   * on the thread's context class loader, as the launcher finds them.
   *
   * @param environment the runner's settings; never {@code PORT}
   * @param test the test code
   */
  public static void runApplication(Map<String, String> environment, TestCase test) {
    Objects.requireNonNull(test, "test");
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    run(
        FunctionServer.load(
            context != null ? context : LocalRunnerTest.class.getClassLoader(), environment),
        test);
  }

  private static void run(FunctionServer started, TestCase test) {
    try (FunctionServer server = started) {
      test.accept(server, server.client());
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("The test threw " + e, e);
    }
  }
}
