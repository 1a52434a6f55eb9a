package dev.fn4j.samples.spring;

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
 * The packaged Spring Boot jar with no cloud around it ({@code java -jar spring-hello.jar}): the
 * manifest names fn4j's launcher and the application, and the local runner serves the beans on
 * {@code PORT}.
 */
class SpringHelloJarLocallyIT {

  private static final FunctionJar JAR = FunctionJar.at(Path.of("target/spring-hello.jar"));
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void theLocalRunnerListsAndServesTheFourBeans() {
    assertThat(JAR.manifestAttribute("Main-Class")).hasValue("dev.fn4j.launcher.Main");
    assertThat(JAR.manifestAttribute("Start-Class"))
        .hasValue(HelloSpringApplication.class.getName());
    int port = Ports.free();
    try (JvmProcess runner =
        JAR.javaJar().withEnvironment("PORT", Integer.toString(port)).start()) {
      FunctionClient client = FunctionClient.of(Ports.awaitListening(runner, port, WAIT));

      Reply list = client.list();
      Reply upper = client.post("/uppercase", "hello from my laptop");
      Reply reverse = client.post("/reverse", "abc");

      assertThat(list.status()).as("%s", runner).isEqualTo(200);
      assertThat(list.body())
          .contains("\"name\":\"uppercase\"")
          .contains("\"name\":\"reverse\"")
          .contains("\"name\":\"greet\"")
          .contains("\"name\":\"motto\"");
      assertThat(upper.body()).isEqualTo("HELLO FROM MY LAPTOP");
      assertThat(reverse.body()).isEqualTo("cba");
    }
  }
}
