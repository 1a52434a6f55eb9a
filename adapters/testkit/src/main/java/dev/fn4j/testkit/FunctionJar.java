package dev.fn4j.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/**
 * A packaged function jar, the one file that is deployed to every platform, and the ways the
 * platforms start it, each as a {@link JvmProcess.Command} to complete and start:
 *
 * <table>
 *   <caption>How each platform runs the jar</caption>
 *   <tr><th>method</th><th>child JVM</th><th>for</th></tr>
 *   <tr><td>{@link #javaJar()}</td><td>{@code java -jar <jar>}: the manifest's {@code
 *       Main-Class}, fn4j's launcher</td><td>Knative and any container, Lambda custom runtime, FC
 *       custom runtime, Azure custom handler, the local runner</td></tr>
 *   <tr><td>{@link #onLambdaRuntimeClient(String)}</td><td>the AWS Lambda runtime interface client
 *       ({@value #RUNTIME_INTERFACE_CLIENT_MAIN}) with the handler string, the jar and the client
 *       on the class path</td><td>AWS Lambda's managed Java runtimes</td></tr>
 *   <tr><td>{@link #onFunctionInvoker(Path, String, int)}</td><td>Google's Java function invoker
 *       ({@value #FUNCTION_INVOKER_MAIN}) with the jar as the function's class path</td><td>Google
 *       Cloud Functions, Cloud Run functions</td></tr>
 * </table>
 *
 * <pre>{@code
 * FunctionJar jar = FunctionJar.at(Path.of("target/hello.jar"));
 * int port = Ports.free();
 * try (JvmProcess service =
 *     jar.javaJar().withEnvironment(Map.of("K_SERVICE", "hello", "PORT", "" + port)).start()) {
 *   FunctionClient client = FunctionClient.of(Ports.awaitListening(service, port, WAIT));
 *   assertThat(client.post("/uppercase", "hi").body()).isEqualTo("HI");
 * }
 * }</pre>
 *
 * <p>As with every {@link JvmProcess}, the child sees only the environment the test gives it.
 * Immutable and thread-safe.
 */
public final class FunctionJar {

  /** The main class of the AWS Lambda runtime interface client. */
  public static final String RUNTIME_INTERFACE_CLIENT_MAIN =
      "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

  /** The main class of Google's Java function invoker. */
  public static final String FUNCTION_INVOKER_MAIN =
      "com.google.cloud.functions.invoker.runner.Invoker";

  /**
   * The runtime interface client's jar and those it needs at run time, by file name: what the
   * Lambda Java runtimes have on their class path besides the function.
   */
  private static final List<String> RUNTIME_INTERFACE_CLIENT_JARS =
      List.of(
          "aws-lambda-java-runtime-interface-client-",
          "aws-lambda-java-core-",
          "aws-lambda-java-serialization-",
          "utils-lite-");

  private final Path path;

  private FunctionJar(Path path) {
    this.path = path;
  }

  /**
   * Points at a packaged jar.
   *
   * @param jar the jar, for example {@code target/hello.jar}; kept as an absolute path
   * @return the jar
   * @throws IllegalStateException when there is no such file, typically because the project was not
   *     packaged yet
   */
  public static FunctionJar at(Path jar) {
    Path absolute = Objects.requireNonNull(jar, "jar").toAbsolutePath().normalize();
    if (!Files.isRegularFile(absolute)) {
      throw new IllegalStateException(
          "No packaged jar at " + absolute + ": run the tests after 'mvn package' (failsafe does)");
    }
    return new FunctionJar(absolute);
  }

  /**
   * Returns where the jar is.
   *
   * @return the absolute path
   */
  public Path path() {
    return path;
  }

  /**
   * Reads a main attribute of the jar's manifest.
   *
   * @param name for example {@code Main-Class} or {@code Start-Class}
   * @return the value, or empty when the manifest or the attribute is missing
   * @throws UncheckedIOException when the jar cannot be read
   */
  public Optional<String> manifestAttribute(String name) {
    Objects.requireNonNull(name, "name");
    try (JarFile jar = new JarFile(path.toFile())) {
      Manifest manifest = jar.getManifest();
      return manifest == null
          ? Optional.empty()
          : Optional.ofNullable(manifest.getMainAttributes().getValue(new Attributes.Name(name)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the manifest of " + path, e);
    }
  }

  /**
   * Describes {@code java -jar <jar>}: the way a container, a custom runtime or a custom handler
   * starts the jar, and the launcher then detects the platform from the environment.
   *
   * @return the command; add the platform's environment, then start it
   */
  public JvmProcess.Command javaJar() {
    return JvmProcess.jar(path);
  }

  /**
   * Describes the AWS Lambda runtime interface client running this jar's handler, as Lambda's
   * managed Java runtimes do: the client's main class with the handler string as its argument (and
   * in {@code _HANDLER}), and on the class path this jar followed by the client's own jars ({@code
   * aws-lambda-java-runtime-interface-client}, {@code aws-lambda-java-core}, {@code
   * aws-lambda-java-serialization}, {@code utils-lite}), taken from this JVM's class path: make the
   * runtime interface client a test dependency. Add a {@link LambdaRuntimeApiFake#environment()}.
   *
   * @param handler the handler string, for example {@code dev.fn4j.aws.LambdaHandler}
   * @return the command
   * @throws IllegalStateException when the runtime interface client is not on this JVM's class path
   */
  public JvmProcess.Command onLambdaRuntimeClient(String handler) {
    Objects.requireNonNull(handler, "handler");
    return JvmProcess.command(RUNTIME_INTERFACE_CLIENT_MAIN)
        .withClassPath(
            path
                + File.pathSeparator
                + runtimeInterfaceClientClassPath(JvmProcess.currentClassPath()))
        .withEnvironment("_HANDLER", handler)
        .withArgs(handler);
  }

  /**
   * Describes Google's Java function invoker serving this jar, as Google Cloud Functions runs it:
   * the invoker alone on the class path, and {@code FUNCTION_TARGET}, {@code FUNCTION_CLASSPATH}
   * (this jar) and {@code PORT} set, with {@code K_SERVICE} and {@code K_REVISION} named after the
   * jar as Cloud Run functions sets them.
   *
   * @param invoker the invoker's jar ({@code java-function-invoker}, an uber-jar)
   * @param target the function class, for example {@code dev.fn4j.gcp.GcfHttpFunction}
   * @param port the port the invoker is to listen on
   * @return the command
   * @throws IllegalStateException when there is no invoker jar at that path
   */
  public JvmProcess.Command onFunctionInvoker(Path invoker, String target, int port) {
    Objects.requireNonNull(target, "target");
    Path invokerJar = Objects.requireNonNull(invoker, "invoker").toAbsolutePath();
    if (!Files.isRegularFile(invokerJar)) {
      throw new IllegalStateException("No function invoker jar at " + invokerJar);
    }
    String service = path.getFileName().toString().replaceFirst("\\.jar$", "");
    return JvmProcess.command(FUNCTION_INVOKER_MAIN)
        .withClassPath(invokerJar.toString())
        .withEnvironment(
            Map.of(
                "FUNCTION_TARGET",
                target,
                "FUNCTION_CLASSPATH",
                path.toString(),
                "PORT",
                Integer.toString(port),
                "K_SERVICE",
                service,
                "K_REVISION",
                service + "-00001"));
  }

  /**
   * Picks the runtime interface client's jars from a class path.
   *
   * @param classPath entries separated by {@link File#pathSeparator}
   * @return the jars among them that the client needs, in class path order
   * @throws IllegalStateException when the client's own jar is not among them
   */
  static String runtimeInterfaceClientClassPath(String classPath) {
    List<String> jars =
        Arrays.stream(classPath.split(File.pathSeparator))
            .filter(entry -> !entry.isBlank() && Files.isRegularFile(Path.of(entry)))
            .filter(
                entry -> {
                  String name = Path.of(entry).getFileName().toString();
                  return name.endsWith(".jar")
                      && RUNTIME_INTERFACE_CLIENT_JARS.stream().anyMatch(name::startsWith);
                })
            .collect(Collectors.toList());
    String client = RUNTIME_INTERFACE_CLIENT_JARS.get(0);
    if (jars.stream().noneMatch(jar -> Path.of(jar).getFileName().toString().startsWith(client))) {
      throw new IllegalStateException(
          "The AWS Lambda runtime interface client is not on the class path: add"
              + " com.amazonaws:aws-lambda-java-runtime-interface-client as a test dependency");
    }
    return String.join(File.pathSeparator, jars);
  }

  /**
   * Describes the jar.
   *
   * @return for example {@code FunctionJar[/work/app/target/hello.jar]}
   */
  @Override
  public String toString() {
    return "FunctionJar[" + path + "]";
  }
}
