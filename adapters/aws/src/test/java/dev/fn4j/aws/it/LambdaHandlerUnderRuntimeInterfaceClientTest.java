package dev.fn4j.aws.it;

import static dev.fn4j.aws.it.RuntimeUnderTest.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.testkit.JvmProcess;
import dev.fn4j.testkit.LambdaErrorReport;
import dev.fn4j.testkit.LambdaInvocationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real peer: the AWS Lambda runtime interface client 2.10.1 ({@code AWSLambda}, as Lambda's
 * managed Java runtimes run it) loads {@code dev.fn4j.aws.LambdaHandler} in a child JVM and serves
 * it against the in-process Runtime API fake. The application's functions come from {@code
 * META-INF/services} on the context class loader, as from a deployed jar.
 */
class LambdaHandlerUnderRuntimeInterfaceClientTest extends LambdaRuntimeContract {

  private static final String RIC = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

  /** The client's own setting for where its JNI library is, instead of unpacking it. */
  private static final String JNI_LIBRARY =
      "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

  /**
   * On every start the client unpacks its JNI library to the one fixed path {@code
   * /tmp/.libaws-lambda-jni.so} and loads it from there: two clients starting at once (this class
   * starts two, other builds may run more) overwrite each other's copy, and one of them dies with
   * SIGBUS in the dynamic loader. So every child loads a private copy, unpacked once here.
   */
  @Override
  List<String> jvmOptions() {
    return List.of("-D" + JNI_LIBRARY + "=" + PrivateJniLibrary.PATH);
  }

  /** The private copy of the client's JNI library, unpacked on first use, deleted on exit. */
  private static final class PrivateJniLibrary {
    static final Path PATH = unpack();

    private static Path unpack() {
      String cpu = "aarch64".equals(System.getProperty("os.arch")) ? "aarch_64" : "x86_64";
      boolean musl = Files.exists(Path.of("/lib/ld-musl-" + cpu.replace("_", "") + ".so.1"));
      String name = "jni/libaws-lambda-jni.linux" + (musl ? "_musl-" : "-") + cpu + ".so";
      try (InputStream library =
          LambdaHandlerUnderRuntimeInterfaceClientTest.class
              .getClassLoader()
              .getResourceAsStream(name)) {
        if (library == null) {
          throw new IllegalStateException(name + " is not in the runtime interface client jar");
        }
        Path copy = Files.createTempFile("fn4j-aws-lambda-jni-", ".so");
        copy.toFile().deleteOnExit();
        Files.copy(library, copy, StandardCopyOption.REPLACE_EXISTING);
        return copy;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Both handler strings users may type: the class alone, and the class with its method. */
  @Override
  JvmProcess.Command command(Setup setup) {
    return JvmProcess.command(RIC)
        .withArgs(
            setup == Setup.ROUTED
                ? "dev.fn4j.aws.LambdaHandler"
                : "dev.fn4j.aws.LambdaHandler::handleRequest");
  }

  /**
   * The client classifies every exception of a handler as {@code Runtime.UserException}; the fn4j
   * type is in the body and in the X-Ray error cause, which carries no stack either.
   */
  @Override
  void assertErrorHeaders(LambdaErrorReport error, String errorType) {
    assertThat(error.errorTypeHeader()).as("%s", error.headers()).hasValue("Runtime.UserException");
    assertThat(error.header("Lambda-Runtime-Function-XRay-Error-Cause"))
        .as("%s", error.headers())
        .hasValueSatisfying(
            cause ->
                assertThat(cause)
                    .contains("\"type\":\"" + errorType + "\"")
                    .contains("\"stack\":[]")
                    .doesNotContain("ItFunctions"));
  }

  @Test
  void a_start_up_failure_is_reported_on_every_invocation() {
    try (RuntimeUnderTest broken = start(Setup.SELECTED, Map.of("FN4J_FUNCTION", MISSING_CLASS))) {
      for (int i = 0; i < 2; i++) {
        LambdaInvocationResult result = broken.call("hello");

        LambdaErrorReport error = error(result, broken, STARTUP);
        assertThat(error.errorMessage())
            .hasValueSatisfying(message -> assertThat(message).contains(MISSING_CLASS));
      }
      broken.fake().awaitNextPolls(3, WAIT);
      assertThat(broken.process().isAlive()).as("%s", broken).isTrue();
      assertThat(broken.fake().initError()).isEmpty();
      assertThat(broken.fake().unexpectedRequests()).isEmpty();
    }
  }
}
