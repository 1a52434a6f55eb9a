package dev.fn4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.Composition;
import dev.fn4j.core.catalog.FunctionCatalog;
import dev.fn4j.core.catalog.fixtures.ExplodingConstructor;
import dev.fn4j.core.catalog.fixtures.IsolatedServices;
import dev.fn4j.core.catalog.fixtures.ServiceRegistrar;
import dev.fn4j.core.catalog.fixtures.Shout;
import dev.fn4j.core.platform.ApplicationStarter;
import dev.fn4j.core.platform.Environment;
import dev.fn4j.core.platform.Platform;
import dev.fn4j.function.FunctionRegistrar;
import dev.fn4j.function.Lifecycle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's {@code Main}: start-up failures end with status 1 and a one-line reason. */
class MainTest {

  /** What the hooks and platforms below did, in order. */
  static final List<String> EVENTS = Collections.synchronizedList(new ArrayList<>());

  /** A platform detected by {@code RECORDING}; records the runtime it was given. */
  public static final class RecordingPlatform implements Platform {
    @Override
    public String id() {
      return "recording";
    }

    @Override
    public boolean detect(Environment environment) {
      return environment.value("RECORDING").isPresent();
    }

    @Override
    public void run(FunctionRuntime runtime) {
      EVENTS.add(
          "run "
              + id()
              + " with "
              + runtime.catalog().size()
              + " functions, selected "
              + runtime.router().selected().map(Composition::name).orElse("none"));
    }
  }

  /** A platform that cannot start. */
  public static final class BrokenPlatform implements Platform {
    @Override
    public String id() {
      return "broken";
    }

    @Override
    public boolean detect(Environment environment) {
      return false;
    }

    @Override
    public void run(FunctionRuntime runtime) throws Exception {
      EVENTS.add("run broken");
      throw new java.io.IOException("port 8080 is in use");
    }
  }

  /** A platform interrupted while serving, as on a shutdown. */
  public static final class InterruptedPlatform implements Platform {
    @Override
    public String id() {
      return "interrupted";
    }

    @Override
    public boolean detect(Environment environment) {
      return false;
    }

    @Override
    public void run(FunctionRuntime runtime) throws InterruptedException {
      throw new InterruptedException("stopping");
    }
  }

  /** A platform that fails without a message. */
  public static final class SilentPlatform implements Platform {
    @Override
    public String id() {
      return "silent";
    }

    @Override
    public boolean detect(Environment environment) {
      return false;
    }

    @Override
    public void run(FunctionRuntime runtime) {
      throw new IllegalStateException();
    }
  }

  /** Starts an "application" of one function whose init hook is recorded. */
  public static final class ClaimingStarter implements ApplicationStarter {
    @Override
    public Optional<FunctionRuntime> start(Environment environment, ClassLoader loader) {
      EVENTS.add("start application");
      FunctionCatalog catalog =
          FunctionCatalog.of(
              registry ->
                  registry
                      .function("fromApplication", String.class, String.class, text -> text)
                      .lifecycle(new RecordingHook()));
      return Optional.of(FunctionRuntime.of(environment, catalog));
    }
  }

  /** Does not recognise the application. */
  public static final class DecliningStarter implements ApplicationStarter {
    @Override
    public Optional<FunctionRuntime> start(Environment environment, ClassLoader loader) {
      EVENTS.add("declined");
      return Optional.empty();
    }
  }

  /** Recognises the application, which cannot start. */
  public static final class FailingStarter implements ApplicationStarter {
    @Override
    public Optional<FunctionRuntime> start(Environment environment, ClassLoader loader) {
      throw new IllegalStateException("com.example.Shop did not start:\n  no datasource");
    }
  }

  /** Records its init. */
  public static final class RecordingHook implements Lifecycle {
    @Override
    public void onInit() {
      EVENTS.add("init");
    }
  }

  /** Fails its init. */
  public static final class FailingHook implements Lifecycle {
    @Override
    public void onInit() {
      throw new IllegalStateException("no database");
    }
  }

  @TempDir Path folder;

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  static void initialiseLoggingBeforeAnyStreamIsCaptured() {
    java.util.logging.Logger.getLogger("").getHandlers();
  }

  @BeforeEach
  void clearEvents() {
    EVENTS.clear();
  }

  @AfterEach
  void clearInterruptFlag() {
    Thread.interrupted();
  }

  private int run(Map<String, String> environment, IsolatedServices loader) {
    PrintStream original = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return Main.run(Environment.of(environment), loader);
    } finally {
      System.setErr(original);
    }
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private IsolatedServices services(
      List<Class<?>> platforms, List<Class<?>> registrars, List<Class<?>> hooks) throws Exception {
    return services(platforms, registrars, hooks, List.of());
  }

  private IsolatedServices services(
      List<Class<?>> platforms,
      List<Class<?>> registrars,
      List<Class<?>> hooks,
      List<Class<?>> starters)
      throws Exception {
    return IsolatedServices.with(
        folder,
        Map.of(
            Platform.class,
            platforms,
            FunctionRegistrar.class,
            registrars,
            Lifecycle.class,
            hooks,
            ApplicationStarter.class,
            starters));
  }

  @Test
  void runsTheApplicationAStarterRecognisesInsteadOfTheRegistrars() throws Exception {
    // given
    try (IsolatedServices loader =
        services(
            List.of(RecordingPlatform.class),
            List.of(ServiceRegistrar.class),
            List.of(),
            List.of(DecliningStarter.class, ClaimingStarter.class))) {

      // when
      int status = run(Map.of("RECORDING", "yes", "FN4J_FUNCTION", "fromApplication"), loader);

      // then
      assertThat(status).isZero();
      assertThat(EVENTS)
          .containsExactly(
              "declined",
              "start application",
              "init",
              "run recording with 1 functions, selected fromApplication");
    }
  }

  @Test
  void usesTheRegistrarsWhenNoStarterRecognisesTheApplication() throws Exception {
    // given
    try (IsolatedServices loader =
        services(
            List.of(RecordingPlatform.class),
            List.of(ServiceRegistrar.class),
            List.of(),
            List.of(DecliningStarter.class))) {

      // when
      int status = run(Map.of("RECORDING", "yes"), loader);

      // then
      assertThat(status).isZero();
      assertThat(EVENTS)
          .containsExactly("declined", "run recording with 2 functions, selected none");
    }
  }

  @Test
  void returnsOneWithAOneLineReasonWhenTheRecognisedApplicationCannotStart() throws Exception {
    // given
    try (IsolatedServices loader =
        services(
            List.of(RecordingPlatform.class),
            List.of(ServiceRegistrar.class),
            List.of(),
            List.of(FailingStarter.class))) {

      // when
      int status = run(Map.of("RECORDING", "yes"), loader);

      // then
      assertThat(status).isEqualTo(1);
      assertThat(EVENTS).isEmpty();
      assertThat(stderr())
          .isEqualTo(
              "fn4j could not start: com.example.Shop did not start: no datasource"
                  + System.lineSeparator());
    }
  }

  @Test
  void namesTheStarterListingThatCannotBeLoaded() throws Exception {
    // given
    try (IsolatedServices loader =
        services(
            List.of(RecordingPlatform.class),
            List.of(ServiceRegistrar.class),
            List.of(),
            List.of(Shout.class))) {

      // when
      int status = run(Map.of("RECORDING", "yes"), loader);

      // then
      assertThat(status).isEqualTo(1);
      assertThat(stderr())
          .startsWith("fn4j could not start: an application starter cannot be loaded: ")
          .contains(Shout.class.getName());
    }
  }

  @Test
  void returnsOneWithAOneLineReasonWhenTheSelectedClassIsUnknown() throws Exception {
    // given
    try (IsolatedServices loader = IsolatedServices.none(folder)) {

      // when
      int status = run(Map.of("FN4J_FUNCTION", "com.example.Missing"), loader);

      // then
      assertThat(status).isEqualTo(1);
      assertThat(stderr())
          .isEqualTo(
              "fn4j could not start: FN4J_FUNCTION names 'com.example.Missing', which is neither"
                  + " a function nor a class here"
                  + System.lineSeparator());
    }
  }

  @Test
  void returnsOneWhenTheSelectedNameIsUnknown() throws Exception {
    // given
    try (IsolatedServices loader =
        services(List.of(), List.of(ServiceRegistrar.class), List.of())) {

      // when
      int status = run(Map.of("FN4J_FUNCTION", "ghost"), loader);

      // then
      assertThat(status).isEqualTo(1);
      assertThat(stderr().lines()).hasSize(1);
      assertThat(stderr())
          .startsWith("fn4j could not start: FN4J_FUNCTION is 'ghost'")
          .contains("known functions: fromService my.dotted");
    }
  }

  @Test
  void runsTheDetectedPlatformAfterTheInitHooks() throws Exception {
    // given
    try (IsolatedServices loader =
        services(
            List.of(RecordingPlatform.class, BrokenPlatform.class),
            List.of(ServiceRegistrar.class),
            List.of(RecordingHook.class))) {

      // when
      int status = run(Map.of("RECORDING", "yes"), loader);

      // then
      assertThat(status).isZero();
      assertThat(EVENTS).containsExactly("init", "run recording with 2 functions, selected none");
      assertThat(stderr()).isEmpty();
    }
  }

  @Test
  void runsTheForcedPlatform() throws Exception {
    // given
    try (IsolatedServices loader =
        services(List.of(RecordingPlatform.class), List.of(ServiceRegistrar.class), List.of())) {

      // when
      int status = run(Map.of("FN4J_PLATFORM", "recording"), loader);

      // then
      assertThat(status).isZero();
      assertThat(EVENTS).containsExactly("run recording with 2 functions, selected none");
    }
  }

  @Test
  void returnsOneWithoutRunningThePlatformWhenAnInitHookFails() throws Exception {
    // given
    try (IsolatedServices loader =
        services(
            List.of(RecordingPlatform.class),
            List.of(ServiceRegistrar.class),
            List.of(FailingHook.class))) {

      // when
      int status = run(Map.of("RECORDING", "yes"), loader);

      // then
      assertThat(status).isEqualTo(1);
      assertThat(EVENTS).isEmpty();
      assertThat(stderr().lines()).hasSize(1);
      assertThat(stderr())
          .startsWith("fn4j could not start: Lifecycle hook INIT of " + FailingHook.class.getName())
          .contains("no database");
    }
  }

  @Test
  void returnsOneWhenThePlatformFailsToServe() throws Exception {
    // given
    try (IsolatedServices loader =
        services(List.of(BrokenPlatform.class), List.of(ServiceRegistrar.class), List.of())) {

      // when
      int status = run(Map.of("FN4J_PLATFORM", "broken"), loader);

      // then
      assertThat(status).isEqualTo(1);
      assertThat(EVENTS).containsExactly("run broken");
      assertThat(stderr())
          .isEqualTo("fn4j could not start: port 8080 is in use" + System.lineSeparator());
    }
  }

  @Test
  void returnsOneListingThePlatformsWhenTheForcedOneIsUnknown() throws Exception {
    // given
    try (IsolatedServices loader =
        services(List.of(RecordingPlatform.class), List.of(ServiceRegistrar.class), List.of())) {

      // when
      int status = run(Map.of("FN4J_PLATFORM", "heroku"), loader);

      // then
      assertThat(status).isEqualTo(1);
      assertThat(stderr())
          .isEqualTo(
              "fn4j could not start: FN4J_PLATFORM names 'heroku'; available: local, recording"
                  + System.lineSeparator());
    }
  }

  @Test
  void endsQuietlyAndKeepsTheInterruptWhenServingIsInterrupted() throws Exception {
    // given
    try (IsolatedServices loader =
        services(List.of(InterruptedPlatform.class), List.of(ServiceRegistrar.class), List.of())) {

      // when
      int status = run(Map.of("FN4J_PLATFORM", "interrupted"), loader);

      // then
      assertThat(status).isZero();
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
      assertThat(stderr()).isEmpty();
    }
  }

  @Test
  void runsAFunctionClassNamedByFn4jFunction() throws Exception {
    // given
    try (IsolatedServices loader =
        services(List.of(RecordingPlatform.class), List.of(), List.of())) {

      // when
      int status = run(Map.of("RECORDING", "yes", "FN4J_FUNCTION", Shout.class.getName()), loader);

      // then
      assertThat(status).isZero();
      assertThat(EVENTS)
          .containsExactly("run recording with 1 functions, selected " + Shout.class.getName());
    }
  }

  @Test
  void keepsTheReasonOnOneLineWhenTheCauseMessageHasSeveralLines() throws Exception {
    // given
    try (IsolatedServices loader = IsolatedServices.none(folder)) {

      // when
      int status = run(Map.of("FN4J_FUNCTION", ExplodingConstructor.class.getName()), loader);

      // then
      assertThat(status).isEqualTo(1);
      assertThat(stderr().lines()).hasSize(1);
      assertThat(stderr()).contains(ExplodingConstructor.class.getName()).doesNotContain("\tat ");
    }
  }

  @Test
  void namesTheExceptionTypeWhenTheFailureHasNoMessage() throws Exception {
    // given
    try (IsolatedServices loader =
        services(List.of(SilentPlatform.class), List.of(ServiceRegistrar.class), List.of())) {

      // when
      int status = run(Map.of("FN4J_PLATFORM", "silent"), loader);

      // then
      assertThat(status).isEqualTo(1);
      assertThat(stderr()).doesNotContain("null").contains("java.lang.IllegalStateException");
    }
  }
}
