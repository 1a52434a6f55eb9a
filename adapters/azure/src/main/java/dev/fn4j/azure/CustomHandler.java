package dev.fn4j.azure;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.convert.MediaTypes;
import dev.fn4j.core.dispatch.FunctionException;
import dev.fn4j.core.dispatch.RequestIds;
import dev.fn4j.core.http.FunctionHttpHandler;
import dev.fn4j.core.http.HttpExchanges;
import dev.fn4j.core.http.Problem;
import dev.fn4j.function.Headers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The Azure Functions custom handler protocol: {@code GET /} answers readiness; {@code POST
 * /{FunctionName}} with the host's {@code Data}/{@code Metadata} runs the function ({@link
 * HostInvocations}) and answers {@code Outputs}, {@code Logs} (what was logged on the invocation's
 * thread) and {@code ReturnValue}, with 200, or 500 when a non-HTTP invocation failed so that the
 * host retries it; a request under the route prefix ({@code /api/...}) is an HTTP request the host
 * forwarded as is ({@code enableProxyingHttpRequest}), served by path as the local runner does.
 */
final class CustomHandler implements HttpHandler {

  private final CustomHandlerSettings settings;
  private final HostInvocations invocations;
  private final FunctionHttpHandler forwarded;

  CustomHandler(FunctionRuntime runtime, CustomHandlerSettings settings) {
    this.settings = settings;
    this.invocations = new HostInvocations(runtime, settings);
    this.forwarded =
        new FunctionHttpHandler(
            runtime,
            settings.http().maxBodyBytes(),
            CustomHandlerPlatform.ID,
            Map.of(),
            new Forwarded(settings.routePrefix()));
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if (path.equals("/") && (method.equals("GET") || method.equals("HEAD"))) {
      HttpExchanges.sendJson(exchange, "{\"status\":\"UP\"}");
      return;
    }
    String prefix = "/" + settings.routePrefix();
    if (!settings.routePrefix().isEmpty()
        && (path.equals(prefix) || path.startsWith(prefix + "/"))) {
      forward(exchange);
      return;
    }
    invoke(exchange, path.substring(1));
  }

  private void forward(HttpExchange exchange) throws IOException {
    Headers headers = HttpExchanges.requestHeaders(exchange);
    boolean validation =
        headers
            .first("aeg-event-type")
            .map("SubscriptionValidation"::equalsIgnoreCase)
            .orElse(false);
    if (!validation) {
      if (exchange.getRequestMethod().equals("OPTIONS")
          && headers.contains("WebHook-Request-Origin")) {
        // CloudEvents' abuse protection (Event Grid's CloudEvents schema): allow the origin.
        exchange
            .getResponseHeaders()
            .set("WebHook-Allowed-Origin", headers.first("WebHook-Request-Origin").orElse("*"));
        exchange.getResponseHeaders().set("Allow", "POST");
        HttpExchanges.send(exchange, 200, new byte[0]);
        return;
      }
      forwarded.handle(exchange);
      return;
    }
    byte[] body = HttpExchanges.readBody(exchange, settings.http().maxBodyBytes(), "");
    String answer = EventGridValidation.answer(headers, body).orElse(null);
    if (answer != null) {
      HttpExchanges.sendJson(exchange, answer);
    } else {
      HttpExchanges.sendProblem(
          exchange,
          new Problem(
              400,
              "Bad input",
              "an Event Grid subscription validation without data.validationCode",
              null,
              "DECODE",
              null));
    }
  }

  private void invoke(HttpExchange exchange, String functionName) throws IOException {
    List<String> logs = InvocationLogs.start();
    String requestId = RequestIds.next();
    HostInvocations.Answer answer;
    try {
      byte[] body = HttpExchanges.readBody(exchange, settings.http().maxBodyBytes(), functionName);
      HostRequest request = HostRequest.parse(functionName, body);
      if (request.invocationId() != null) {
        requestId = request.invocationId();
      }
      answer = invocations.invoke(request, requestId);
    } catch (FunctionException e) {
      AzureLog.failure("invocation of " + functionName, requestId, e);
      answer = new HostInvocations.Answer(500, Map.of(), null);
    } finally {
      InvocationLogs.stop();
    }
    exchange.getResponseHeaders().set("Content-Type", MediaTypes.JSON);
    byte[] response = HostResponse.write(answer.outputs(), logs, answer.returnValue());
    HttpExchanges.send(exchange, answer.status(), response);
    assert response.length > 0 : new String(response, StandardCharsets.UTF_8);
  }

  /** Forwarded HTTP requests route by their path below the route prefix. */
  private static final class Forwarded implements FunctionHttpHandler.Customizer {

    private final String prefix;

    Forwarded(String routePrefix) {
      this.prefix = "/" + routePrefix;
    }

    @Override
    public String routingPath(HttpExchange exchange) {
      String path = exchange.getRequestURI().getPath();
      String rest = path.startsWith(prefix) ? path.substring(prefix.length()) : path;
      return rest.isEmpty() ? "/" : rest;
    }
  }
}
