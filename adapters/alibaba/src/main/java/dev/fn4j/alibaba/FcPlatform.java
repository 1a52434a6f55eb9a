package dev.fn4j.alibaba;

import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.http.EmbeddedHttpServer;
import dev.fn4j.core.http.HttpServerSettings;
import dev.fn4j.core.platform.Environment;
import dev.fn4j.core.platform.Platform;
import dev.fn4j.core.platform.ShutdownSignal;
import java.io.IOException;
import java.lang.System.Logger.Level;

/**
 * Alibaba Cloud Function Compute's custom runtime and custom container, FC 3.0 and 2.0: detected
 * from {@code FC_FUNCTION_NAME} with {@code FC_REGION}, or {@code FC_CUSTOM_LISTEN_PORT} (3.0) or
 * {@code FC_SERVER_PORT} (2.0); {@code FN4J_PLATFORM=alibaba-fc} selects it anywhere. Serves FC's
 * HTTP protocol ({@link FcHttpHandler}) on {@code 0.0.0.0} and the port FC names ({@code
 * FC_CUSTOM_LISTEN_PORT}, else {@code FC_SERVER_PORT}, else 9000); {@code PORT} is not read here.
 * Request bodies up to {@code FN4J_MAX_BODY_BYTES}, by default 32 MiB (FC's synchronous limit).
 * SIGTERM drains as everywhere, then runs the pre-stop hooks unless FC's {@code /pre-stop} already
 * did.
 */
public final class FcPlatform implements Platform {

  /** The platform id, as {@code FN4J_PLATFORM} names it and invocation contexts report it. */
  public static final String ID = "alibaba-fc";

  /** FC's body limit for synchronous invocations. */
  static final int DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

  private static final System.Logger LOG = dev.fn4j.core.logging.LazyLogger.of("dev.fn4j.alibaba");

  @Override
  public String id() {
    return ID;
  }

  /** Above Knative's: an FC custom container sets no {@code K_SERVICE}, but rank it first. */
  @Override
  public int priority() {
    return 60;
  }

  @Override
  public boolean detect(Environment environment) {
    return (environment.value("FC_FUNCTION_NAME").isPresent()
            && environment.value("FC_REGION").isPresent())
        || environment.value("FC_CUSTOM_LISTEN_PORT").isPresent()
        || environment.value("FC_SERVER_PORT").isPresent();
  }

  /**
   * Reads the server settings FC asks for.
   *
   * @param environment the environment
   * @return all interfaces, FC's port, FC's body limit
   */
  static HttpServerSettings settings(Environment environment) {
    int port =
        environment.intValue("FC_CUSTOM_LISTEN_PORT", environment.intValue("FC_SERVER_PORT", 9000));
    HttpServerSettings defaults = HttpServerSettings.from(environment, "0.0.0.0", port);
    return new HttpServerSettings(
        defaults.host(),
        port,
        defaults.threads(),
        environment.intValue("FN4J_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES),
        defaults.drain());
  }

  /**
   * Starts serving FC's protocol and returns the running server; the caller stops it.
   *
   * @param runtime the functions
   * @return the server
   * @throws IOException when the address cannot be bound
   */
  public static EmbeddedHttpServer start(FunctionRuntime runtime) throws IOException {
    HttpServerSettings settings = settings(runtime.environment());
    return EmbeddedHttpServer.start(
        settings, new FcHttpHandler(runtime, settings.maxBodyBytes(), System.out));
  }

  @Override
  public void run(FunctionRuntime runtime) throws IOException, InterruptedException {
    ShutdownSignal signal = ShutdownSignal.install();
    runtime.prepareDataBindingInBackground();
    EmbeddedHttpServer server = start(runtime);
    LOG.log(
        Level.INFO,
        "fn4j on Function Compute: "
            + runtime.catalog().size()
            + " function(s) on port "
            + server.port());
    server.serveUntil(signal, runtime.lifecycle(), () -> {});
  }
}
