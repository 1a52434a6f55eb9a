package dev.fn4j.alibaba;

import static dev.fn4j.alibaba.FcHandlerTest.KEY_ID;
import static dev.fn4j.alibaba.FcHandlerTest.REQUEST_ID;
import static dev.fn4j.alibaba.FcHandlerTest.SECRET;
import static dev.fn4j.alibaba.FcHandlerTest.call;
import static dev.fn4j.alibaba.FcHandlerTest.fcContext;
import static dev.fn4j.alibaba.FcHandlerTest.handler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fn4j.alibaba.event.MnsTopicMessage;
import dev.fn4j.alibaba.event.OssEvent;
import dev.fn4j.function.Lifecycle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link FcHandler}'s failures, in the form FC's runtime reports (an exception whose message names
 * the function and the phase, without cause or stack trace), and its lifecycle hooks.
 */
class FcHandlerFailuresTest {

  @Nested
  class Invocations {

    private FcHandler failing() {
      return handler(
          registry ->
              registry.function(
                  "charge",
                  OssEvent.class,
                  String.class,
                  event -> {
                    throw new IllegalStateException("card declined for " + SECRET);
                  }));
    }

    @Test
    void aFailingFunctionThrowsItsPhaseWithoutCauseOrStackTrace() {
      // when
      FcHandler.InvocationFailedException failure =
          catchThrowableOfType(
              FcHandler.InvocationFailedException.class,
              () -> call(failing(), "oss/object-created.json"));

      // then
      assertThat(failure.phase()).isEqualTo("INVOKE");
      assertThat(failure.getMessage())
          .contains("'charge'")
          .contains("INVOKE")
          .contains("java.lang.IllegalStateException")
          .doesNotContain(SECRET)
          .doesNotContain(KEY_ID);
      assertThat(failure.getCause()).isNull();
      assertThat(failure.getStackTrace()).isEmpty();
    }

    @Test
    void neitherTheSecretsNorTheUsersMessageReachStandardOutputErrorOrTheLog() {
      // given
      FcHandler handler = failing();

      // when
      Captured captured =
          Captured.during(
              () -> {
                assertThatThrownBy(() -> call(handler, "oss/object-created.json"))
                    .isInstanceOf(FcHandler.InvocationFailedException.class);
                handler.initialize(fcContext());
              });

      // then: the failure is logged on one line with the request id, and nothing else leaks
      assertThat(captured.log())
          .anyMatch(line -> line.startsWith("[" + REQUEST_ID + "]") && line.contains("'charge'"));
      assertThat(captured.everything())
          .doesNotContain(SECRET)
          .doesNotContain(KEY_ID)
          .doesNotContain("fake-token");
    }

    @Test
    void anEventThatDoesNotDecodeIsADecodeFailure() {
      // given
      FcHandler handler =
          handler(
              registry ->
                  registry.function(
                      "onOrder", MnsTopicMessage.class, String.class, message -> "never"));

      // when
      FcHandler.InvocationFailedException failure =
          catchThrowableOfType(
              FcHandler.InvocationFailedException.class,
              () -> call(handler, "mns-topic/publish-time-not-a-number.json"));

      // then
      assertThat(failure.phase()).isEqualTo("DECODE");
      assertThat(failure.getMessage()).contains("'onOrder'").contains("PublishTime");
      assertThat(failure.getStackTrace()).isEmpty();
    }

    @Test
    void anEventNoFunctionIsRoutedForIsARouteFailure() {
      // given
      FcHandler handler =
          handler(
              registry ->
                  registry
                      .function("a", String.class, String.class, text -> text)
                      .function("b", String.class, String.class, text -> text));

      // when
      FcHandler.InvocationFailedException failure =
          catchThrowableOfType(
              FcHandler.InvocationFailedException.class,
              () -> call(handler, "oss/object-created.json"));

      // then
      assertThat(failure.phase()).isEqualTo("ROUTE");
      assertThat(failure.getMessage()).contains("oss:ObjectCreated:PutObject");
      assertThat(failure.getCause()).isNull();
    }

    @Test
    void anEventLargerThanTheLimitIsRefusedUnread() {
      // given
      AtomicInteger calls = new AtomicInteger();
      FcHandler handler =
          handler(
              Map.of("FN4J_MAX_BODY_BYTES", "100"),
              registry ->
                  registry.function(
                      "thumbnail",
                      OssEvent.class,
                      String.class,
                      event -> String.valueOf(calls.incrementAndGet())));

      // when
      FcHandler.InvocationFailedException failure =
          catchThrowableOfType(
              FcHandler.InvocationFailedException.class,
              () -> call(handler, "oss/object-created.json"));

      // then
      assertThat(failure.phase()).isEqualTo("DECODE");
      assertThat(failure.getMessage()).contains("larger than the limit of 100 bytes");
      assertThat(calls).hasValue(0);
    }

    @Test
    void aStartUpFailureIsReportedOnEveryCallAndByTheInitializer() {
      // given
      FcHandler handler =
          handler(
              Map.of("FN4J_MAX_BODY_BYTES", "lots"),
              registry -> registry.function("a", String.class, String.class, text -> text));

      // when
      FcHandler.InvocationFailedException failure =
          catchThrowableOfType(
              FcHandler.InvocationFailedException.class,
              () -> call(handler, "oss/object-created.json"));

      // then
      assertThat(failure.phase()).isEqualTo("STARTUP");
      assertThat(failure.getMessage()).contains("FN4J_MAX_BODY_BYTES");
      assertThat(failure.getStackTrace()).isEmpty();
      assertThatThrownBy(() -> handler.initialize(fcContext()))
          .isInstanceOf(FcHandler.InvocationFailedException.class)
          .hasMessage(failure.getMessage());
    }
  }

  @Nested
  class Hooks {

    private final AtomicInteger inits = new AtomicInteger();
    private final AtomicInteger preFreezes = new AtomicInteger();
    private final AtomicInteger preStops = new AtomicInteger();

    private FcHandler withHooks(boolean fail) {
      Lifecycle hooks =
          new Lifecycle() {
            @Override
            public void onInit() {
              inits.incrementAndGet();
            }

            @Override
            public void preFreeze() {
              preFreezes.incrementAndGet();
              if (fail) {
                throw new IllegalStateException("freeze failed: " + SECRET);
              }
            }

            @Override
            public void preStop() {
              preStops.incrementAndGet();
              if (fail) {
                throw new IllegalStateException("stop failed: " + SECRET);
              }
            }
          };
      return handler(
          registry ->
              registry.function("a", String.class, String.class, text -> text).lifecycle(hooks));
    }

    @Test
    void preFreezeRunsTheHooksEachTimeAndPreStopOnce() {
      // given
      FcHandler handler = withHooks(false);

      // when
      handler.preFreeze(fcContext());
      handler.preFreeze(fcContext());
      handler.preStop(fcContext());
      handler.preStop(fcContext());

      // then
      assertThat(preFreezes).hasValue(2);
      assertThat(preStops).hasValue(1);
    }

    @Test
    void theInitializerDoesNotRunTheInitHooks() {
      // given: the shared runtime runs onInit when it is created, not the initializer
      FcHandler handler = withHooks(false);

      // when
      handler.initialize(fcContext());

      // then
      assertThat(inits).hasValue(0);
    }

    @Test
    void aFailingHookFailsTheRequestWithoutCauseStackTraceOrItsMessage() {
      // given
      FcHandler handler = withHooks(true);

      // when
      FcHandler.InvocationFailedException freeze =
          catchThrowableOfType(
              FcHandler.InvocationFailedException.class, () -> handler.preFreeze(fcContext()));
      FcHandler.InvocationFailedException stop =
          catchThrowableOfType(
              FcHandler.InvocationFailedException.class, () -> handler.preStop(fcContext()));

      // then
      assertThat(freeze.phase()).isEqualTo("PRE_FREEZE");
      assertThat(stop.phase()).isEqualTo("PRE_STOP");
      for (FcHandler.InvocationFailedException failure : List.of(freeze, stop)) {
        assertThat(failure.getMessage()).startsWith("1 ").doesNotContain(SECRET);
        assertThat(failure.getCause()).isNull();
        assertThat(failure.getStackTrace()).isEmpty();
      }
      assertThat(preStops).hasValue(1);
    }
  }

  /** Standard output, standard error and fn4j's log lines while something runs. */
  record Captured(String out, String err, List<String> log) {

    String everything() {
      return out + "\n" + err + "\n" + String.join("\n", log);
    }

    /** What runs while output is captured. */
    interface Action {
      void run() throws Exception;
    }

    static Captured during(Action action) {
      PrintStream previousOut = System.out;
      PrintStream previousErr = System.err;
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      List<String> log = new CopyOnWriteArrayList<>();
      Handler handler =
          new Handler() {
            @Override
            public void publish(LogRecord record) {
              log.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
          };
      Logger logger = Logger.getLogger("dev.fn4j");
      Level previousLevel = logger.getLevel();
      handler.setLevel(Level.ALL);
      logger.addHandler(handler);
      logger.setLevel(Level.ALL);
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      try {
        action.run();
      } catch (Exception e) {
        throw new AssertionError(e);
      } finally {
        System.setOut(previousOut);
        System.setErr(previousErr);
        logger.removeHandler(handler);
        logger.setLevel(previousLevel);
      }
      return new Captured(
          out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), log);
    }
  }
}
