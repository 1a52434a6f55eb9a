package dev.fn4j.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.FunctionCatalog;
import dev.fn4j.core.lifecycle.LifecycleHooks.LifecycleException;
import dev.fn4j.core.platform.Environment;
import dev.fn4j.function.Lifecycle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Lifecycle points: order, once-only init and pre-stop, fail-fast init, counted failures. */
class LifecycleHooksTest {

  private final List<String> calls = new ArrayList<>();

  /** Records every call as {@code name.point}; fails at the points it is told to. */
  class Recording implements Lifecycle {
    private final String name;
    private final List<String> failAt;

    Recording(String name, String... failAt) {
      this.name = name;
      this.failAt = List.of(failAt);
    }

    private void record(String point) throws Exception {
      calls.add(name + "." + point);
      if (failAt.contains(point)) {
        throw new IllegalStateException(name + " failed at " + point + "\nsecond line");
      }
    }

    @Override
    public void onInit() throws Exception {
      record("init");
    }

    @Override
    public void beforeCheckpoint() throws Exception {
      record("checkpoint");
    }

    @Override
    public void afterRestore() throws Exception {
      record("restore");
    }

    @Override
    public void preFreeze() throws Exception {
      record("freeze");
    }

    @Override
    public void preStop() throws Exception {
      record("stop");
    }
  }

  /** A hook of its own class, so messages can be told apart. */
  final class FailingInit extends Recording {
    FailingInit(String name) {
      super(name, "init");
    }
  }

  /** A function that is its own lifecycle hook. */
  final class CountingFunction extends Recording implements Function<String, String> {
    CountingFunction() {
      super("function");
    }

    @Override
    public String apply(String text) {
      return text;
    }
  }

  @Test
  void runsInitHooksInRegistrationOrderOnlyOnce() {
    // given
    LifecycleHooks hooks = new LifecycleHooks(List.of(new Recording("a"), new Recording("b")));

    // when
    hooks.init();
    hooks.init();

    // then
    assertThat(calls).containsExactly("a.init", "b.init");
  }

  @Test
  void stopsAtTheFirstFailingInitHookAndNamesItsClass() {
    // given
    LifecycleHooks hooks =
        new LifecycleHooks(List.of(new Recording("a"), new FailingInit("b"), new Recording("c")));

    // when / then
    assertThatThrownBy(hooks::init)
        .isInstanceOf(LifecycleException.class)
        .hasMessageContaining("INIT")
        .hasMessageContaining(FailingInit.class.getName())
        .hasMessageContaining("java.lang.IllegalStateException: b failed at init second line")
        .hasNoCause();
    assertThat(calls).containsExactly("a.init", "b.init");
  }

  @Test
  void putsTheFailureOnOneLineWithoutStackTrace() {
    // given
    LifecycleHooks hooks = new LifecycleHooks(List.of(new FailingInit("x")));

    // when
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(hooks::init);

    // then
    assertThat(thrown.getMessage()).doesNotContain("\n").doesNotContain("\r");
    assertThat(thrown.getStackTrace()).isEmpty();
  }

  @Test
  void runsEveryCheckpointHookAndCountsTheFailures() {
    // given
    LifecycleHooks hooks =
        new LifecycleHooks(
            List.of(
                new Recording("a", "checkpoint"),
                new Recording("b"),
                new Recording("c", "checkpoint")));

    // when
    int failures = hooks.beforeCheckpoint();

    // then
    assertThat(failures).isEqualTo(2);
    assertThat(calls).containsExactly("a.checkpoint", "b.checkpoint", "c.checkpoint");
  }

  @Test
  void runsRestoreAndFreezeHooksEveryTimeTheyAreCalled() {
    // given
    LifecycleHooks hooks =
        new LifecycleHooks(List.of(new Recording("a", "freeze"), new Recording("b")));

    // when
    int restoreFailures = hooks.afterRestore();
    int firstFreeze = hooks.preFreeze();
    int secondFreeze = hooks.preFreeze();

    // then
    assertThat(restoreFailures).isZero();
    assertThat(firstFreeze).isEqualTo(1);
    assertThat(secondFreeze).isEqualTo(1);
    assertThat(calls)
        .containsExactly("a.restore", "b.restore", "a.freeze", "b.freeze", "a.freeze", "b.freeze");
  }

  @Test
  void runsEveryPreStopHookOnlyOnce() {
    // given
    LifecycleHooks hooks =
        new LifecycleHooks(List.of(new Recording("a", "stop"), new Recording("b")));

    // when
    int first = hooks.preStop();
    int second = hooks.preStop();

    // then
    assertThat(first).isEqualTo(1);
    assertThat(second).isZero();
    assertThat(calls).containsExactly("a.stop", "b.stop");
  }

  @Test
  void countsALinkageErrorAsAFailure() {
    // given
    Lifecycle broken =
        new Lifecycle() {
          @Override
          public void preFreeze() {
            throw new NoClassDefFoundError("com/acme/Missing");
          }
        };
    LifecycleHooks hooks = new LifecycleHooks(List.of(broken, new Recording("b")));

    // when
    int failures = hooks.preFreeze();

    // then
    assertThat(failures).isEqualTo(1);
    assertThat(calls).containsExactly("b.freeze");
  }

  @Test
  void doesNothingWithoutHooks() {
    // given
    LifecycleHooks hooks = new LifecycleHooks(List.of());

    // when / then
    hooks.init();
    assertThat(hooks.beforeCheckpoint()).isZero();
    assertThat(hooks.preStop()).isZero();
  }

  @Test
  void callsAFunctionThatIsItsOwnHookThroughTheRuntime() {
    // given
    Recording registered = new Recording("registered");
    CountingFunction function = new CountingFunction();
    FunctionCatalog catalog =
        FunctionCatalog.of(registry -> registry.add("echo", function).lifecycle(registered));
    FunctionRuntime runtime = FunctionRuntime.of(Environment.of(Map.of()), catalog);

    // when
    runtime.lifecycle().init();
    runtime.lifecycle().preStop();

    // then
    assertThat(catalog.lifecycleHooks()).containsExactly(registered, function);
    assertThat(calls)
        .containsExactly("registered.init", "function.init", "registered.stop", "function.stop");
  }
}
