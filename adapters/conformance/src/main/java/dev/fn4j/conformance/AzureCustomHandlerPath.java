package dev.fn4j.conformance;

import dev.fn4j.azure.CustomHandlerPlatform;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.http.EmbeddedHttpServer;
import dev.fn4j.testkit.AzureFunctionsHostFake;
import dev.fn4j.testkit.AzureHttpResponse;
import dev.fn4j.testkit.AzureReply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Azure Functions custom handler ({@link CustomHandlerPlatform#start}) on a free loopback port,
 * driven by the testkit's {@link AzureFunctionsHostFake} in one of two ways:
 *
 * <ul>
 *   <li>{@value #NAME}: the default protocol. Each call goes to the Azure function named like the
 *       fn4j function, an HTTP trigger with route {@code <name>} under the prefix {@code api} and
 *       an HTTP output {@code res}: {@code POST /<name>} with the request in {@code Data.req}; the
 *       outcome is {@code Outputs.res} ({@code statusCode}, {@code headers}, {@code body}) as the
 *       host answers the client with it. The host writes a string {@code body} as it is: it does
 *       not decode base64 (Azure/azure-functions-host, {@code HttpScriptInvocationResultExtensions}
 *       and {@code HttpBinding} pass {@code Body} through), so a binary body the handler wrote in
 *       base64 reaches the client as that base64 text.
 *   <li>{@value #PROXIED_NAME}: {@code enableProxyingHttpRequest}. The host forwards the client's
 *       request as it is to {@code /api/<name>} and returns the handler's answer as it is.
 * </ul>
 *
 * <p>An answer the host would refuse ({@link AzureReply#violations()}, such as a non-2xx answer to
 * an HTTP trigger or a malformed {@code res}) fails the call with a {@link PathFailure}.
 */
final class AzureCustomHandlerPath extends StartedPath<AzureCustomHandlerPath.Running> {

  static final String NAME = "azure-custom-handler";
  static final String PROXIED_NAME = "azure-custom-handler-proxied";

  /** The HTTP route prefix of {@code host.json}, the default. */
  static final String ROUTE_PREFIX = "api";

  private final boolean proxied;

  AzureCustomHandlerPath(Supplier<FunctionRuntime> runtime, boolean proxied) {
    super(proxied ? PROXIED_NAME : NAME, runtime);
    this.proxied = proxied;
  }

  @Override
  Running start(FunctionRuntime shared) throws IOException {
    EmbeddedHttpServer server =
        CustomHandlerPlatform.start(
            ServerRuntimes.derive(
                shared,
                Map.of(
                    "FUNCTIONS_CUSTOMHANDLER_PORT", "0",
                    "FN4J_HTTP_HOST", "127.0.0.1",
                    "FN4J_AZURE_ROUTE_PREFIX", ROUTE_PREFIX,
                    "FN4J_AZURE_HTTP_OUTPUT", "res")));
    AzureFunctionsHostFake host =
        AzureFunctionsHostFake.forHandler(LoopbackHttp.root(server.port()));
    try {
      host.awaitReady(Duration.ofSeconds(30));
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return new Running(server, host);
  }

  @Override
  Outcome call(Running running, Call call) {
    String path = "/" + ROUTE_PREFIX + call.rawPath();
    AzureReply reply;
    try {
      reply =
          proxied
              ? running.host.proxiedHttp(call.method(), path, call.allHeaders(), call.body())
              : running.host.http(
                  call.function(), call.method(), path, call.allHeaders(), call.body());
    } catch (RuntimeException e) {
      throw new PathFailure(name(), "the host's request for " + call + " failed: " + e, e);
    }
    List<String> violations = reply.violations();
    if (!violations.isEmpty()) {
      throw new PathFailure(
          name(), "the host would refuse the answer to " + call + ": " + violations, null);
    }
    if (proxied) {
      return Outcome.of(reply.status(), reply.header("Content-Type").orElse(null), reply.bytes());
    }
    AzureHttpResponse response =
        reply
            .httpResponse()
            .orElseThrow(
                () -> new PathFailure(name(), "no HTTP output in the answer: " + reply, null));
    return Outcome.of(
        response.statusCode(),
        response.header("Content-Type").orElse(null),
        response.bodyText().getBytes(StandardCharsets.UTF_8));
  }

  /** The handler's server and the host in front of it. */
  static final class Running implements AutoCloseable {
    private final EmbeddedHttpServer server;
    private final AzureFunctionsHostFake host;

    Running(EmbeddedHttpServer server, AzureFunctionsHostFake host) {
      this.server = server;
      this.host = host;
    }

    @Override
    public void close() {
      server.close();
    }
  }
}
