package dev.fn4j.testkit;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The condition behind {@link RequiresVendorFixtures}: enables a test when the fixtures and the
 * named vendor folders exist, and disables it with a reason naming the missing folder otherwise.
 *
 * <p>It reads two JUnit configuration parameters, which fall back to JVM system properties of the
 * same name:
 *
 * <ul>
 *   <li>{@value VendorFixtures#PROPERTY}: the fixtures folder (set by the parent pom's surefire
 *       configuration);
 *   <li>{@value #SEARCH_FROM}: where the upward search for {@code shared/fixtures} starts when that
 *       folder is absent; the working directory ({@code user.dir}) by default.
 * </ul>
 */
public final class VendorFixturesCondition implements ExecutionCondition {

  /** The configuration parameter naming where the upward search starts. */
  public static final String SEARCH_FROM = "fn4j.fixtures.search-from";

  /** Creates the condition; JUnit does this for {@link RequiresVendorFixtures}. */
  public VendorFixturesCondition() {}

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<RequiresVendorFixtures> annotation =
        context
            .getElement()
            .flatMap(
                element -> AnnotationSupport.findAnnotation(element, RequiresVendorFixtures.class));
    if (annotation.isEmpty()) {
      return ConditionEvaluationResult.enabled("no @RequiresVendorFixtures here");
    }
    String configured = context.getConfigurationParameter(VendorFixtures.PROPERTY).orElse(null);
    Path searchFrom =
        Path.of(
            context
                .getConfigurationParameter(SEARCH_FROM)
                .orElseGet(() -> System.getProperty("user.dir", ".")));
    Optional<VendorFixtures> fixtures = VendorFixtures.find(configured, searchFrom);
    if (fixtures.isEmpty()) {
      return ConditionEvaluationResult.disabled(
          VendorFixtures.notFound(VendorFixtures.searched(configured, searchFrom)));
    }
    for (String vendor : annotation.get().value()) {
      if (fixtures.get().folder(vendor).isEmpty()) {
        return ConditionEvaluationResult.disabled(
            VendorFixtures.notFound(vendor, fixtures.get().root().resolve(vendor)));
      }
    }
    return ConditionEvaluationResult.enabled(
        "shared vendor fixtures found at " + fixtures.get().root());
  }
}
