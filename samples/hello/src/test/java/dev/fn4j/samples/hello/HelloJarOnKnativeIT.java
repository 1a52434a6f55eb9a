package dev.fn4j.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.testkit.JvmProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The same packaged sample jar that runs on Lambda, started as a Knative Service starts it ({@code
 * java -jar hello.jar} with {@code K_SERVICE} and {@code PORT} set): CloudEvents in, reply events
 * out, and a clean exit on SIGTERM.
 */
class HelloJarOnKnativeIT {

  private static final Path JAR = Path.of("target/hello.jar");
  private static final Pattern PORT = Pattern.compile("on port (\\d+)");

  @Test
  void theJarAnswersACloudEventWithAReplyEventAndExitsCleanlyOnSigterm() throws Exception {
    assertThat(JAR).exists();
    try (JvmProcess service =
        JvmProcess.command("dev.fn4j.launcher.Main")
            .withClassPath(JAR.toAbsolutePath().toString())
            .withEnvironment(
                Map.of(
                    "K_SERVICE", "hello",
                    "K_REVISION", "hello-00001",
                    "PORT", "0",
                    "FN4J_HTTP_HOST", "127.0.0.1"))
            .start()) {
      // given: the service is up
      service.awaitOutput("on port", Duration.ofSeconds(30));
      Matcher port = PORT.matcher(service.stderr() + service.stdout());
      assertThat(port.find()).as("%s", service).isTrue();
      URI root = URI.create("http://127.0.0.1:" + port.group(1) + "/");

      // when: a Broker delivers an event whose type names the function
      HttpResponse<String> reply =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(root)
                      .header("ce-specversion", "1.0")
                      .header("ce-id", "evt-1")
                      .header("ce-source", "/samples")
                      .header("ce-type", "uppercase")
                      .header("Content-Type", "text/plain")
                      .POST(HttpRequest.BodyPublishers.ofString("hello from knative"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      // then: a reply event that cannot route back to the same function
      assertThat(reply.statusCode()).as("%s", service).isEqualTo(200);
      assertThat(reply.body()).isEqualTo("HELLO FROM KNATIVE");
      assertThat(reply.headers().firstValue("ce-type")).hasValue("uppercase.output");
      assertThat(reply.headers().firstValue("ce-source")).hasValue("/hello/uppercase");

      // and: SIGTERM ends it with status 0
      ProcessHandle.of(service.pid()).orElseThrow().destroy();
      assertThat(service.awaitExit(Duration.ofSeconds(15))).as("%s", service).isZero();
    }
  }
}
