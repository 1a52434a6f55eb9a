package dev.fn4j.core.http;

import dev.fn4j.core.platform.Environment;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the embedded HTTP server.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><th>variable</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code FN4J_HTTP_HOST}</td><td>as the platform says (loopback for the local
 *       runner)</td><td>the address to bind; {@code 0.0.0.0} for all interfaces</td></tr>
 *   <tr><td>{@code PORT}</td><td>as the platform says (8080 locally)</td><td>the port; 0 picks a
 *       free one</td></tr>
 *   <tr><td>{@code FN4J_HTTP_THREADS}</td><td>4 per core, at least 8</td><td>worker threads, the
 *       most requests handled at once</td></tr>
 *   <tr><td>{@code FN4J_MAX_BODY_BYTES}</td><td>6291456 (6 MiB)</td><td>larger request bodies get
 *       413</td></tr>
 *   <tr><td>{@code FN4J_DRAIN_SECONDS}</td><td>10</td><td>how long a stop waits for requests in
 *       flight</td></tr>
 * </table>
 *
 * @param host the address to bind
 * @param port the port, 0 for any free one
 * @param threads the number of worker threads
 * @param maxBodyBytes the largest request body accepted
 * @param drain how long a stop waits for requests in flight
 */
public record HttpServerSettings(
    String host, int port, int threads, int maxBodyBytes, Duration drain) {

  /** The body limit when none is configured: 6 MiB, as large as a synchronous Lambda payload. */
  public static final int DEFAULT_MAX_BODY_BYTES = 6 * 1024 * 1024;

  public HttpServerSettings {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0 to 65535, not " + port);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("FN4J_HTTP_THREADS must be at least 1, not " + threads);
    }
    if (maxBodyBytes < 0) {
      throw new IllegalArgumentException("FN4J_MAX_BODY_BYTES must not be negative");
    }
    Objects.requireNonNull(drain, "drain");
  }

  /**
   * Reads the settings, with the platform's defaults for host and port.
   *
   * @param environment the environment
   * @param defaultHost the host when {@code FN4J_HTTP_HOST} is unset
   * @param defaultPort the port when {@code PORT} is unset
   * @return the settings
   * @throws IllegalArgumentException when a value is malformed
   */
  public static HttpServerSettings from(
      Environment environment, String defaultHost, int defaultPort) {
    int cores = Runtime.getRuntime().availableProcessors();
    return new HttpServerSettings(
        environment.value("FN4J_HTTP_HOST").orElse(defaultHost),
        environment.intValue("PORT", defaultPort),
        environment.intValue("FN4J_HTTP_THREADS", Math.max(8, 4 * cores)),
        environment.intValue("FN4J_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES),
        Duration.ofSeconds(environment.intValue("FN4J_DRAIN_SECONDS", 10)));
  }

  /**
   * Returns a copy on another port.
   *
   * @param newPort the port
   * @return the new settings
   */
  public HttpServerSettings withPort(int newPort) {
    return new HttpServerSettings(host, newPort, threads, maxBodyBytes, drain);
  }
}
