package dev.fn4j.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleTest {

  @Test
  void everyHookDefaultsToDoingNothing() {
    // given
    Lifecycle hooks = new Lifecycle() {};

    // when / then
    assertThatCode(
            () -> {
              hooks.onInit();
              hooks.beforeCheckpoint();
              hooks.afterRestore();
              hooks.preFreeze();
              hooks.preStop();
            })
        .doesNotThrowAnyException();
  }

  @Test
  void implementingOneHookLeavesTheOthersAsNoOps() {
    // given
    List<String> calls = new ArrayList<>();
    Lifecycle hooks =
        new Lifecycle() {
          @Override
          public void preStop() {
            calls.add("preStop");
          }
        };

    // when
    assertThatCode(
            () -> {
              hooks.onInit();
              hooks.preFreeze();
              hooks.preStop();
            })
        .doesNotThrowAnyException();

    // then
    assertThat(calls).containsExactly("preStop");
  }

  @Test
  void aHookMayThrowACheckedException() {
    // given
    Lifecycle hooks =
        new Lifecycle() {
          @Override
          public void onInit() throws Exception {
            throw new java.io.IOException("no database");
          }
        };

    // when / then
    assertThatThrownBy(hooks::onInit)
        .isInstanceOf(java.io.IOException.class)
        .hasMessage("no database");
  }
}
