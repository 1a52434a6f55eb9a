package dev.fn4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Free ports, and waiting for a child JVM to listen on one. */
class PortsTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void a_free_port_can_be_listened_on() throws IOException {
    int port = Ports.free();

    assertThat(port).isBetween(1, 65_535);
    try (ServerSocket socket = new ServerSocket(port)) {
      assertThat(socket.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void loopback_addresses_a_port_on_127_0_0_1() {
    assertThat(Ports.loopback(8080)).isEqualTo(URI.create("http://127.0.0.1:8080"));
    assertThatThrownBy(() -> Ports.loopback(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Not a port: 0");
  }

  @Test
  void await_listening_returns_the_address_once_the_child_accepts_connections() throws IOException {
    int port = Ports.free();
    try (JvmProcess server =
        JvmProcess.command(PortsTestMain.class.getName())
            .withArgs(Integer.toString(port))
            .start()) {

      URI base = Ports.awaitListening(server, port, WAIT);

      assertThat(base).isEqualTo(URI.create("http://127.0.0.1:" + port));
      try (Socket socket = new Socket(base.getHost(), base.getPort());
          InputStream in = socket.getInputStream()) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello\n");
      }
    }
  }

  @Test
  void await_listening_fails_at_once_when_the_child_exits_and_shows_its_output() {
    int port = Ports.free();
    try (JvmProcess child =
        JvmProcess.command(JvmProcessTestMain.class.getName()).withArgs("echo", "3").start()) {
      long start = System.nanoTime();

      assertThatThrownBy(() -> Ports.awaitListening(child, port, WAIT))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("exited before listening on port " + port)
          .hasMessageContaining("exit code 3")
          .hasMessageContaining("GREETING=null");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(WAIT);
    }
  }

  @Test
  void await_listening_fails_when_a_running_child_does_not_listen_in_time() {
    int port = Ports.free();
    try (JvmProcess child =
        JvmProcess.command(JvmProcessTestMain.class.getName()).withArgs("wait").start()) {
      child.awaitOutput("ready", WAIT);

      assertThatThrownBy(() -> Ports.awaitListening(child, port, Duration.ofMillis(300)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("did not listen on port " + port + " within PT0.3S")
          .hasMessageContaining("(running)");
    }
  }
}
