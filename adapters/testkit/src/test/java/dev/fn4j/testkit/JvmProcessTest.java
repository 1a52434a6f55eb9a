package dev.fn4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Child JVMs running a main class from the test class path. */
class JvmProcessTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void runs_a_main_class_and_captures_its_output_and_exit_code() {
    try (JvmProcess child =
        JvmProcess.start(
            JvmProcessTestMain.class.getName(),
            List.of("echo", "3", "a b", "ü"),
            Map.of("GREETING", "hello"))) {

      assertThat(child.awaitExit(WAIT)).isEqualTo(3);
      assertThat(child.exitCode()).hasValue(3);
      assertThat(child.isAlive()).isFalse();
      assertThat(child.stdout().lines())
          .containsExactly("args=[a b, ü]", "GREETING=hello", "HOME=null");
      assertThat(child.stderr()).isEqualTo("to stderr: Grüße" + System.lineSeparator());
      assertThat(child.pid()).isPositive();
      assertThat(child.toString()).contains("exit code 3").contains("GREETING=hello");
    }
  }

  @Test
  void describes_the_command_line() {
    JvmProcess.Command command =
        JvmProcess.command("com.example.Main")
            .withArgs("x")
            .withClassPath("/a.jar")
            .withJvmOptions("-Xmx64m")
            .withEnvironment(Map.of("B", "2"))
            .withEnvironment("A", "1");

    assertThat(command.commandLine())
        .startsWith(JvmProcess.javaCommand())
        .endsWith("-Xmx64m", "-cp", "/a.jar", "com.example.Main", "x")
        .contains("-Dfile.encoding=UTF-8");
    assertThat(command.environment()).containsExactly(Map.entry("A", "1"), Map.entry("B", "2"));
    assertThat(command).hasToString("JvmProcess[com.example.Main x]");
    assertThat(JvmProcess.currentClassPath()).isNotBlank();
  }

  @Test
  void close_stops_a_child_that_is_still_running() {
    JvmProcess child =
        JvmProcess.command(JvmProcessTestMain.class.getName()).withArgs("wait").start();
    try {
      child.awaitOutput("ready", WAIT);
      assertThat(child.isAlive()).isTrue();
      assertThat(child.exitCode()).isEmpty();
      assertThatThrownBy(() -> child.awaitExit(Duration.ofMillis(20)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("did not exit")
          .hasMessageContaining("ready");
    } finally {
      child.close();
    }

    assertThat(child.isAlive()).isFalse();
    assertThat(child.exitCode()).isPresent();
    child.close(); // again: nothing happens
  }

  @Test
  void terminate_asks_the_child_to_stop_and_returns_its_exit_code() {
    try (JvmProcess child =
        JvmProcess.command(JvmProcessTestMain.class.getName()).withArgs("wait").start()) {
      child.awaitOutput("ready", WAIT);

      int code = child.terminate(WAIT);

      assertThat(child.isAlive()).isFalse();
      assertThat(child.exitCode()).hasValue(code);
      assertThat(code).isNotZero(); // the JVM's default for SIGTERM: 143
    }
  }

  @Test
  void describes_java_jar_with_the_jars_absolute_path() {
    Path jar = Path.of("target", "app.jar");

    JvmProcess.Command command = JvmProcess.jar(jar).withJvmOptions("-Xmx64m").withArgs("x");

    assertThat(command.commandLine())
        .startsWith(JvmProcess.javaCommand())
        .endsWith("-Xmx64m", "-jar", jar.toAbsolutePath().toString(), "x")
        .contains("-Dfile.encoding=UTF-8")
        .doesNotContain("-cp");
    assertThat(command).hasToString("JvmProcess[-jar app.jar x]");
    assertThatThrownBy(() -> command.withClassPath("/other.jar"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("java -jar");
  }

  @Test
  void await_output_fails_when_the_child_exits_without_printing_it() {
    try (JvmProcess child =
        JvmProcess.command(JvmProcessTestMain.class.getName()).withArgs("echo", "0").start()) {
      assertThatThrownBy(() -> child.awaitOutput("never printed", WAIT))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("exited without printing 'never printed'")
          .hasMessageContaining("GREETING=null");
    }
  }
}
