package dev.fn4j.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/** The shared runtime the Java worker's instances run on. */
class AzureFunctionsRuntimeTest {

  @Test
  void the_public_constructor_takes_the_one_shared_runtime_and_restores_the_context_loader()
      throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader foreign = new URLClassLoader(new URL[0], null)) {
      thread.setContextClassLoader(foreign);
      AzureFunctions first = new AzureFunctions();
      AzureFunctions second = new AzureFunctions();
      assertThat(first).isNotSameAs(second);
      assertThat(thread.getContextClassLoader()).isSameAs(foreign);
    } finally {
      thread.setContextClassLoader(previous);
    }
    // Built once per process: every instance the worker creates shares it.
    assertThat(WorkerRuntime.shared()).isSameAs(WorkerRuntime.shared());
    WorkerRuntime shared = WorkerRuntime.shared();
    assertThat(shared.runtime() == null).isEqualTo(shared.failure() != null);
  }

  @Test
  void a_worker_runtime_is_a_runtime_or_a_failure() {
    assertThatThrownBy(() -> new WorkerRuntime(null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WorkerRuntime.of(null)).isInstanceOf(NullPointerException.class);
    assertThat(new WorkerRuntime(null, "fn4j could not start").failure())
        .isEqualTo("fn4j could not start");
  }
}
