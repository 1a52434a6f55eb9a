package dev.fn4j.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Ports for servers a test starts in a child JVM: a free one to hand the child ({@code PORT},
 * {@code FC_CUSTOM_LISTEN_PORT}, {@code FUNCTIONS_CUSTOMHANDLER_PORT}), and the wait until the
 * child listens on it, which fails as soon as the child exits instead of waiting out the deadline.
 *
 * <pre>{@code
 * int port = Ports.free();
 * try (JvmProcess service = jar.javaJar().withEnvironment("PORT", Integer.toString(port)).start()) {
 *   URI base = Ports.awaitListening(service, port, Duration.ofSeconds(30));
 *   Reply reply = FunctionClient.of(base).post("/uppercase", "hi");
 * }
 * }</pre>
 *
 * <p>Once the port accepts connections the server answers requests, so a test sends each request
 * once, with no retries: fn4j's servers and Google's invoker open their port only after the
 * functions (and a Spring application) have started.
 */
public final class Ports {

  /** The address servers are reached on; fn4j's servers listen on it or on every address. */
  private static final String LOOPBACK = "127.0.0.1";

  /** How long one connection attempt may take. */
  private static final int CONNECT_TIMEOUT_MILLIS = 250;

  /** The pause between connection attempts. */
  private static final long POLL_MILLIS = 20;

  private Ports() {}

  /**
   * Finds a port no one listens on now, on any address. Another process may take it before the
   * child does; on a test machine that is rare enough.
   *
   * @return the port
   * @throws UncheckedIOException when no port can be opened
   */
  public static int free() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port: " + e.getMessage(), e);
    }
  }

  /**
   * Returns the address of a server on a loopback port, for a fake host that must know it before
   * the child starts.
   *
   * @param port the port
   * @return {@code http://127.0.0.1:<port>}
   */
  public static URI loopback(int port) {
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("Not a port: " + port);
    }
    return URI.create("http://" + LOOPBACK + ":" + port);
  }

  /**
   * Waits until a child process accepts connections on a loopback port.
   *
   * @param process the child that is to listen
   * @param port the port it was given
   * @param timeout how long to wait at most, for example 30 seconds for a Spring application
   * @return the server's address, {@code http://127.0.0.1:<port>}
   * @throws AssertionError when the child exits first, or does not listen in time; the message
   *     holds its output
   * @throws IllegalStateException when the thread is interrupted
   */
  public static URI awaitListening(JvmProcess process, int port, Duration timeout) {
    Objects.requireNonNull(process, "process");
    Objects.requireNonNull(timeout, "timeout");
    URI uri = loopback(port);
    InetSocketAddress address = new InetSocketAddress(LOOPBACK, port);
    long end = System.nanoTime() + timeout.toNanos();
    while (!accepts(address)) {
      if (!process.isAlive()) {
        process.awaitExit(Duration.ofSeconds(1)); // reads its output to the end
        throw new AssertionError(
            "The child exited before listening on port " + port + ": " + process);
      }
      if (System.nanoTime() - end >= 0) {
        throw new AssertionError(
            "The child did not listen on port " + port + " within " + timeout + ": " + process);
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for port " + port, e);
      }
    }
    return uri;
  }

  private static boolean accepts(InetSocketAddress address) {
    try (Socket socket = new Socket()) {
      socket.connect(address, CONNECT_TIMEOUT_MILLIS);
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }
}
