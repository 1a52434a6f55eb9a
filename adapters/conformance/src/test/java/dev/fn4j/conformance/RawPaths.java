package dev.fn4j.conformance;

import dev.fn4j.alibaba.FcHandler;
import dev.fn4j.alibaba.FcPlatform;
import dev.fn4j.aws.LambdaHandler;
import dev.fn4j.aws.runtime.LambdaRuntimePlatform;
import dev.fn4j.azure.CustomHandlerPlatform;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.http.EmbeddedHttpServer;
import dev.fn4j.core.local.LocalPlatform;
import dev.fn4j.gcp.GcfHttpFunction;
import dev.fn4j.knative.KnativePlatform;
import dev.fn4j.testkit.FcCredentials;
import dev.fn4j.testkit.LambdaEvent;
import dev.fn4j.testkit.LambdaInvocation;
import dev.fn4j.testkit.LambdaInvocationResult;
import dev.fn4j.testkit.LambdaRuntimeApiFake;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends {@link RawRequest}s along every adapter path in the platform's own form, for the bad input
 * that a {@link Call} cannot carry. The entry classes ({@code LambdaHandler}, {@code
 * GcfHttpFunction}, {@code FcHandler}) are the process's, as along {@link AdapterPaths}; every
 * server (and the Lambda Runtime API loop) is one of its own, started on first use like the paths
 * start theirs, with {@code FN4J_MAX_BODY_BYTES} at {@value #SMALL_LIMIT} so that a body over the
 * limit costs little. The socket paths go through {@link RawHttp}: the platform's own headers
 * (CloudEvent attributes, FC's {@code x-fc-*} with the fake credentials) are added unless the
 * request leaves them out; the Azure host payload is posted by hand.
 */
final class RawPaths implements AutoCloseable {

  /**
   * The body limit of the servers started here: small, so that a body over it costs little, and
   * under the JDK server's drain amount (64 KiB), so that the server reads the rest of a body it
   * refuses and the 413 is not lost to a reset (which larger bodies risk: see {@link
   * BadInputCorpus#EARLY_413_BUG}).
   */
  static final int SMALL_LIMIT = 16_384;

  private static final AtomicLong IDS = new AtomicLong();

  private final Map<String, EmbeddedHttpServer> servers = new LinkedHashMap<>();
  private LambdaRuntimeApiFake lambdaFake;
  private Thread lambdaLoop;
  private LambdaHandler lambdaHandler;
  private GcfHttpFunction gcfFunction;
  private FcHandler fcHandler;

  /**
   * Sends a request along a path.
   *
   * @param path a name of {@link AdapterPaths#NAMES}
   * @param request the request
   * @return the answer, or the platform's failure
   */
  synchronized RawAnswer send(String path, RawRequest request) {
    try {
      return switch (path) {
        case AdapterPaths.LOCAL, AdapterPaths.KNATIVE ->
            RawHttp.send(server(path).port(), request, List.of());
        case AdapterPaths.KNATIVE_CLOUDEVENT -> cloudEvent(request);
        case AdapterPaths.ALIBABA_CUSTOM_RUNTIME -> fcCustomRuntime(request);
        case AdapterPaths.AZURE_CUSTOM_HANDLER_PROXIED ->
            RawHttp.send(server(path).port(), proxied(request), List.of());
        case AdapterPaths.AZURE_CUSTOM_HANDLER -> azurePayload(request);
        case AdapterPaths.AWS_LAMBDA_HANDLER -> lambdaHandler(request);
        case AdapterPaths.AWS_RUNTIME_API -> lambdaRuntimeApi(request);
        case AdapterPaths.GCP_HTTP -> gcf(request);
        case AdapterPaths.ALIBABA_BUILTIN -> fcBuiltin(request);
        default -> throw new IllegalArgumentException("No path " + path);
      };
    } catch (IOException e) {
      return RawAnswer.failed(path + " could not run: " + e);
    }
  }

  private EmbeddedHttpServer server(String path) throws IOException {
    EmbeddedHttpServer running = servers.get(path);
    if (running == null) {
      running = start(path, FunctionRuntime.shared());
      servers.put(path, running);
    }
    return running;
  }

  private static EmbeddedHttpServer start(String path, FunctionRuntime shared) throws IOException {
    String limit = Integer.toString(SMALL_LIMIT);
    Map<String, String> loopback =
        Map.of("PORT", "0", "FN4J_HTTP_HOST", "127.0.0.1", "FN4J_MAX_BODY_BYTES", limit);
    return switch (path) {
      case AdapterPaths.LOCAL -> LocalPlatform.start(ServerRuntimes.derive(shared, loopback));
      case AdapterPaths.KNATIVE, AdapterPaths.KNATIVE_CLOUDEVENT ->
          KnativePlatform.start(ServerRuntimes.derive(shared, loopback));
      case AdapterPaths.ALIBABA_CUSTOM_RUNTIME ->
          FcPlatform.start(
              ServerRuntimes.derive(
                  shared,
                  Map.of(
                      "FC_CUSTOM_LISTEN_PORT", "0",
                      "FN4J_HTTP_HOST", "127.0.0.1",
                      "FN4J_MAX_BODY_BYTES", limit)));
      default ->
          CustomHandlerPlatform.start(
              ServerRuntimes.derive(
                  shared,
                  Map.of(
                      "FUNCTIONS_CUSTOMHANDLER_PORT", "0",
                      "FN4J_HTTP_HOST", "127.0.0.1",
                      "FN4J_AZURE_ROUTE_PREFIX", AzureCustomHandlerPath.ROUTE_PREFIX,
                      "FN4J_AZURE_HTTP_OUTPUT", "res",
                      "FN4J_MAX_BODY_BYTES", limit)));
    };
  }

  private RawAnswer cloudEvent(RawRequest request) throws IOException {
    List<Map.Entry<String, String>> attributes =
        List.of(
            Map.entry("ce-specversion", "1.0"),
            Map.entry("ce-id", "raw-" + IDS.incrementAndGet()),
            Map.entry("ce-source", KnativeCloudEventPath.SOURCE),
            Map.entry("ce-type", KnativeCloudEventPath.TYPE));
    return RawHttp.send(server(AdapterPaths.KNATIVE_CLOUDEVENT).port(), request, attributes);
  }

  private RawAnswer fcCustomRuntime(RawRequest request) throws IOException {
    FcCredentials credentials = FcCredentials.fake();
    String requestId = FcHttpTriggerEvent.nextRequestId();
    List<Map.Entry<String, String>> fc =
        List.of(
            Map.entry("x-fc-request-id", requestId),
            Map.entry("x-fc-control-path", "/http-invoke"),
            Map.entry("x-fc-function-name", "conformance"),
            Map.entry("x-fc-access-key-id", credentials.accessKeyId()),
            Map.entry("x-fc-access-key-secret", credentials.accessKeySecret()),
            Map.entry("x-fc-security-token", credentials.securityToken()));
    RawAnswer answer =
        RawHttp.send(server(AdapterPaths.ALIBABA_CUSTOM_RUNTIME).port(), request, fc);
    if (answer.isFailure()) {
      return answer;
    }
    List<String> fcStatus = answer.header("x-fc-status");
    String expected = answer.status() >= 500 ? "404" : "200";
    if (!fcStatus.equals(List.of(expected))) {
      return RawAnswer.failed(
          "breaks FC's contract: status " + answer.status() + " with x-fc-status " + fcStatus);
    }
    return answer;
  }

  private static RawRequest proxied(RawRequest request) {
    return new RawRequest(
        request.method(),
        "/" + AzureCustomHandlerPath.ROUTE_PREFIX + request.target(),
        request.headers(),
        request.body(),
        request.chunked(),
        request.omitted(),
        request.envelopeBody());
  }

  private RawAnswer azurePayload(RawRequest request) throws IOException {
    String function = request.functionName();
    byte[] payload = RawEnvelopes.azureHttp(request, function);
    RawRequest invocation =
        new RawRequest(
            "POST",
            "/" + encode(function),
            List.of(Map.entry("Content-Type", "application/json")),
            payload,
            false,
            java.util.Set.of(),
            null);
    RawAnswer answer =
        RawHttp.send(server(AdapterPaths.AZURE_CUSTOM_HANDLER).port(), invocation, List.of());
    return answer.isFailure() ? answer : RawEnvelopes.azureAnswer(answer.status(), answer.body());
  }

  /** Percent-encodes every byte but the unreserved ones. */
  static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append(String.format("%%%02X", c));
      }
    }
    return out.toString();
  }

  private RawAnswer lambdaHandler(RawRequest request) {
    if (lambdaHandler == null) {
      lambdaHandler = new LambdaHandler();
    }
    ByteArrayOutputStream response = new ByteArrayOutputStream();
    try {
      lambdaHandler.handleRequest(
          new ByteArrayInputStream(RawEnvelopes.apiGatewayV2(request)),
          response,
          new LambdaContext("raw-" + IDS.incrementAndGet()));
    } catch (IOException | RuntimeException e) {
      return RawAnswer.failed("function error " + e);
    }
    return RawEnvelopes.responseDocument(response.toByteArray(), null);
  }

  private RawAnswer lambdaRuntimeApi(RawRequest request) {
    if (lambdaFake == null) {
      lambdaFake = LambdaRuntimeApiFake.start();
      FunctionRuntime runtime =
          ServerRuntimes.derive(FunctionRuntime.shared(), new HashMap<>(lambdaFake.environment()));
      lambdaLoop =
          new Thread(
              () -> {
                try {
                  new LambdaRuntimePlatform().run(runtime);
                } catch (Exception | Error ended) {
                  // The fake was closed; the loop's end is checked by close().
                }
              },
              "fn4j-raw-lambda-runtime-api");
      lambdaLoop.setDaemon(true);
      lambdaLoop.start();
    }
    LambdaInvocation invocation =
        lambdaFake.invoke(LambdaEvent.of(RawEnvelopes.apiGatewayV2(request)).withTraceId(null));
    LambdaInvocationResult result;
    try {
      result = lambdaFake.await(invocation, LoopbackHttp.TIMEOUT);
    } catch (AssertionError noAnswer) {
      return RawAnswer.failed("no answer from the Runtime API loop: " + noAnswer.getMessage());
    }
    if (result.isError()) {
      return RawAnswer.failed(
          "function error " + result.error().map(Object::toString).orElse(result.text()));
    }
    return RawEnvelopes.responseDocument(result.bytes(), null);
  }

  private RawAnswer gcf(RawRequest request) {
    if (gcfFunction == null) {
      gcfFunction = new GcfHttpFunction();
    }
    GcfResponse response = new GcfResponse();
    try {
      gcfFunction.service(
          new GcfRequest(
              request.method(),
              request.target(),
              request.headers(),
              request.body(),
              request.chunked()),
          response);
    } catch (IOException | RuntimeException e) {
      return RawAnswer.failed("the function threw to the invoker: " + e);
    }
    Outcome outcome = response.outcome();
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    response
        .getHeaders()
        .forEach((name, values) -> values.forEach(value -> headers.add(Map.entry(name, value))));
    return RawAnswer.of(outcome.status(), headers, outcome.body(), null);
  }

  private RawAnswer fcBuiltin(RawRequest request) {
    if (fcHandler == null) {
      fcHandler = new FcHandler();
    }
    String requestId = FcHttpTriggerEvent.nextRequestId();
    ByteArrayOutputStream response = new ByteArrayOutputStream();
    try {
      fcHandler.handleRequest(
          new ByteArrayInputStream(RawEnvelopes.fcHttpTrigger(request, requestId)),
          response,
          new FcContext(requestId));
    } catch (IOException | RuntimeException e) {
      return RawAnswer.failed("failed invocation " + e);
    }
    return RawEnvelopes.responseDocument(response.toByteArray(), 200);
  }

  @Override
  public synchronized void close() {
    servers.values().forEach(EmbeddedHttpServer::close);
    servers.clear();
    if (lambdaFake != null) {
      lambdaFake.close();
      try {
        lambdaLoop.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      lambdaFake = null;
    }
  }
}
