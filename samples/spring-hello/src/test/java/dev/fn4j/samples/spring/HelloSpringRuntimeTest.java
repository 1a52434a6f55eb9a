package dev.fn4j.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.FunctionDefinition;
import dev.fn4j.core.convert.Payload;
import dev.fn4j.core.dispatch.FunctionRequest;
import dev.fn4j.core.platform.Environment;
import dev.fn4j.function.Headers;
import dev.fn4j.function.InvocationContext;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The application as fn4j's entry points start it: found by its class name, started once, its beans
 * in the catalog with the types Spring resolves and its {@code application.properties} applied.
 */
class HelloSpringRuntimeTest {

  private static FunctionRuntime runtime;

  @BeforeAll
  static void start() {
    runtime =
        FunctionRuntime.start(
            Environment.of(Map.of("FN4J_MAIN_CLASS", HelloSpringApplication.class.getName())),
            HelloSpringRuntimeTest.class.getClassLoader());
  }

  @Test
  void every_function_bean_is_in_the_catalog_with_its_declared_types() {
    assertThat(runtime.catalog().functions())
        .extracting(FunctionDefinition::name)
        .containsExactlyInAnyOrder("uppercase", "reverse", "greet", "motto");
    FunctionDefinition greet = runtime.catalog().find("greet").orElseThrow();
    assertThat(greet.inputType()).isEqualTo(HelloSpringApplication.Person.class);
    assertThat(greet.outputType()).isEqualTo(HelloSpringApplication.Greeting.class);
  }

  @Test
  void the_beans_answer_with_the_configured_greetings() {
    assertThat(call("greet", "application/json", "{\"name\":\"Zoe\",\"language\":\"fr\"}"))
        .isEqualTo("{\"message\":\"Bonjour, Zoe!\",\"language\":\"fr\"}");
    assertThat(call("motto", "text/plain", "")).isEqualTo("Write it once, run it anywhere.");
    assertThat(call("uppercase,reverse", "text/plain", "abc")).isEqualTo("CBA");
  }

  private static String call(String definition, String contentType, String body) {
    byte[] answer =
        runtime
            .dispatcher()
            .call(
                runtime.router().byName(definition),
                new FunctionRequest(
                    Payload.ofText(body),
                    Headers.empty().with("Content-Type", contentType),
                    InvocationContext.local(definition)))
            .bytes();
    return new String(answer, StandardCharsets.UTF_8);
  }
}
