package dev.fn4j.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.testkit.FunctionClient;
import dev.fn4j.testkit.FunctionJar;
import dev.fn4j.testkit.JvmProcess;
import dev.fn4j.testkit.Ports;
import dev.fn4j.testkit.Reply;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The same packaged sample jar under Google's own Java function invoker, as Google Cloud Functions
 * runs it: {@code FUNCTION_TARGET} names an fn4j entry class and the jar is the function's class
 * path.
 */
class HelloJarOnGcfIT {

  private static final FunctionJar JAR = FunctionJar.at(Path.of("target/hello.jar"));
  private static final Path INVOKER = Path.of("target/invoker/java-function-invoker.jar");
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void theHttpEntryPointServesTheSampleFunctionsByPath() {
    int port = Ports.free();
    try (JvmProcess invoker =
        JAR.onFunctionInvoker(INVOKER, "dev.fn4j.gcp.GcfHttpFunction", port).start()) {
      FunctionClient client = FunctionClient.of(Ports.awaitListening(invoker, port, WAIT));

      Reply upper = client.post("/uppercase", "hello from gcf", "text/plain");
      assertThat(upper.status()).as("%s", invoker).isEqualTo(200);
      assertThat(upper.body()).isEqualTo("HELLO FROM GCF");

      Reply greet =
          client.post("/greet", "{\"name\":\"Ada\",\"language\":\"de\"}", "application/json");
      assertThat(greet.body()).isEqualTo("{\"message\":\"Hallo, Ada!\",\"language\":\"de\"}");
    }
  }

  @Test
  void theEventEntryPointHandsAPubSubEventToTheGreetingsFunction() {
    int port = Ports.free();
    try (JvmProcess invoker =
        JAR.onFunctionInvoker(INVOKER, "dev.fn4j.gcp.GcfEventFunction", port)
            .withEnvironment(
                "FN4J_ROUTING_TYPES", "google.cloud.pubsub.topic.v1.messagePublished=greetings")
            .start()) {
      FunctionClient client =
          FunctionClient.of(Ports.awaitListening(invoker, port, WAIT))
              .withHeader("ce-specversion", "1.0")
              .withHeader("ce-id", "msg-42")
              .withHeader("ce-source", "//pubsub.googleapis.com/projects/p/topics/greetings")
              .withHeader("ce-type", "google.cloud.pubsub.topic.v1.messagePublished");

      Reply response =
          client.post(
              "/",
              "{\"message\":{\"data\":\"QWRh\",\"messageId\":\"42\"},"
                  + "\"subscription\":\"projects/p/subscriptions/s\"}",
              "application/json");

      assertThat(response.status()).as("%s", invoker).isBetween(200, 299);
      invoker.awaitOutput("Hello, Ada! (message 42)", WAIT);
    }
  }
}
