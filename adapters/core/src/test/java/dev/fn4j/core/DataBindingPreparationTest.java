package dev.fn4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.core.catalog.FunctionCatalog;
import dev.fn4j.core.platform.Environment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataBindingPreparationTest {

  record Order(String item) {}

  @Test
  void a_catalog_of_text_and_bytes_functions_never_prepares_data_binding() {
    FunctionRuntime runtime =
        FunctionRuntime.of(
            Environment.of(Map.of()),
            FunctionCatalog.of(
                registry ->
                    registry
                        .function("upper", String.class, String.class, String::toUpperCase)
                        .function("raw", byte[].class, byte[].class, bytes -> bytes)));
    assertThat(runtime.prepareDataBindingInBackground()).isFalse();
  }

  @Test
  void a_record_function_has_its_types_prepared_on_a_daemon_thread() throws Exception {
    FunctionRuntime runtime =
        FunctionRuntime.of(
            Environment.of(Map.of()),
            FunctionCatalog.of(
                registry -> registry.function("order", Order.class, String.class, Order::item)));
    assertThat(runtime.prepareDataBindingInBackground()).isTrue();
    Thread preparation =
        Thread.getAllStackTraces().keySet().stream()
            .filter(thread -> thread.getName().equals("fn4j-data-binding-preparation"))
            .findFirst()
            .orElse(null);
    if (preparation != null) {
      assertThat(preparation.isDaemon()).isTrue();
      preparation.join(10_000);
    }
    assertThat(
            runtime
                .dispatcher()
                .call(
                    runtime.router().byName("order"),
                    new dev.fn4j.core.dispatch.FunctionRequest(
                        dev.fn4j.core.convert.Payload.ofText("{\"item\":\"pen\"}"),
                        dev.fn4j.function.Headers.empty(),
                        dev.fn4j.function.InvocationContext.local("order")))
                .bytes())
        .asString()
        .isEqualTo("pen");
  }
}
