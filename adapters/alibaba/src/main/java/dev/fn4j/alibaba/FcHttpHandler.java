package dev.fn4j.alibaba;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.dispatch.FunctionException;
import dev.fn4j.core.http.FunctionHttpHandler;
import dev.fn4j.core.http.HttpExchanges;
import dev.fn4j.core.http.Problem;
import dev.fn4j.function.Headers;
import dev.fn4j.function.InvocationContext;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.util.Map;

/**
 * FC's custom runtime protocol (FC 3.0 and 2.0, custom runtime and custom container): {@code POST
 * /invoke} runs an event function on the raw body, {@code POST /initialize}, {@code GET
 * /pre-freeze} and {@code GET /pre-stop} are the instance's lifecycle, and a request marked {@code
 * x-fc-control-path: /http-invoke} is an HTTP function's original request, served by path as the
 * local runner does. Every answer carries {@code x-fc-status}: 200 when the invocation succeeded,
 * 404 when it failed (an HTTP function that answered 5xx failed; a 4xx is a handled answer). Around
 * each invocation FC's own log lines go to standard output: {@code FC Invoke Start RequestId: <id>}
 * and {@code FC Invoke End RequestId: <id>} (and {@code FC Initialize}, {@code FC PreFreeze},
 * {@code FC PreStop}).
 */
final class FcHttpHandler implements HttpHandler {

  static final String STATUS_HEADER = "x-fc-status";
  static final String CONTROL_PATH_HEADER = "x-fc-control-path";

  private static final System.Logger LOG = dev.fn4j.core.logging.LazyLogger.of("dev.fn4j.alibaba");

  private final FunctionRuntime runtime;
  private final int maxBodyBytes;
  private final FcEventInvoker events;
  private final FunctionHttpHandler httpFunctions;
  private final PrintStream out;

  FcHttpHandler(FunctionRuntime runtime, int maxBodyBytes, PrintStream out) {
    this.runtime = runtime;
    this.maxBodyBytes = maxBodyBytes;
    this.events = new FcEventInvoker(runtime);
    this.out = out;
    this.httpFunctions =
        new FunctionHttpHandler(runtime, maxBodyBytes, FcPlatform.ID, Map.of(), new FcHttp());
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String controlPath = exchange.getRequestHeaders().getFirst(CONTROL_PATH_HEADER);
    String path = exchange.getRequestURI().getPath();
    if ("/http-invoke".equals(controlPath)) {
      httpFunction(exchange);
      return;
    }
    switch (path) {
      case "/invoke" -> event(exchange);
      case "/initialize" -> lifecycle(exchange, "Initialize", () -> 0);
      case "/pre-freeze" -> lifecycle(exchange, "PreFreeze", runtime.lifecycle()::preFreeze);
      case "/pre-stop" -> lifecycle(exchange, "PreStop", runtime.lifecycle()::preStop);
      default -> httpFunction(exchange);
    }
  }

  private void httpFunction(HttpExchange exchange) throws IOException {
    String requestId = FcRequest.of(HttpExchanges.requestHeaders(exchange)).requestId();
    out.println("FC Invoke Start RequestId: " + requestId);
    try {
      httpFunctions.handle(exchange);
    } finally {
      out.println("FC Invoke End RequestId: " + requestId);
    }
  }

  private void event(HttpExchange exchange) throws IOException {
    Headers headers = HttpExchanges.requestHeaders(exchange);
    FcRequest fc = FcRequest.of(headers);
    out.println("FC Invoke Start RequestId: " + fc.requestId());
    try {
      FcOutcome outcome;
      try {
        byte[] body = HttpExchanges.readBody(exchange, maxBodyBytes, "");
        outcome =
            events.invoke(
                body,
                FcRequest.functionHeaders(headers),
                () -> fc.describe(InvocationContext.builder()).raw(exchange));
      } catch (FunctionException e) {
        outcome = FcOutcome.failed(e);
      }
      exchange.getResponseHeaders().set(STATUS_HEADER, outcome.succeeded() ? "200" : "404");
      if (outcome.succeeded()) {
        if (outcome.contentType() != null) {
          exchange.getResponseHeaders().set("Content-Type", outcome.contentType());
        }
        sendAll(exchange, 200, outcome.body());
      } else {
        FunctionException failure = outcome.failure();
        LOG.log(
            failure.httpStatus() >= 500 ? Level.WARNING : Level.INFO,
            "[" + fc.requestId() + "] event -> 404 (x-fc-status 404): " + failure.toLogLine());
        HttpExchanges.sendProblem(exchange, Problem.of(failure, fc.requestId()).withStatus(404));
      }
    } finally {
      out.println("FC Invoke End RequestId: " + fc.requestId());
    }
  }

  /** An event function's answer is its output as is: even empty, with status 200. */
  private static void sendAll(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (var stream = exchange.getResponseBody()) {
        stream.write(body);
      }
    }
  }

  /** A lifecycle request: the hooks' failures make it fail (404), so FC reports them. */
  private void lifecycle(HttpExchange exchange, String name, Hooks hooks) throws IOException {
    String requestId = FcRequest.of(HttpExchanges.requestHeaders(exchange)).requestId();
    out.println("FC " + name + " Start RequestId: " + requestId);
    try {
      int failures = hooks.run();
      if (failures > 0) {
        LOG.log(Level.WARNING, "[" + requestId + "] " + failures + " " + name + " hook(s) failed");
      }
      exchange.getResponseHeaders().set(STATUS_HEADER, failures == 0 ? "200" : "404");
      if (failures == 0) {
        HttpExchanges.send(exchange, 200, new byte[0]);
      } else {
        HttpExchanges.sendProblem(
            exchange,
            new Problem(
                404,
                "Lifecycle hook failed",
                failures + " " + name + " hook(s) failed; the log names them",
                null,
                name,
                requestId));
      }
    } finally {
      out.println("FC " + name + " End RequestId: " + requestId);
    }
  }

  @FunctionalInterface
  private interface Hooks {
    int run();
  }

  /** FC's request id, context values and header filter for HTTP functions, and x-fc-status. */
  private static final class FcHttp implements FunctionHttpHandler.Customizer {

    @Override
    public String requestId(HttpExchange exchange) {
      return FcRequest.of(HttpExchanges.requestHeaders(exchange)).requestId();
    }

    @Override
    public Headers headers(HttpExchange exchange) {
      return FcRequest.functionHeaders(HttpExchanges.requestHeaders(exchange));
    }

    @Override
    public void context(HttpExchange exchange, InvocationContext.Builder context) {
      FcRequest.of(HttpExchanges.requestHeaders(exchange)).describe(context);
    }

    @Override
    public boolean dropsReplyHeader(String name) {
      return FcRequest.isFcHeader(name);
    }

    @Override
    public void beforeResponse(HttpExchange exchange, int status) {
      exchange.getResponseHeaders().set(STATUS_HEADER, status >= 500 ? "404" : "200");
    }
  }
}
