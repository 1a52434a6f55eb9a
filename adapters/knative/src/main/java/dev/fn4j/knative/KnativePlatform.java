package dev.fn4j.knative;

import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.http.EmbeddedHttpServer;
import dev.fn4j.core.platform.Environment;
import dev.fn4j.core.platform.Platform;
import dev.fn4j.core.platform.ShutdownSignal;
import dev.fn4j.knative.sink.SinkEmitter;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Knative Serving and Eventing, and any container that delivers CloudEvents over HTTP: detected by
 * {@code K_SERVICE} (set by Knative Serving and Cloud Run) or {@code K_SINK} (set by a SinkBinding
 * or a ContainerSource); {@code FN4J_PLATFORM=knative} selects it anywhere.
 *
 * <p>Serves every function on {@code $PORT} (8080 by default) on all interfaces. On SIGTERM it
 * stops accepting requests (503), lets the requests in flight finish within {@code
 * FN4J_DRAIN_SECONDS} (10 by default), runs the pre-stop hooks and ends the process with status 0.
 * With {@code K_SINK} set, a supplier's output is also sent to the sink as CloudEvents (see {@link
 * SinkEmitter}).
 */
public final class KnativePlatform implements Platform {

  /** The platform id, as {@code FN4J_PLATFORM} names it and invocation contexts report it. */
  public static final String ID = "knative";

  private static final System.Logger LOG = dev.fn4j.core.logging.LazyLogger.of("dev.fn4j.knative");

  @Override
  public String id() {
    return ID;
  }

  /** Below AWS Lambda's Runtime API: a Lambda container never sets {@code K_SERVICE}. */
  @Override
  public int priority() {
    return 50;
  }

  @Override
  public boolean detect(Environment environment) {
    return environment.value("K_SERVICE").isPresent() || environment.value("K_SINK").isPresent();
  }

  /**
   * Starts serving and returns the running server; the caller stops it. Tests and embedders use
   * this; {@link #run} adds the sink and the SIGTERM handling.
   *
   * @param runtime the functions
   * @return the server
   * @throws IOException when the address cannot be bound
   */
  public static EmbeddedHttpServer start(FunctionRuntime runtime) throws IOException {
    KnativeSettings settings = KnativeSettings.from(runtime.environment());
    return EmbeddedHttpServer.start(settings.http(), new KnativeHttpHandler(runtime, settings));
  }

  @Override
  public void run(FunctionRuntime runtime) throws IOException, InterruptedException {
    ShutdownSignal signal = ShutdownSignal.install();
    KnativeSettings settings = KnativeSettings.from(runtime.environment());
    runtime.prepareDataBindingInBackground();
    EmbeddedHttpServer server =
        EmbeddedHttpServer.start(settings.http(), new KnativeHttpHandler(runtime, settings));
    Optional<SinkEmitter> emitter;
    try {
      emitter =
          SinkEmitter.fromEnvironment(
              runtime, new ReplyAttributes(settings)::build, settings.service());
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    LOG.log(
        Level.INFO,
        "fn4j on Knative: "
            + runtime.catalog().size()
            + " function(s) on port "
            + server.port()
            + (settings.serviceAttributes().isEmpty()
                ? ""
                : " " + settings.serviceAttributes().values())
            + emitter.map(e -> "; " + e.describe()).orElse(""));
    emitter.ifPresent(SinkEmitter::start);
    server.serveUntil(signal, runtime.lifecycle(), () -> emitter.ifPresent(SinkEmitter::stop));
  }
}
