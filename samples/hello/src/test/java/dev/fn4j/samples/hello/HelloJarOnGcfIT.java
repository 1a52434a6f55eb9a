package dev.fn4j.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.testkit.JvmProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The same packaged sample jar under Google's own Java function invoker, as Google Cloud Functions
 * runs it: {@code FUNCTION_TARGET} names an fn4j entry class and the jar is the function's class
 * path.
 */
class HelloJarOnGcfIT {

  private static final Path JAR = Path.of("target/hello.jar");
  private static final Path INVOKER = Path.of("target/invoker/java-function-invoker.jar");
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private static JvmProcess invoker(String target, int port) {
    return JvmProcess.command("com.google.cloud.functions.invoker.runner.Invoker")
        .withClassPath(INVOKER.toAbsolutePath().toString())
        .withEnvironment(
            Map.of(
                "FUNCTION_TARGET",
                target,
                "FUNCTION_CLASSPATH",
                JAR.toAbsolutePath().toString(),
                "PORT",
                Integer.toString(port),
                "K_SERVICE",
                "hello",
                "FN4J_ROUTING_TYPES",
                "google.cloud.pubsub.topic.v1.messagePublished=greetings"))
        .start();
  }

  private static HttpResponse<String> send(HttpRequest.Builder request, JvmProcess invoker)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException notListeningYet) {
        assertThat(System.nanoTime()).as("the invoker listens: %s", invoker).isLessThan(deadline);
        Thread.sleep(50);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void theHttpEntryPointServesTheSampleFunctionsByPath() throws Exception {
    assertThat(JAR).exists();
    assertThat(INVOKER).exists();
    int port = freePort();
    try (JvmProcess invoker = invoker("dev.fn4j.gcp.GcfHttpFunction", port)) {
      HttpResponse<String> upper =
          send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/uppercase"))
                  .header("Content-Type", "text/plain")
                  .POST(HttpRequest.BodyPublishers.ofString("hello from gcf")),
              invoker);
      assertThat(upper.statusCode()).as("%s", invoker).isEqualTo(200);
      assertThat(upper.body()).isEqualTo("HELLO FROM GCF");

      HttpResponse<String> greet =
          send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/greet"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"name\":\"Ada\",\"language\":\"de\"}")),
              invoker);
      assertThat(greet.body()).isEqualTo("{\"message\":\"Hallo, Ada!\",\"language\":\"de\"}");
    }
  }

  @Test
  void theEventEntryPointHandsAPubSubEventToTheGreetingsFunction() throws Exception {
    int port = freePort();
    try (JvmProcess invoker = invoker("dev.fn4j.gcp.GcfEventFunction", port)) {
      HttpResponse<String> response =
          send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                  .header("ce-specversion", "1.0")
                  .header("ce-id", "msg-42")
                  .header("ce-source", "//pubsub.googleapis.com/projects/p/topics/greetings")
                  .header("ce-type", "google.cloud.pubsub.topic.v1.messagePublished")
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"message\":{\"data\":\"QWRh\",\"messageId\":\"42\"},"
                              + "\"subscription\":\"projects/p/subscriptions/s\"}")),
              invoker);
      assertThat(response.statusCode()).as("%s", invoker).isBetween(200, 299);
      invoker.awaitOutput("Hello, Ada! (message 42)", Duration.ofSeconds(10));
    }
  }
}
