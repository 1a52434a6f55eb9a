package dev.fn4j.testkit;

import dev.fn4j.function.FunctionRegistrar;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Serves functions over the local runner for each test, on a free loopback port, and injects a
 * {@link FunctionClient} (or the {@link FunctionServer}) into test and {@code @BeforeEach} methods.
 * See {@link LocalRunnerExtension} for the lifecycle.
 *
 * <pre>{@code
 * @LocalRunner                                         // the application's own functions
 * class HelloOverHttpTest {
 *   @Test
 *   void uppercase_answers_in_capitals(FunctionClient client) {
 *     assertThat(client.post("/uppercase", "hello").body()).isEqualTo("HELLO");
 *   }
 *
 *   @Test
 *   @LocalRunner(environment = "FN4J_FUNCTION=reverse") // replaces the class's settings
 *   void a_selected_function_answers_every_path(FunctionClient client) { ... }
 * }
 * }</pre>
 *
 * <p>The annotation nearest to the test wins as a whole: one on the method replaces the one on its
 * class, which replaces one on an enclosing class; they are not merged.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(LocalRunnerExtension.class)
public @interface LocalRunner {

  /**
   * Returns the registrars whose functions are served, each made with its no-argument constructor.
   *
   * @return the registrars; empty to serve the application's functions as the launcher finds them
   *     ({@code META-INF/services} on the test class's class loader, plus the class {@code
   *     FN4J_FUNCTION} names)
   */
  Class<? extends FunctionRegistrar>[] registrars() default {};

  /**
   * Returns the runner's environment, as {@code NAME=value} entries; the runner sees these and
   * nothing of the process's environment.
   *
   * @return for example {@code {"FN4J_FUNCTION=uppercase|reverse"}}; never {@code PORT}
   */
  String[] environment() default {};
}
