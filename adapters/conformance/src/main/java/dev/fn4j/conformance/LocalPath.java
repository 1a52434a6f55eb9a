package dev.fn4j.conformance;

import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.http.EmbeddedHttpServer;
import dev.fn4j.core.local.LocalPlatform;
import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@value #NAME}: the local runner ({@link LocalPlatform#start}) on a free loopback port, called
 * with plain HTTP. The reference every other path is compared with.
 */
final class LocalPath extends StartedPath<EmbeddedHttpServer> {

  static final String NAME = "local";

  LocalPath(Supplier<FunctionRuntime> runtime) {
    super(NAME, runtime);
  }

  @Override
  EmbeddedHttpServer start(FunctionRuntime shared) throws IOException {
    return LocalPlatform.start(
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
