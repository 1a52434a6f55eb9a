package dev.fn4j.knative;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.Composition;
import dev.fn4j.core.dispatch.BatchMode;
import dev.fn4j.core.dispatch.BatchOutcome;
import dev.fn4j.core.dispatch.FunctionException;
import dev.fn4j.core.dispatch.FunctionRequest;
import dev.fn4j.core.dispatch.FunctionResult;
import dev.fn4j.core.dispatch.RequestIds;
import dev.fn4j.core.dispatch.RoutingSettings;
import dev.fn4j.core.http.FunctionHttpHandler;
import dev.fn4j.core.http.HttpExchanges;
import dev.fn4j.core.http.Problem;
import dev.fn4j.function.Headers;
import dev.fn4j.function.InvocationContext;
import dev.fn4j.function.TraceContext;
import dev.fn4j.knative.event.Attributes;
import dev.fn4j.knative.event.BinaryEventReader;
import dev.fn4j.knative.event.CloudEvent;
import dev.fn4j.knative.event.EventMode;
import dev.fn4j.knative.event.EventWriter;
import dev.fn4j.knative.event.EventWriter.OutgoingEvent;
import dev.fn4j.knative.event.InvalidEventException;
import dev.fn4j.knative.event.StructuredEventReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
  private final KnativeSettings settings;
  private final ReplyAttributes replies;
  private final EventRoutes routes;
  private final FunctionHttpHandler plainHttp;

  KnativeHttpHandler(FunctionRuntime runtime, KnativeSettings settings) {
    this.runtime = runtime;
    this.settings = settings;
    this.replies = new ReplyAttributes(settings);
    this.routes =
        new EventRoutes(
            runtime.router(), RoutingSettings.from(runtime.environment()), this.replies);
    this.plainHttp =
        new FunctionHttpHandler(
            runtime,
            settings.http().maxBodyBytes(),
            KnativePlatform.ID,
            settings.serviceAttributes());
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
        return;
      }
      byte[] body =
          HttpExchanges.readBody(exchange, settings.http().maxBodyBytes(), "the CloudEvent");
      if (mode.get() == EventMode.BATCH) {
        serveBatch(exchange, headers, StructuredEventReader.readBatch(body), requestId);
        return;
      }
      CloudEvent event =
          mode.get() == EventMode.BINARY
              ? BinaryEventReader.read(headers, body)
              : StructuredEventReader.readEvent(body);
      Composition target = routes.route(event, path, headers);
      function = target.name();
      FunctionResult result =
          runtime.dispatcher().call(target, request(exchange, headers, event, requestId));
      reply(exchange, target, event, mode.get(), result);
    } catch (InvalidEventException e) {
      logInvalid(exchange, requestId, e);
      HttpExchanges.sendProblem(
          exchange,
          new Problem(400, "Invalid CloudEvent", e.getMessage(), function, "DECODE", requestId));
    } catch (FunctionException e) {
      FunctionHttpHandler.logFailure(exchange.getRequestMethod(), path, requestId, e);
      HttpExchanges.sendProblem(exchange, problem(e, requestId));
    } catch (EventWriter.NotJsonException e) {
      FunctionException failure =
          FunctionException.outputNotEncodable(
              function == null ? "" : function,
              "the reply's content type is JSON but " + e.getMessage());
      FunctionHttpHandler.logFailure(exchange.getRequestMethod(), path, requestId, failure);
      HttpExchanges.sendProblem(exchange, problem(failure, requestId));
    }
  }

  /** Knative does not retry 4xx: a content type the function cannot read is a 400 here. */
  static int status(FunctionException failure) {
    return failure.kind() == FunctionException.Kind.UNSUPPORTED_MEDIA_TYPE
        ? 400
        : failure.httpStatus();
  }

  private static Problem problem(FunctionException failure, String requestId) {
    Problem problem = Problem.of(failure, requestId);
    return new Problem(
        status(failure),
        problem.title(),
        problem.detail(),
        problem.function(),
        problem.phase(),
        problem.requestId());
  }

  private FunctionRequest request(
      HttpExchange exchange, Headers httpHeaders, CloudEvent event, String requestId) {
    Headers.Builder headers = Headers.builder();
    for (Map.Entry<String, List<String>> header : httpHeaders.asMap().entrySet()) {
      String name = header.getKey();
      if (ReplyAttributes.isAttributeHeader(name)
          || name.equalsIgnoreCase("Content-Type")
          || name.equalsIgnoreCase("Content-Length")) {
        continue;
      }
      header.getValue().forEach(value -> headers.add(name, value));
    }
    InvocationContext.Builder context =
        InvocationContext.builder()
            .requestId(requestId)
            .platform(KnativePlatform.ID)
            .attribute("http.method", exchange.getRequestMethod())
            .attribute("http.path", exchange.getRequestURI().getPath())
            .raw(event)
            .raw(exchange);
    settings.serviceAttributes().forEach(context::attribute);
    event
        .attributes()
        .forEach(
            (name, value) -> {
              headers.add("ce-" + name, value);
              context.attribute("ce." + name, value);
            });
    contentTypeOf(event).ifPresent(type -> headers.add("Content-Type", type));
    context.trace(
        TraceContext.of(
            httpHeaders.first("traceparent").or(() -> event.attribute("traceparent")).orElse(null),
            httpHeaders.first("tracestate").or(() -> event.attribute("tracestate")).orElse(null),
            null));
    return new FunctionRequest(event.data(), headers.build(), context.build());
  }

  /** A structured event without a content type carries JSON data (JSON format, 3.1). */
  private static Optional<String> contentTypeOf(CloudEvent event) {
    return event.dataContentType();
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
    if (!hasValue(result)) {
      HttpExchanges.send(exchange, chosen == 0 ? 202 : chosen, new byte[0]);
      return;
    }
    OutgoingEvent reply = replyEvent(function, event, result);
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

  private OutgoingEvent replyEvent(Composition function, CloudEvent event, FunctionResult result) {
    return new OutgoingEvent(
        replies.build(function.name(), event, result.headers()),
        result.bytes(),
        result.effectiveContentType());
  }

  private static boolean hasValue(FunctionResult result) {
    return !(result.payload().isEmpty() && result.contentType() == null)
        || result.headers().contains("Content-Type");
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

  /**
   * A batch is all or nothing for its sender, which can only redeliver it whole: when every event
   * succeeds the reply events come back as a batch (202 when there are none); when any fails, the
   * answer is the failure status most likely to get the batch redelivered, naming each failed
   * event.
   */
  private void serveBatch(
      HttpExchange exchange, Headers headers, List<CloudEvent> events, String requestId)
      throws IOException {
    String path = exchange.getRequestURI().getPath();
    List<Composition> targets = new ArrayList<>(events.size());
    List<FunctionRequest> requests = new ArrayList<>(events.size());
    FunctionException[] routeFailures = new FunctionException[events.size()];
    for (int i = 0; i < events.size(); i++) {
      CloudEvent event = events.get(i);
      try {
        targets.add(routes.route(event, path, headers));
      } catch (FunctionException e) {
        targets.add(null);
        routeFailures[i] = e;
      }
      requests.add(request(exchange, headers, event, requestId + "-" + i));
    }
    List<BatchOutcome.Item> outcomes = outcomes(targets, requests);
    List<OutgoingEvent> replyEvents = new ArrayList<>();
    Map<FunctionResult, Boolean> seen = new IdentityHashMap<>();
    StringBuilder failed = new StringBuilder();
    int status = 0;
    for (int i = 0; i < events.size(); i++) {
      BatchOutcome.Item item = outcomes.get(i);
      FunctionException failure = routeFailures[i];
      if (failure == null && item instanceof BatchOutcome.Failed failedItem) {
        failure = failedItem.failure();
      }
      if (failure != null) {
        status = worse(status, status(failure));
        failed
            .append(failed.length() == 0 ? "" : "; ")
            .append("event ")
            .append(i)
            .append(" (id '")
            .append(Attributes.printable(events.get(i).id()))
            .append("'): ")
            .append(failure.getMessage());
        FunctionHttpHandler.logFailure("POST", path, requestId + "-" + i, failure);
      } else if (item instanceof BatchOutcome.Succeeded succeeded
          && seen.put(succeeded.result(), Boolean.TRUE) == null
          && hasValue(succeeded.result())) {
        replyEvents.add(replyEvent(targets.get(i), events.get(i), succeeded.result()));
      }
    }
    if (status != 0) {
      HttpExchanges.sendProblem(
          exchange,
          new Problem(
              status,
              "Batch failed",
              "the batch is to be redelivered: " + failed,
              null,
              null,
              requestId));
      return;
    }
    if (replyEvents.isEmpty()) {
      HttpExchanges.send(exchange, 202, new byte[0]);
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", EventMode.BATCH_JSON);
    HttpExchanges.send(exchange, 200, EventWriter.batch(replyEvents));
  }

  /** Calls each event's function; a run of events for one whole-batch function is one call. */
  private List<BatchOutcome.Item> outcomes(
      List<Composition> targets, List<FunctionRequest> requests) {
    List<BatchOutcome.Item> outcomes = new ArrayList<>(requests.size());
    Composition first = targets.isEmpty() ? null : targets.get(0);
    boolean oneFunction = first != null && targets.stream().allMatch(t -> t == first);
    if (oneFunction) {
      return runtime.dispatcher().callBatch(first, requests, BatchMode.INDEPENDENT).items();
    }
    for (int i = 0; i < requests.size(); i++) {
      Composition target = targets.get(i);
      if (target == null) {
        outcomes.add(new BatchOutcome.NotProcessed());
        continue;
      }
      outcomes.addAll(
          runtime
              .dispatcher()
              .callBatch(target, List.of(requests.get(i)), BatchMode.INDEPENDENT)
              .items());
    }
    return outcomes;
  }

  /** 5xx before the statuses Knative retries (404, 409, 429...) before the others. */
  private static int worse(int current, int candidate) {
    return rank(candidate) > rank(current) ? candidate : current;
  }

  private static int rank(int status) {
    if (status == 0) {
      return 0;
    }
    if (status >= 500) {
      return 3;
    }
    if (status == 404 || status == 408 || status == 409 || status == 429) {
      return 2;
    }
    return 1;
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
