package dev.fn4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A packaged jar started the ways the platforms start it, here with small jars of test classes. */
class FunctionJarTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void java_jar_runs_the_manifest_main_class_with_the_jar_alone_as_class_path() throws IOException {
    FunctionJar jar =
        FunctionJar.at(
            TestJars.write(
                dir.resolve("app.jar"),
                Map.of("Main-Class", JvmProcessTestMain.class.getName()),
                JvmProcessTestMain.class));

    JvmProcess.Command command =
        jar.javaJar().withArgs("echo", "7", "x").withEnvironment("GREETING", "hi");
    try (JvmProcess child = command.start()) {

      assertThat(child.awaitExit(WAIT)).as("%s", child).isEqualTo(7);
      assertThat(child.stdout().lines()).startsWith("args=[x]", "GREETING=hi");
    }
    assertThat(command.commandLine())
        .endsWith("-jar", jar.path().toString(), "echo", "7", "x")
        .doesNotContain("-cp");
  }

  @Test
  void reads_the_manifest_attributes_the_entry_points_look_for() throws IOException {
    FunctionJar jar =
        FunctionJar.at(
            TestJars.write(
                dir.resolve("spring.jar"),
                Map.of("Main-Class", "dev.fn4j.launcher.Main", "Start-Class", "com.example.App")));

    assertThat(jar.manifestAttribute("Main-Class")).hasValue("dev.fn4j.launcher.Main");
    assertThat(jar.manifestAttribute("Start-Class")).hasValue("com.example.App");
    assertThat(jar.manifestAttribute("Class-Path")).isEmpty();
    assertThat(jar.path()).isAbsolute();
    assertThat(jar).hasToString("FunctionJar[" + jar.path() + "]");
  }

  @Test
  void a_jar_that_was_not_packaged_is_reported_with_a_hint() {
    Path missing = dir.resolve("target/hello.jar");

    assertThatThrownBy(() -> FunctionJar.at(missing))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("mvn package");
  }

  @Test
  void the_runtime_interface_client_serves_the_handler_from_the_jar() throws IOException {
    String handler = RuntimeInterfaceClientTestHandler.class.getName() + "::handleRequest";
    FunctionJar jar =
        FunctionJar.at(
            TestJars.write(
                dir.resolve("handler.jar"), Map.of(), RuntimeInterfaceClientTestHandler.class));
    JvmProcess.Command command = jar.onLambdaRuntimeClient(handler);
    try (LambdaRuntimeApiFake lambda = LambdaRuntimeApiFake.start();
        JvmProcess runtime = command.withEnvironment(lambda.environment()).start()) {

      LambdaInvocationResult result = lambda.await(lambda.invoke("hello"), WAIT);

      assertThat(result.isResponse()).as("%s%n%s", result, runtime).isTrue();
      assertThat(result.text()).isEqualTo("HELLO");
    }
    List<String> line = command.commandLine();
    String classPath = line.get(line.indexOf("-cp") + 1);
    assertThat(classPath.split(File.pathSeparator))
        .startsWith(jar.path().toString())
        .allMatch(entry -> entry.endsWith(".jar"));
    assertThat(line).endsWith(FunctionJar.RUNTIME_INTERFACE_CLIENT_MAIN, handler);
    assertThat(command.environment()).containsEntry("_HANDLER", handler);
  }

  @Test
  void the_runtime_interface_client_class_path_holds_the_client_and_its_dependencies()
      throws IOException {
    Path client = Files.createFile(dir.resolve("aws-lambda-java-runtime-interface-client-2.jar"));
    Path core = Files.createFile(dir.resolve("aws-lambda-java-core-1.4.0.jar"));
    Path events = Files.createFile(dir.resolve("aws-lambda-java-events-3.16.jar"));
    Path serialization = Files.createFile(dir.resolve("aws-lambda-java-serialization-1.2.jar"));
    Path utils = Files.createFile(dir.resolve("utils-lite-2.34.0.jar"));
    Path other = Files.createFile(dir.resolve("junit-jupiter-api-5.jar"));
    String classPath =
        String.join(
            File.pathSeparator,
            dir.toString(),
            other.toString(),
            core.toString(),
            events.toString(),
            client.toString(),
            serialization.toString(),
            utils.toString());

    assertThat(FunctionJar.runtimeInterfaceClientClassPath(classPath).split(File.pathSeparator))
        .containsExactly(
            core.toString(), client.toString(), serialization.toString(), utils.toString());
    assertThatThrownBy(
            () ->
                FunctionJar.runtimeInterfaceClientClassPath(
                    core + File.pathSeparator + other + File.pathSeparator))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("aws-lambda-java-runtime-interface-client");
  }

  @Test
  void the_function_invoker_gets_the_jar_as_function_class_path() throws IOException {
    FunctionJar jar = FunctionJar.at(TestJars.write(dir.resolve("hello.jar"), Map.of()));
    Path invoker = Files.createFile(dir.resolve("java-function-invoker.jar"));

    JvmProcess.Command command = jar.onFunctionInvoker(invoker, "com.example.Fn", 8123);

    assertThat(command.commandLine())
        .endsWith("-cp", invoker.toString(), FunctionJar.FUNCTION_INVOKER_MAIN);
    assertThat(command.environment())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "FUNCTION_TARGET", "com.example.Fn",
                "FUNCTION_CLASSPATH", jar.path().toString(),
                "PORT", "8123",
                "K_SERVICE", "hello",
                "K_REVISION", "hello-00001"));
    assertThatThrownBy(() -> jar.onFunctionInvoker(dir.resolve("none.jar"), "x", 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("none.jar");
  }
}
