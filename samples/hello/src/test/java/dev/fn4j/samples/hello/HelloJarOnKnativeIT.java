package dev.fn4j.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.testkit.FunctionClient;
import dev.fn4j.testkit.FunctionJar;
import dev.fn4j.testkit.JvmProcess;
import dev.fn4j.testkit.Ports;
import dev.fn4j.testkit.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The same packaged sample jar that runs on Lambda, started as a Knative Service starts it ({@code
 * java -jar hello.jar} with {@code K_SERVICE} and {@code PORT} set): CloudEvents in, reply events
 * out, and a clean exit on SIGTERM.
 */
class HelloJarOnKnativeIT {

  private static final FunctionJar JAR = FunctionJar.at(Path.of("target/hello.jar"));
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void theJarAnswersACloudEventWithAReplyEventAndExitsCleanlyOnSigterm() {
    int port = Ports.free();
    try (JvmProcess service =
        JAR.javaJar()
            .withEnvironment(
                Map.of(
                    "K_SERVICE", "hello",
                    "K_REVISION", "hello-00001",
                    "PORT", Integer.toString(port),
                    "FN4J_HTTP_HOST", "127.0.0.1"))
            .start()) {
      // given: the service is up
      FunctionClient broker = FunctionClient.of(Ports.awaitListening(service, port, WAIT));

      // when: a Broker delivers an event whose type names the function
      Reply reply =
          broker
              .withHeader("ce-specversion", "1.0")
              .withHeader("ce-id", "evt-1")
              .withHeader("ce-source", "/samples")
              .withHeader("ce-type", "uppercase")
              .post("/", "hello from knative", "text/plain");

      // then: a reply event that cannot route back to the same function
      assertThat(reply.status()).as("%s", service).isEqualTo(200);
      assertThat(reply.body()).isEqualTo("HELLO FROM KNATIVE");
      assertThat(reply.header("ce-type")).hasValue("uppercase.output");
      assertThat(reply.header("ce-source")).hasValue("/hello/uppercase");

      // and: SIGTERM ends it with status 0
      assertThat(service.terminate(WAIT)).as("%s", service).isZero();
    }
  }
}
