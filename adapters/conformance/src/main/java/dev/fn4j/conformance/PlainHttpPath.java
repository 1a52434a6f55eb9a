package dev.fn4j.conformance;

import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.http.EmbeddedHttpServer;
import dev.fn4j.core.local.LocalPlatform;
import dev.fn4j.knative.KnativePlatform;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A server fn4j runs, on a free loopback port, called with plain HTTP (no CloudEvent headers):
 * {@value #LOCAL}, the local runner ({@link LocalPlatform#start}), the reference every other path
 * is compared with; and {@value #KNATIVE}, the Knative adapter's server ({@link
 * KnativePlatform#start}), as a Knative Service is called through its route.
 */
final class PlainHttpPath extends StartedPath<EmbeddedHttpServer> {

  static final String LOCAL = "local";
  static final String KNATIVE = "knative";

  /** Starts a platform's server for a runtime. */
  @FunctionalInterface
  interface Server {
    EmbeddedHttpServer start(FunctionRuntime runtime) throws IOException;
  }

  private final Server server;

  private PlainHttpPath(String name, Supplier<FunctionRuntime> runtime, Server server) {
    super(name, runtime);
    this.server = Objects.requireNonNull(server, "server");
  }

  static PlainHttpPath local(Supplier<FunctionRuntime> runtime) {
    return new PlainHttpPath(LOCAL, runtime, LocalPlatform::start);
  }

  static PlainHttpPath knative(Supplier<FunctionRuntime> runtime) {
    return new PlainHttpPath(KNATIVE, runtime, KnativePlatform::start);
  }

  @Override
  EmbeddedHttpServer start(FunctionRuntime shared) throws IOException {
    return server.start(ServerRuntimes.onLoopback(shared));
  }

  @Override
  Outcome call(EmbeddedHttpServer running, Call call) {
    return LoopbackHttp.outcome(
        LoopbackHttp.send(
            name(),
            LoopbackHttp.root(running.port()).resolve(call.rawPath()),
            call.method(),
            call.allHeaders(),
            call.body()));
  }
}
