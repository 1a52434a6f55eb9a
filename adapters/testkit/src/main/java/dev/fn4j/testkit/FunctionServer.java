package dev.fn4j.testkit;

import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.FunctionCatalog;
import dev.fn4j.core.http.EmbeddedHttpServer;
import dev.fn4j.core.local.LocalPlatform;
import dev.fn4j.core.platform.Environment;
import dev.fn4j.function.FunctionRegistrar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running local runner ({@link LocalPlatform}) for a test: the functions over HTTP on a free
 * loopback port, with a {@link FunctionClient} pointed at it.
 *
 * <p>The runner sees exactly the environment given, never the process's: {@code FN4J_FUNCTION},
 * {@code FN4J_ROUTING_PATHS} and the rest are passed as a map. The testkit sets {@code PORT} to 0
 * (a free port) itself, so the map may not hold {@code PORT} or {@code FN4J_HTTP_HOST}. The
 * catalog's {@code onInit} hooks run before the server starts and its {@code preStop} hooks after
 * it stops.
 *
 * <pre>{@code
 * try (FunctionServer server = FunctionServer.start(registry -> registry.add(new Uppercase()), Map.of())) {
 *   assertThat(server.client().post("/uppercase", "hi").body()).isEqualTo("HI");
 * }
 * }</pre>
 *
 * <p>Prefer {@link LocalRunnerTest#run} or {@link LocalRunnerExtension}, which stop it for you.
 */
public final class FunctionServer implements AutoCloseable {

  private final FunctionRuntime runtime;
  private final EmbeddedHttpServer server;
  private final FunctionClient client;
  private final AtomicBoolean running = new AtomicBoolean(true);

  private FunctionServer(FunctionRuntime runtime, EmbeddedHttpServer server) {
    this.runtime = runtime;
    this.server = server;
    this.client =
        FunctionClient.of(
            URI.create(
                "http://" + hostForUri(server.address().getAddress()) + ":" + server.port()));
  }

  /**
   * Starts the local runner over the functions a registrar adds.
   *
   * @param registrar adds the functions, for example {@code registry -> registry.add(new
   *     Uppercase())}
   * @param environment the runner's settings, for example {@code Map.of("FN4J_FUNCTION",
   *     "uppercase")}
   * @return the running server; close it when done
   * @throws IllegalArgumentException when the environment holds {@code PORT} or {@code
   *     FN4J_HTTP_HOST}, or a setting is malformed
   * @throws dev.fn4j.core.catalog.CatalogException when the functions or the selection are invalid
   * @throws UncheckedIOException when no port can be bound
   */
  public static FunctionServer start(FunctionRegistrar registrar, Map<String, String> environment) {
    Objects.requireNonNull(registrar, "registrar");
    return start(FunctionCatalog.of(registrar), environment);
  }

  /**
   * Starts the local runner over a catalog.
   *
   * @param catalog the functions
   * @param environment the runner's settings
   * @return the running server; close it when done
   * @throws IllegalArgumentException when the environment holds {@code PORT} or {@code
   *     FN4J_HTTP_HOST}, or a setting is malformed
   * @throws dev.fn4j.core.catalog.CatalogException when the selection is invalid
   * @throws UncheckedIOException when no port can be bound
   */
  public static FunctionServer start(FunctionCatalog catalog, Map<String, String> environment) {
    Objects.requireNonNull(catalog, "catalog");
    return start(FunctionRuntime.of(environment(environment), catalog));
  }

  /**
   * Starts the local runner over an application's functions, found on a class loader as the
   * launcher finds them: {@code META-INF/services} registrars, plus the class {@code FN4J_FUNCTION}
   * names.
   *
   * @param loader where the application's functions are, usually the test class's loader
   * @param environment the runner's settings
   * @return the running server; close it when done
   * @throws IllegalArgumentException when the environment holds {@code PORT} or {@code
   *     FN4J_HTTP_HOST}, or a setting is malformed
   * @throws dev.fn4j.core.catalog.CatalogException when the functions or the selection are invalid
   * @throws UncheckedIOException when no port can be bound
   */
  public static FunctionServer load(ClassLoader loader, Map<String, String> environment) {
    Objects.requireNonNull(loader, "loader");
    return start(FunctionRuntime.load(environment(environment), loader));
  }

  private static FunctionServer start(FunctionRuntime runtime) {
    runtime.lifecycle().init();
    try {
      return new FunctionServer(runtime, LocalPlatform.start(runtime));
    } catch (IOException e) {
      runtime.lifecycle().preStop();
      throw new UncheckedIOException("The local runner could not start: " + e.getMessage(), e);
    }
  }

  private static Environment environment(Map<String, String> given) {
    Objects.requireNonNull(given, "environment");
    for (String reserved : new String[] {"PORT", "FN4J_HTTP_HOST"}) {
      if (given.containsKey(reserved)) {
        throw new IllegalArgumentException(
            reserved + " is chosen by the testkit (a free loopback port); leave it out");
      }
    }
    Map<String, String> variables = new HashMap<>(given);
    variables.put("PORT", "0");
    return Environment.of(variables);
  }

  private static String hostForUri(InetAddress address) {
    String host = address.getHostAddress();
    return host.contains(":") ? "[" + host + "]" : host;
  }

  /**
   * Returns the port the runner listens on.
   *
   * @return the port, chosen when it started
   */
  public int port() {
    return server.port();
  }

  /**
   * Returns the runner's address.
   *
   * @return for example {@code http://127.0.0.1:41234}
   */
  public URI uri() {
    return client.baseUri();
  }

  /**
   * Returns a client for this runner.
   *
   * @return the client
   */
  public FunctionClient client() {
    return client;
  }

  /**
   * Returns the runtime being served: its catalog, router and settings.
   *
   * @return the runtime
   */
  public FunctionRuntime runtime() {
    return runtime;
  }

  /**
   * Tells whether the runner is still serving.
   *
   * @return false once {@link #close()} was called
   */
  public boolean isRunning() {
    return running.get();
  }

  /**
   * Stops the runner at once (a test has no request in flight when it ends) and runs the {@code
   * preStop} hooks. Calling it again does nothing.
   */
  @Override
  public void close() {
    if (running.compareAndSet(true, false)) {
      try {
        server.close();
      } finally {
        runtime.lifecycle().preStop();
      }
    }
  }

  @Override
  public String toString() {
    return "FunctionServer[" + uri() + (isRunning() ? "" : ", stopped") + "]";
  }
}
