package dev.fn4j.knative;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.Composition;
import dev.fn4j.core.dispatch.FunctionException;
import dev.fn4j.core.dispatch.FunctionResult;
import dev.fn4j.core.dispatch.RequestIds;
import dev.fn4j.core.dispatch.RoutingSettings;
import dev.fn4j.core.http.FunctionHttpHandler;
import dev.fn4j.core.http.HttpExchanges;
import dev.fn4j.core.http.Problem;
import dev.fn4j.function.Headers;
import dev.fn4j.knative.event.Attributes;
import dev.fn4j.knative.event.BinaryEventReader;
import dev.fn4j.knative.event.CloudEvent;
import dev.fn4j.knative.event.EventMode;
import dev.fn4j.knative.event.EventWriter;
import dev.fn4j.knative.event.EventWriter.OutgoingEvent;
import dev.fn4j.knative.event.InvalidEventException;
import dev.fn4j.knative.event.StructuredEventReader;
import java.io.IOException;
import java.util.Optional;

/**
 * Serves CloudEvents over HTTP (binary, structured and batch mode) and, for requests that are not
 * CloudEvents, plain HTTP as the local runner does. Answers follow Knative's delivery rules: a
 * reply event with 200, 202 when the function returns nothing, 400 for an invalid event or
 * undecodable data (not retried), 404 when no function is routed, 5xx when the function fails
 * (retried).
 */
final class KnativeHttpHandler implements HttpHandler {

  /** Readiness: 200 while serving, 503 once draining; no function name can start with "_". */
  static final String READY_PATH = "/_fn4j/ready";

  /** Liveness: 200 while the server answers at all. */
  static final String LIVE_PATH = "/_fn4j/live";

  private static final System.Logger LOG = dev.fn4j.core.logging.LazyLogger.of("dev.fn4j.knative");

  private final FunctionRuntime runtime;
  private final int maxBodyBytes;
  private final ReplyAttributes replies;
  private final EventRoutes routes;
  private final EventRequests requests;
  private final BatchEvents batches;
  private final FunctionHttpHandler plainHttp;

  KnativeHttpHandler(FunctionRuntime runtime, KnativeSettings settings) {
    this.runtime = runtime;
    this.maxBodyBytes = settings.http().maxBodyBytes();
    this.replies = new ReplyAttributes(settings);
    this.routes =
        new EventRoutes(
            runtime.router(), RoutingSettings.from(runtime.environment()), this.replies);
    this.requests = new EventRequests(settings.serviceAttributes());
    this.batches = new BatchEvents(runtime.dispatcher(), routes, requests, replies);
    this.plainHttp =
        new FunctionHttpHandler(
            runtime, maxBodyBytes, KnativePlatform.ID, settings.serviceAttributes());
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (path.equals(READY_PATH) || path.equals(LIVE_PATH)) {
      HttpExchanges.sendJson(exchange, "{\"status\":\"UP\"}");
      return;
    }
    String requestId = RequestIds.next();
    String function = null;
    try {
      Headers headers = HttpExchanges.requestHeaders(exchange);
      Optional<EventMode> mode = EventMode.detect(headers);
      if (mode.isEmpty()) {
        plainHttp.handle(exchange);
        return;
      }
      if (!exchange.getRequestMethod().equals("POST")) {
        refuseMethod(exchange, requestId);
        return;
      }
      byte[] body = HttpExchanges.readBody(exchange, maxBodyBytes, "");
      if (mode.get() == EventMode.BATCH) {
        batches.serve(exchange, headers, StructuredEventReader.readBatch(body), requestId);
        return;
      }
      CloudEvent event =
          mode.get() == EventMode.BINARY
              ? BinaryEventReader.read(headers, body)
              : StructuredEventReader.readEvent(body);
      Composition target = routes.route(event, path, headers);
      function = target.name();
      FunctionResult result =
          runtime
              .dispatcher()
              .call(target, requests.of(exchange, headers, event, mode.get(), requestId));
      reply(exchange, target, event, mode.get(), result);
    } catch (InvalidEventException e) {
      logInvalid(exchange, requestId, e);
      HttpExchanges.sendProblem(
          exchange,
          new Problem(400, "Invalid CloudEvent", e.getMessage(), function, "DECODE", requestId));
    } catch (FunctionException e) {
      FunctionHttpHandler.logFailure(exchange.getRequestMethod(), path, requestId, e);
      HttpExchanges.sendProblem(exchange, KnativeStatus.problem(e, requestId));
    } catch (EventWriter.NotJsonException e) {
      FunctionException failure =
          FunctionException.outputNotEncodable(
              function == null ? "" : function,
              "the reply's content type is JSON but " + e.getMessage());
      FunctionHttpHandler.logFailure(exchange.getRequestMethod(), path, requestId, failure);
      HttpExchanges.sendProblem(exchange, KnativeStatus.problem(failure, requestId));
    }
  }

  private static void refuseMethod(HttpExchange exchange, String requestId) throws IOException {
    exchange.getResponseHeaders().set("Allow", "POST");
    HttpExchanges.sendProblem(
        exchange,
        new Problem(
            405,
            FunctionException.Kind.METHOD_NOT_ALLOWED.title(),
            "CloudEvents are delivered with POST, not "
                + Attributes.printable(exchange.getRequestMethod()),
            null,
            "ROUTE",
            requestId));
  }

  private void reply(
      HttpExchange exchange,
      Composition function,
      CloudEvent event,
      EventMode mode,
      FunctionResult result)
      throws IOException {
    int chosen = result.status();
    com.sun.net.httpserver.Headers out = exchange.getResponseHeaders();
    copyTrace(exchange, out);
    if (chosen != 0 && (chosen < 200 || chosen > 299)) {
      HttpExchanges.sendResult(exchange, result);
      return;
    }
    HttpExchanges.addReplyHeaders(
        out,
        result.headers(),
        name -> ReplyAttributes.isAttributeHeader(name) || name.equalsIgnoreCase("Content-Type"));
    if (!ReplyAttributes.hasValue(result)) {
      HttpExchanges.send(exchange, chosen == 0 ? 202 : chosen, new byte[0]);
      return;
    }
    OutgoingEvent reply = replies.replyTo(function.name(), event, result);
    int status = chosen == 0 ? 200 : chosen;
    if (mode == EventMode.STRUCTURED) {
      byte[] body = EventWriter.structured(reply);
      out.set("Content-Type", EventMode.STRUCTURED_JSON);
      HttpExchanges.send(exchange, status, body);
    } else {
      EventWriter.binaryHeaders(reply, out::set);
      HttpExchanges.send(exchange, status, reply.data());
    }
  }

  private static void copyTrace(HttpExchange exchange, com.sun.net.httpserver.Headers out) {
    com.sun.net.httpserver.Headers in = exchange.getRequestHeaders();
    for (String name : new String[] {"traceparent", "tracestate"}) {
      String value = in.getFirst(name);
      if (value != null && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
        out.set(name, value);
      }
    }
  }

  private static void logInvalid(HttpExchange exchange, String requestId, InvalidEventException e) {
    if (LOG.isLoggable(System.Logger.Level.INFO)) {
      LOG.log(
          System.Logger.Level.INFO,
          "["
              + requestId
              + "] "
              + exchange.getRequestMethod()
              + " "
              + Attributes.printable(exchange.getRequestURI().getPath())
              + " -> 400: invalid CloudEvent: "
              + e.getMessage());
    }
  }
}
