package dev.fn4j.samples.spring;

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
 * The packaged Spring Boot jar started as a Knative Service starts it ({@code java -jar} with
 * {@code K_SERVICE} and {@code PORT}): a CloudEvent to a bean's path gets a reply event, plain HTTP
 * reaches a bean too, and SIGTERM ends the process cleanly.
 */
class SpringHelloJarOnKnativeIT {

  private static final FunctionJar JAR = FunctionJar.at(Path.of("target/spring-hello.jar"));
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void theJarAnswersCloudEventsAndHttpAndExitsCleanlyOnSigterm() {
    int port = Ports.free();
    try (JvmProcess service =
        JAR.javaJar()
            .withEnvironment(
                Map.of(
                    "K_SERVICE", "spring-hello",
                    "K_REVISION", "spring-hello-00001",
                    "PORT", Integer.toString(port)))
            .start()) {
      // given: the service is up
      FunctionClient client = FunctionClient.of(Ports.awaitListening(service, port, WAIT));

      // when: a Trigger whose subscriber URI names the function delivers a binary event
      Reply reply =
          client
              .withHeader("ce-specversion", "1.0")
              .withHeader("ce-id", "evt-1")
              .withHeader("ce-source", "/samples")
              .withHeader("ce-type", "dev.fn4j.samples.text")
              .post("/uppercase", "hello from knative", "text/plain");
      // and: a plain HTTP request
      Reply greet =
          client.post("/greet", "{\"name\":\"Ada\",\"language\":\"de\"}", "application/json");

      // then: a reply event, and a plain answer
      assertThat(reply.status()).as("%s", service).isEqualTo(200);
      assertThat(reply.body()).isEqualTo("HELLO FROM KNATIVE");
      assertThat(reply.header("ce-type")).hasValue("uppercase.output");
      assertThat(reply.header("ce-source")).hasValue("/spring-hello/uppercase");
      assertThat(reply.header("ce-id"))
          .hasValueSatisfying(id -> assertThat(id).isNotEqualTo("evt-1"));
      assertThat(greet.status()).as("%s", service).isEqualTo(200);
      assertThat(greet.body()).isEqualTo("{\"message\":\"Hallo, Ada!\",\"language\":\"de\"}");
      assertThat(greet.header("ce-type")).isEmpty();

      // and: SIGTERM ends it with status 0
      assertThat(service.terminate(WAIT)).as("%s", service).isZero();
    }
  }
}
