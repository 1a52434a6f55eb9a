package dev.fn4j.core.local;

import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.http.EmbeddedHttpServer;
import dev.fn4j.core.http.HttpServerSettings;
import dev.fn4j.core.platform.Environment;
import dev.fn4j.core.platform.Platform;
import dev.fn4j.core.platform.ShutdownSignal;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;

/**
 * The local runner: every function over HTTP on {@code localhost:8080} ({@code PORT} overrides),
 * bound to the loopback interface unless {@code FN4J_HTTP_HOST} says otherwise (use {@code 0.0.0.0}
 * in a container). The launcher's fallback when no cloud platform is detected.
 */
public final class LocalPlatform implements Platform {

  /** The port when {@code PORT} is unset. */
  public static final int DEFAULT_PORT = 8080;

  private static final System.Logger LOG = dev.fn4j.core.logging.LazyLogger.of("dev.fn4j.local");

  @Override
  public String id() {
    return LocalHttpHandler.PLATFORM;
  }

  @Override
  public int priority() {
    return Integer.MIN_VALUE;
  }

  /** Never detected: it is what runs when nothing else is. */
  @Override
  public boolean detect(Environment environment) {
    return false;
  }

  /**
   * Starts the local runner and returns it running.
   *
   * @param runtime the functions
   * @return the server; stop it when done
   * @throws IOException when the address cannot be bound
   */
  public static EmbeddedHttpServer start(FunctionRuntime runtime) throws IOException {
    HttpServerSettings settings =
        HttpServerSettings.from(
            runtime.environment(), InetAddress.getLoopbackAddress().getHostAddress(), DEFAULT_PORT);
    return EmbeddedHttpServer.start(
        settings, new LocalHttpHandler(runtime, settings.maxBodyBytes()));
  }

  @Override
  public void run(FunctionRuntime runtime) throws IOException, InterruptedException {
    ShutdownSignal signal = ShutdownSignal.install();
    runtime.prepareDataBindingInBackground();
    EmbeddedHttpServer server = start(runtime);
    LOG.log(
        Level.INFO,
        "fn4j local runner: "
            + runtime.catalog().size()
            + " function(s) on http://"
            + server.address().getHostString()
            + ":"
            + server.port()
            + "/ (GET / lists them)");
    server.serveUntil(signal, runtime.lifecycle(), () -> {});
  }
}
