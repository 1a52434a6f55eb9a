package dev.fn4j.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class or method only when the shared vendor fixtures (and the named vendors' folders)
 * exist; otherwise JUnit reports it as skipped with a reason such as {@code shared vendor fixtures
 * not found at /work/shared/fixtures}. See {@link VendorFixtures} for where they are looked for and
 * {@link VendorFixturesCondition} for the configuration parameters it reads.
 *
 * <pre>{@code
 * @RequiresVendorFixtures({"aws", "cloudevents"})
 * class PublishedPayloadsTest { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(VendorFixturesCondition.class)
public @interface RequiresVendorFixtures {

  /**
   * Returns the vendor folders that must exist, for example {@code "aws"}.
   *
   * @return the vendors; empty when only the fixtures folder itself is needed
   */
  String[] value() default {};
}
