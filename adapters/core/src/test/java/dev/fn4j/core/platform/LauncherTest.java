package dev.fn4j.core.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.fixtures.IsolatedServices;
import dev.fn4j.core.local.LocalPlatform;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher picks the platform: forced, else detected by priority, else the local runner. */
class LauncherTest {

  /** A platform detected when its marker variable is set. */
  record FakePlatform(String id, int priority, String marker) implements Platform {
    @Override
    public boolean detect(Environment environment) {
      return environment.value(marker).isPresent();
    }

    @Override
    public void run(FunctionRuntime runtime) {
      throw new UnsupportedOperationException("not run in these tests");
    }
  }

  /** A platform that {@link java.util.ServiceLoader} can instantiate. */
  public static final class ListedPlatform implements Platform {
    @Override
    public String id() {
      return "listed";
    }

    @Override
    public boolean detect(Environment environment) {
      return environment.value("LISTED").isPresent();
    }

    @Override
    public void run(FunctionRuntime runtime) {}
  }

  private static final FakePlatform AWS = new FakePlatform("aws", 10, "AWS_LAMBDA_RUNTIME_API");
  private static final FakePlatform AZURE =
      new FakePlatform("azure", 20, "FUNCTIONS_CUSTOMHANDLER_PORT");
  private static final FakePlatform KNATIVE = new FakePlatform("knative", 5, "K_SERVICE");

  private final Launcher launcher = new Launcher(List.of(KNATIVE, AWS, AZURE));

  @TempDir Path folder;

  @Test
  void picksTheOnlyDetectedPlatform() {
    // when
    Platform platform = launcher.select(Environment.of(Map.of("K_SERVICE", "hello")));

    // then
    assertThat(platform).isSameAs(KNATIVE);
  }

  @Test
  void picksTheDetectedPlatformWithTheHighestPriority() {
    // given
    Environment environment =
        Environment.of(Map.of("K_SERVICE", "hello", "AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001"));

    // when
    Platform platform = launcher.select(environment);

    // then: azure has the highest priority but is not detected
    assertThat(platform).isSameAs(AWS);
  }

  @Test
  void letsFn4jPlatformForceAnUndetectedPlatform() {
    // given
    Environment environment =
        Environment.of(Map.of("FN4J_PLATFORM", "knative", "FUNCTIONS_CUSTOMHANDLER_PORT", "7071"));

    // when
    Platform platform = launcher.select(environment);

    // then
    assertThat(platform).isSameAs(KNATIVE);
  }

  @Test
  void letsFn4jPlatformForceTheLocalRunner() {
    // given
    Environment environment =
        Environment.of(Map.of("FN4J_PLATFORM", " local ", "AWS_LAMBDA_RUNTIME_API", "x"));

    // when
    Platform platform = launcher.select(environment);

    // then
    assertThat(platform).isInstanceOf(LocalPlatform.class);
    assertThat(platform.id()).isEqualTo("local");
  }

  @Test
  void refusesAnUnknownForcedPlatformListingTheKnownIds() {
    // when / then
    assertThatThrownBy(() -> launcher.select(Environment.of(Map.of("FN4J_PLATFORM", "heroku"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FN4J_PLATFORM names 'heroku'")
        .hasMessageContaining("available: local, knative, aws, azure");
  }

  @Test
  void fallsBackToTheLocalRunnerWhenNothingIsDetected() {
    // when
    Platform platform = launcher.select(Environment.of(Map.of("PORT", "8080")));

    // then
    assertThat(platform).isInstanceOf(LocalPlatform.class);
  }

  @Test
  void fallsBackToTheLocalRunnerWithoutAnyPlatform() {
    // when
    Platform platform = new Launcher(List.of()).select(Environment.of(Map.of()));

    // then
    assertThat(platform).isInstanceOf(LocalPlatform.class);
  }

  @Test
  void neverDetectsTheLocalRunnerItself() {
    // given
    LocalPlatform local = new LocalPlatform();

    // when / then
    assertThat(local.detect(Environment.of(Map.of("PORT", "8080", "FN4J_PLATFORM", "local"))))
        .isFalse();
    assertThat(local.priority()).isEqualTo(Integer.MIN_VALUE);
  }

  @Test
  void discoversPlatformsListedAsServices() throws Exception {
    // given
    try (IsolatedServices loader =
        IsolatedServices.with(folder, Map.of(Platform.class, List.of(ListedPlatform.class)))) {

      // when
      Launcher discovered = Launcher.discover(loader);

      // then
      assertThat(discovered.select(Environment.of(Map.of("LISTED", "1"))))
          .isInstanceOf(ListedPlatform.class);
      assertThat(discovered.select(Environment.of(Map.of("FN4J_PLATFORM", "listed"))))
          .isInstanceOf(ListedPlatform.class);
      assertThat(discovered.select(Environment.of(Map.of()))).isInstanceOf(LocalPlatform.class);
    }
  }

  @Test
  void discoversNothingWhereNothingIsListed() throws Exception {
    // given
    try (IsolatedServices loader = IsolatedServices.none(folder)) {

      // when / then
      assertThatThrownBy(
              () ->
                  Launcher.discover(loader)
                      .select(Environment.of(Map.of("FN4J_PLATFORM", "listed"))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageEndingWith("available: local");
    }
  }
}
