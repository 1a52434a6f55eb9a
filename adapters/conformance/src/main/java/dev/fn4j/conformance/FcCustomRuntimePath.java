package dev.fn4j.conformance;

import dev.fn4j.alibaba.FcPlatform;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.http.EmbeddedHttpServer;
import dev.fn4j.testkit.FcHostFake;
import dev.fn4j.testkit.FcReply;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@value #NAME}: the FC custom runtime's server ({@link FcPlatform#start}, FC 3.0, port {@code
 * FC_CUSTOM_LISTEN_PORT}) on a free loopback port, sent each call by the testkit's {@link
 * FcHostFake} as FC forwards an HTTP trigger's request to an HTTP function: the original method,
 * path, headers and body, with FC's {@code x-fc-*} headers and {@code x-fc-control-path:
 * /http-invoke}. The outcome is the answer FC passes back to the client; an answer that breaks the
 * custom-runtime contract ({@link FcReply#violations()}, such as a missing {@code x-fc-status})
 * fails the call with a {@link PathFailure}.
 *
 * <p>The server prints FC's {@code FC Invoke Start/End RequestId} lines to standard output.
 */
final class FcCustomRuntimePath extends StartedPath<FcCustomRuntimePath.Running> {

  static final String NAME = "alibaba-custom-runtime";

  FcCustomRuntimePath(Supplier<FunctionRuntime> runtime) {
    super(NAME, runtime);
  }

  @Override
  Running start(FunctionRuntime shared) throws IOException {
    EmbeddedHttpServer server =
        FcPlatform.start(
            ServerRuntimes.derive(
                shared, Map.of("FC_CUSTOM_LISTEN_PORT", "0", "FN4J_HTTP_HOST", "127.0.0.1")));
    return new Running(server, FcHostFake.forServer(LoopbackHttp.root(server.port())));
  }

  @Override
  Outcome call(Running running, Call call) {
    FcReply reply;
    try {
      reply = running.fc.http(call.method(), call.rawPath(), call.allHeaders(), call.body());
    } catch (RuntimeException e) {
      throw new PathFailure(NAME, "FC's request for " + call + " failed: " + e, e);
    }
    List<String> violations = reply.violations();
    if (!violations.isEmpty()) {
      throw new PathFailure(
          NAME, "the answer to " + call + " breaks FC's contract: " + violations, null);
    }
    return Outcome.of(reply.status(), reply.header("Content-Type").orElse(null), reply.bytes());
  }

  /** The server and the FC host in front of it. */
  static final class Running implements AutoCloseable {
    private final EmbeddedHttpServer server;
    private final FcHostFake fc;

    Running(EmbeddedHttpServer server, FcHostFake fc) {
      this.server = server;
      this.fc = fc;
    }

    @Override
    public void close() {
      server.close();
    }
  }
}
