package dev.fn4j.core.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.Composition;
import dev.fn4j.core.http.FunctionHttpHandler;
import dev.fn4j.core.http.HttpExchanges;
import java.io.IOException;
import java.util.Map;

/**
 * The local runner's handler: {@code GET /} lists the functions; every other request is served by
 * {@link FunctionHttpHandler}.
 */
final class LocalHttpHandler implements HttpHandler {

  static final String PLATFORM = "local";

  private final FunctionRuntime runtime;
  private final FunctionHttpHandler functions;

  LocalHttpHandler(FunctionRuntime runtime, int maxBodyBytes) {
    this.runtime = runtime;
    this.functions = new FunctionHttpHandler(runtime, maxBodyBytes, PLATFORM, Map.of());
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    if (exchange.getRequestURI().getPath().equals("/")
        && (method.equals("GET") || method.equals("HEAD"))) {
      HttpExchanges.sendJson(
          exchange,
          FunctionListing.toJson(
              runtime.catalog(), runtime.router().selected().map(Composition::name).orElse(null)));
      return;
    }
    functions.handle(exchange);
  }
}
