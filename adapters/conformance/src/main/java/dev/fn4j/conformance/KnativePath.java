package dev.fn4j.conformance;

import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.http.EmbeddedHttpServer;
import dev.fn4j.knative.KnativePlatform;
import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@value #NAME}: the Knative adapter's server ({@link KnativePlatform#start}) on a free loopback
 * port, called with plain HTTP, as a Knative Service is called through its route (no CloudEvent
 * headers, so the adapter serves the request as the local runner does).
 */
final class KnativePath extends StartedPath<EmbeddedHttpServer> {

  static final String NAME = "knative";

  KnativePath(Supplier<FunctionRuntime> runtime) {
    super(NAME, runtime);
  }

  @Override
  EmbeddedHttpServer start(FunctionRuntime shared) throws IOException {
    return KnativePlatform.start(
        ServerRuntimes.derive(shared, Map.of("PORT", "0", "FN4J_HTTP_HOST", "127.0.0.1")));
  }

  @Override
  Outcome call(EmbeddedHttpServer server, Call call) {
    return LoopbackHttp.outcome(
        LoopbackHttp.send(
            NAME,
            LoopbackHttp.root(server.port()).resolve(call.rawPath()),
            call.method(),
            call.allHeaders(),
            call.body()));
  }
}
