package dev.fn4j.core.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.Composition;
import dev.fn4j.core.catalog.FunctionKind;
import dev.fn4j.core.convert.Payload;
import dev.fn4j.core.dispatch.FunctionException;
import dev.fn4j.core.dispatch.FunctionRequest;
import dev.fn4j.core.dispatch.FunctionResult;
import dev.fn4j.core.dispatch.RequestIds;
import dev.fn4j.core.http.HttpExchanges;
import dev.fn4j.core.http.Problem;
import dev.fn4j.function.Headers;
import dev.fn4j.function.InvocationContext;
import dev.fn4j.function.TraceContext;
import java.io.IOException;
import java.lang.System.Logger.Level;

/**
 * Serves the catalog over HTTP: {@code POST /{name}} calls a function or consumer, {@code GET
 * /{name}} a supplier, {@code /{a}|{b}} or {@code /{a},{b}} a composition, and {@code GET /} lists
 * the functions. Failures answer with the status of DESIGN.md §6 and a problem body.
 */
final class LocalHttpHandler implements HttpHandler {

  static final String PLATFORM = "local";
  private static final System.Logger LOG = dev.fn4j.core.logging.LazyLogger.of("dev.fn4j.local");

  private final FunctionRuntime runtime;
  private final int maxBodyBytes;

  LocalHttpHandler(FunctionRuntime runtime, int maxBodyBytes) {
    this.runtime = runtime;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    String requestId = RequestIds.next();
    try {
      if (path.equals("/") && (method.equals("GET") || method.equals("HEAD"))) {
        HttpExchanges.sendJson(
            exchange,
            FunctionListing.toJson(
                runtime.catalog(),
                runtime.router().selected().map(Composition::name).orElse(null)));
        return;
      }
      Composition function = runtime.router().byPath(path);
      checkMethod(function, method, exchange);
      byte[] body = HttpExchanges.readBody(exchange, maxBodyBytes, function.name());
      Headers headers = HttpExchanges.requestHeaders(exchange);
      FunctionRequest request =
          new FunctionRequest(
              Payload.ofBytes(body), headers, context(exchange, headers, requestId));
      FunctionResult result = runtime.dispatcher().call(function, request);
      HttpExchanges.sendResult(exchange, result);
    } catch (FunctionException e) {
      log(method, path, requestId, e);
      HttpExchanges.sendProblem(exchange, Problem.of(e, requestId));
    }
  }

  private static void checkMethod(Composition function, String method, HttpExchange exchange) {
    String allowed = function.kind() == FunctionKind.SUPPLIER ? "GET" : "POST";
    if (!allowed.equals(method)) {
      exchange.getResponseHeaders().set("Allow", allowed);
      throw FunctionException.methodNotAllowed(
          function.name(),
          "a " + function.kind().label() + " is invoked with " + allowed + ", not " + method);
    }
  }

  private static InvocationContext context(
      HttpExchange exchange, Headers headers, String requestId) {
    String query = exchange.getRequestURI().getRawQuery();
    InvocationContext.Builder context =
        InvocationContext.builder()
            .requestId(requestId)
            .platform(PLATFORM)
            .trace(
                TraceContext.of(
                    headers.first("traceparent").orElse(null),
                    headers.first("tracestate").orElse(null),
                    null))
            .attribute("http.method", exchange.getRequestMethod())
            .attribute("http.path", exchange.getRequestURI().getPath())
            .raw(exchange);
    if (query != null) {
      context.attribute("http.query", query);
    }
    return context.build();
  }

  private static void log(String method, String path, String requestId, FunctionException e) {
    Level level = e.httpStatus() >= 500 ? Level.WARNING : Level.INFO;
    if (LOG.isLoggable(level)) {
      LOG.log(
          level,
          "["
              + requestId
              + "] "
              + method
              + " "
              + path.replaceAll("[^\\x20-\\x7e]", "?")
              + " -> "
              + e.httpStatus()
              + ": "
              + e.toLogLine());
    }
  }
}
