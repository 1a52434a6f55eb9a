package dev.fn4j.knative;

import com.sun.net.httpserver.HttpExchange;
import dev.fn4j.core.catalog.Composition;
import dev.fn4j.core.dispatch.BatchMode;
import dev.fn4j.core.dispatch.BatchOutcome;
import dev.fn4j.core.dispatch.Dispatcher;
import dev.fn4j.core.dispatch.FunctionException;
import dev.fn4j.core.dispatch.FunctionRequest;
import dev.fn4j.core.dispatch.FunctionResult;
import dev.fn4j.core.http.FunctionHttpHandler;
import dev.fn4j.core.http.HttpExchanges;
import dev.fn4j.core.http.Problem;
import dev.fn4j.function.Headers;
import dev.fn4j.knative.event.Attributes;
import dev.fn4j.knative.event.CloudEvent;
import dev.fn4j.knative.event.EventMode;
import dev.fn4j.knative.event.EventWriter;
import dev.fn4j.knative.event.EventWriter.OutgoingEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves a batch-mode request. A batch is all or nothing for its sender, which can only redeliver
 * it whole: when every event succeeds the reply events come back as a batch (202 when there are
 * none); when any fails, the answer is the failure status most likely to get the batch redelivered,
 * naming each failed event by position and id. Events for one whole-batch function ({@code
 * List<T>}, {@code Flux<T>}) are one call.
 */
final class BatchEvents {

  private final Dispatcher dispatcher;
  private final EventRoutes routes;
  private final EventRequests requests;
  private final ReplyAttributes replies;

  BatchEvents(
      Dispatcher dispatcher, EventRoutes routes, EventRequests requests, ReplyAttributes replies) {
    this.dispatcher = dispatcher;
    this.routes = routes;
    this.requests = requests;
    this.replies = replies;
  }

  void serve(HttpExchange exchange, Headers headers, List<CloudEvent> events, String requestId)
      throws IOException {
    String path = exchange.getRequestURI().getPath();
    List<Composition> targets = new ArrayList<>(events.size());
    List<FunctionRequest> items = new ArrayList<>(events.size());
    FunctionException[] routeFailures = new FunctionException[events.size()];
    for (int i = 0; i < events.size(); i++) {
      CloudEvent event = events.get(i);
      try {
        targets.add(routes.route(event, path, headers));
      } catch (FunctionException e) {
        targets.add(null);
        routeFailures[i] = e;
      }
      items.add(requests.of(exchange, headers, event, EventMode.BATCH, requestId + "-" + i));
    }
    List<BatchOutcome.Item> outcomes = outcomes(targets, items);
    List<OutgoingEvent> replyEvents = new ArrayList<>();
    Map<FunctionResult, Boolean> replied = new IdentityHashMap<>();
    StringBuilder failed = new StringBuilder();
    int status = 0;
    for (int i = 0; i < events.size(); i++) {
      BatchOutcome.Item item = outcomes.get(i);
      FunctionException failure = routeFailures[i];
      if (failure == null && item instanceof BatchOutcome.Failed failedItem) {
        failure = failedItem.failure();
      }
      if (failure != null) {
        status = KnativeStatus.worse(status, KnativeStatus.of(failure));
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
          && replied.put(succeeded.result(), Boolean.TRUE) == null
          && ReplyAttributes.hasValue(succeeded.result())) {
        replyEvents.add(replies.replyTo(targets.get(i).name(), events.get(i), succeeded.result()));
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
    } else if (replyEvents.isEmpty()) {
      HttpExchanges.send(exchange, 202, new byte[0]);
    } else {
      exchange.getResponseHeaders().set("Content-Type", EventMode.BATCH_JSON);
      HttpExchanges.send(exchange, 200, EventWriter.batch(replyEvents));
    }
  }

  /** Calls each event's function; when one function takes every event, one batch call. */
  private List<BatchOutcome.Item> outcomes(List<Composition> targets, List<FunctionRequest> items) {
    Composition first = targets.isEmpty() ? null : targets.get(0);
    if (first != null && targets.stream().allMatch(target -> target == first)) {
      return dispatcher.callBatch(first, items, BatchMode.INDEPENDENT).items();
    }
    List<BatchOutcome.Item> outcomes = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Composition target = targets.get(i);
      if (target == null) {
        outcomes.add(new BatchOutcome.NotProcessed());
      } else {
        outcomes.addAll(
            dispatcher.callBatch(target, List.of(items.get(i)), BatchMode.INDEPENDENT).items());
      }
    }
    return outcomes;
  }
}
