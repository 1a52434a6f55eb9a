package dev.fn4j.azure;

import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.http.EmbeddedHttpServer;
import dev.fn4j.core.platform.Environment;
import dev.fn4j.core.platform.Platform;
import dev.fn4j.core.platform.ShutdownSignal;
import java.io.IOException;
import java.lang.System.Logger.Level;

/**
 * Azure Functions' custom handler: detected from {@code FUNCTIONS_CUSTOMHANDLER_PORT}, which the
 * Functions host sets when it starts the handler ({@code host.json}'s {@code customHandler});
 * {@code FN4J_PLATFORM=azure-functions} selects it anywhere. Serves {@link CustomHandler} on
 * loopback and that port. SIGTERM drains as everywhere.
 */
public final class CustomHandlerPlatform implements Platform {

  /** The platform id, as {@code FN4J_PLATFORM} names it and invocation contexts report it. */
  public static final String ID = "azure-functions";

  private static final System.Logger LOG = dev.fn4j.core.logging.LazyLogger.of("dev.fn4j.azure");

  @Override
  public String id() {
    return ID;
  }

  /** Above Knative's and FC's: the Functions host sets none of their variables, but rank it. */
  @Override
  public int priority() {
    return 70;
  }

  @Override
  public boolean detect(Environment environment) {
    return environment.value("FUNCTIONS_CUSTOMHANDLER_PORT").isPresent();
  }

  /**
   * Starts serving the custom handler protocol and returns the running server.
   *
   * @param runtime the functions
   * @return the server; the caller stops it
   * @throws IOException when the address cannot be bound
   */
  public static EmbeddedHttpServer start(FunctionRuntime runtime) throws IOException {
    CustomHandlerSettings settings = CustomHandlerSettings.from(runtime.environment());
    return EmbeddedHttpServer.start(settings.http(), new CustomHandler(runtime, settings));
  }

  @Override
  public void run(FunctionRuntime runtime) throws IOException, InterruptedException {
    ShutdownSignal signal = ShutdownSignal.install();
    runtime.prepareDataBindingInBackground();
    EmbeddedHttpServer server = start(runtime);
    LOG.log(
        Level.INFO,
        "fn4j Azure Functions custom handler: "
            + runtime.catalog().size()
            + " function(s) on port "
            + server.port());
    server.serveUntil(signal, runtime.lifecycle(), () -> {});
  }
}
