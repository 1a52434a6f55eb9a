package dev.fn4j.alibaba;

import dev.fn4j.alibaba.event.EventBridgeCloudEvent;
import dev.fn4j.alibaba.event.HttpTriggerEvent;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.Composition;
import dev.fn4j.core.catalog.FunctionKind;
import dev.fn4j.core.convert.JsonTree;
import dev.fn4j.core.convert.MediaTypes;
import dev.fn4j.core.convert.Payload;
import dev.fn4j.core.dispatch.BatchMode;
import dev.fn4j.core.dispatch.BatchOutcome;
import dev.fn4j.core.dispatch.FunctionException;
import dev.fn4j.core.dispatch.FunctionRequest;
import dev.fn4j.core.dispatch.FunctionResult;
import dev.fn4j.core.dispatch.RoutingSettings;
import dev.fn4j.core.http.Problem;
import dev.fn4j.function.Headers;
import dev.fn4j.function.InvocationContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs one FC event invocation, the same for the custom runtime's {@code /invoke} and the built-in
 * runtime's handler: recognises the event ({@link FcEvent}), routes it, decodes it by the
 * function's declared type through the core, and returns the answer.
 *
 * <p>Routing: {@code FN4J_FUNCTION}; else the first of the event's routing keys that {@code
 * FN4J_ROUTING_TYPES} maps or a function is named after; else the only function. An HTTP trigger
 * event is routed by its {@code rawPath} like any HTTP request (falling back to the selected or
 * only function, since FC's own invocation URL names no fn4j function).
 *
 * <p>What the function receives: the whole event for trigger events (a record of the trigger's
 * shape, a {@code Map}, text or bytes); a CloudEvent's {@code data} (with its attributes as {@code
 * ce-*} headers and {@code ce.*} context attributes); for a CloudEvent batch, each event's data (or
 * the whole batch for a {@code List<T>}/{@code Flux<T>} function). A function that declares {@link
 * EventBridgeCloudEvent} or {@link HttpTriggerEvent} gets the whole event instead of fn4j's view of
 * it (DESIGN.md §5: the vendor event itself, when the user asks for it). A batch is all or nothing:
 * FC and EventBridge redeliver the whole invocation when any event failed, and the failure names
 * each failed event.
 */
final class FcEventInvoker {

  private final FunctionRuntime runtime;
  private final Map<String, String> typeMap;

  FcEventInvoker(FunctionRuntime runtime) {
    this.runtime = runtime;
    this.typeMap = RoutingSettings.from(runtime.environment()).eventTypes();
  }

  /**
   * Invokes the function an event is for.
   *
   * @param body the raw event
   * @param headers the request headers the function may see (no {@code x-fc-*})
   * @param context builds a fresh context with the invocation's FC values, once per call
   * @return the answer; a failure for a failed invocation
   */
  FcOutcome invoke(byte[] body, Headers headers, Supplier<InvocationContext.Builder> context) {
    FcEvent event = FcEvent.of(body);
    try {
      return switch (event.kind()) {
        case HTTP_TRIGGER -> httpTrigger(body, (Map<?, ?>) event.tree(), context);
        case CLOUD_EVENT -> singleCloudEvent(event, context);
        case CLOUD_EVENT_BATCH -> batch(event, context);
        default -> single(event, whole(body, headers, event, context.get()));
      };
    } catch (FunctionException e) {
      return FcOutcome.failed(e);
    }
  }

  private FcOutcome single(FcEvent event, FunctionRequest request) {
    return call(route(event.routingKeys()), request);
  }

  private FcOutcome singleCloudEvent(FcEvent event, Supplier<InvocationContext.Builder> context) {
    Composition function = route(event.routingKeys());
    Map<?, ?> cloudEvent = (Map<?, ?>) event.tree();
    return call(
        function,
        cloudEvent(cloudEvent, context.get(), declares(function, EventBridgeCloudEvent.class)));
  }

  private FcOutcome call(Composition function, FunctionRequest request) {
    FunctionResult result = runtime.dispatcher().call(function, request);
    return FcOutcome.success(result.bytes(), result.effectiveContentType());
  }

  /** Whether a function declares an event envelope type, so gets the whole event (DESIGN §5). */
  private static boolean declares(Composition function, Class<?> envelope) {
    return function.kind() != FunctionKind.SUPPLIER
        && function.first().signature().input().rawClass() == envelope;
  }

  private FcOutcome httpTrigger(
      byte[] body, Map<?, ?> event, Supplier<InvocationContext.Builder> context) {
    InvocationContext.Builder builder = context.get();
    String requestId = builder.build().requestId();
    FunctionRequest request;
    Composition function;
    try {
      function = routeHttp(HttpTriggerEvents.path(event));
      request =
          declares(function, HttpTriggerEvent.class)
              ? new FunctionRequest(
                  Payload.ofBytes(body),
                  Headers.builder().add("Content-Type", MediaTypes.JSON).build(),
                  builder.attribute("fc.trigger", "http").build())
              : HttpTriggerEvents.request(event, builder);
      FunctionResult result = runtime.dispatcher().call(function, request);
      return FcOutcome.success(HttpTriggerEvents.response(result), "application/json");
    } catch (FunctionException e) {
      return FcOutcome.success(
          HttpTriggerEvents.problem(Problem.of(e, requestId)), "application/json");
    }
  }

  private Composition routeHttp(String path) {
    try {
      return runtime.router().byPath(path);
    } catch (FunctionException e) {
      if (e.kind() == FunctionException.Kind.NO_SUCH_FUNCTION && runtime.catalog().size() == 1) {
        return runtime.router().defaultFunction();
      }
      throw e;
    }
  }

  private Composition route(List<String> keys) {
    if (runtime.router().selected().isPresent()) {
      return runtime.router().selected().get();
    }
    for (String key : keys) {
      if (typeMap.containsKey(key) || runtime.catalog().find(key).isPresent()) {
        return runtime.router().byEventType(key);
      }
    }
    if (runtime.catalog().size() == 1 || keys.isEmpty()) {
      return runtime.router().defaultFunction();
    }
    return runtime.router().byEventType(keys.get(0));
  }

  private static FunctionRequest whole(
      byte[] body, Headers headers, FcEvent event, InvocationContext.Builder context) {
    if (event.kind() != FcEvent.Kind.OTHER) {
      context.attribute("fc.trigger", event.kind().name().toLowerCase(java.util.Locale.ROOT));
    }
    // FC labels every event body application/octet-stream, whatever it holds: the label says
    // nothing. A JSON event is JSON; any other body is read by the function's declared type alone.
    Headers visible = headers.without("Content-Type");
    if (event.tree() != null) {
      visible = visible.with("Content-Type", MediaTypes.JSON);
    }
    return new FunctionRequest(Payload.ofBytes(body), visible, context.build());
  }

  /** A CloudEvent's data by its content type; attributes as headers and context attributes. */
  static FunctionRequest cloudEvent(Map<?, ?> event, InvocationContext.Builder context) {
    return cloudEvent(event, context, false);
  }

  /**
   * A CloudEvent for a function: its data by its content type, or the whole event as JSON when the
   * function declares the envelope; attributes as headers and context attributes either way.
   */
  static FunctionRequest cloudEvent(
      Map<?, ?> event, InvocationContext.Builder context, boolean envelope) {
    Headers.Builder headers = Headers.builder();
    String contentType = null;
    Object data = null;
    String base64 = null;
    for (Map.Entry<?, ?> member : event.entrySet()) {
      String name = String.valueOf(member.getKey());
      Object value = member.getValue();
      switch (name) {
        case "data" -> data = value;
        case "data_base64" -> base64 = value instanceof String text ? text : null;
        default -> {
          if (value == null) {
            continue;
          }
          String text = value instanceof String string ? string : JsonTree.write(value);
          if (name.equals("datacontenttype")) {
            contentType = text;
            headers.add("Content-Type", text);
          } else {
            headers.add("ce-" + name, text);
          }
          context.attribute("ce." + name, text);
        }
      }
    }
    context.attribute("fc.trigger", "cloudevent");
    if (envelope) {
      byte[] json = JsonTree.write(event).getBytes(StandardCharsets.UTF_8);
      return new FunctionRequest(
          Payload.ofBytes(json),
          headers.build().withOnly("Content-Type", MediaTypes.JSON),
          context.build());
    }
    Payload payload;
    if (base64 != null) {
      try {
        payload = Payload.ofBytes(Base64.getDecoder().decode(base64));
      } catch (IllegalArgumentException e) {
        throw FunctionException.badInput("", "the CloudEvent's data_base64 is not valid base64");
      }
    } else if (data == null) {
      payload = Payload.EMPTY;
    } else if (data instanceof String text && !MediaTypes.acceptsJson(contentType)) {
      payload = Payload.ofText(text);
    } else {
      payload = Payload.ofBytes(JsonTree.write(data).getBytes(StandardCharsets.UTF_8));
    }
    return new FunctionRequest(payload, headers.build(), context.build());
  }

  private FcOutcome batch(FcEvent event, Supplier<InvocationContext.Builder> context) {
    List<?> events = (List<?>) event.tree();
    List<Composition> targets = new ArrayList<>(events.size());
    List<FunctionRequest> requests = new ArrayList<>(events.size());
    for (Object item : events) {
      Map<?, ?> cloudEvent = (Map<?, ?>) item;
      Composition target = route(List.of((String) cloudEvent.get("type")));
      targets.add(target);
      requests.add(
          cloudEvent(cloudEvent, context.get(), declares(target, EventBridgeCloudEvent.class)));
    }
    Composition first = targets.get(0);
    List<BatchOutcome.Item> outcomes = new ArrayList<>();
    if (targets.stream().allMatch(target -> target == first)) {
      outcomes.addAll(
          runtime.dispatcher().callBatch(first, requests, BatchMode.INDEPENDENT).items());
    } else {
      for (int i = 0; i < requests.size(); i++) {
        outcomes.addAll(
            runtime
                .dispatcher()
                .callBatch(targets.get(i), List.of(requests.get(i)), BatchMode.INDEPENDENT)
                .items());
      }
    }
    StringBuilder failed = new StringBuilder();
    FunctionException firstFailure = null;
    for (int i = 0; i < outcomes.size(); i++) {
      if (outcomes.get(i) instanceof BatchOutcome.Failed item) {
        firstFailure = firstFailure == null ? item.failure() : firstFailure;
        failed
            .append(failed.length() == 0 ? "" : "; ")
            .append("event ")
            .append(i)
            .append(" (id '")
            .append(((Map<?, ?>) events.get(i)).get("id"))
            .append("'): ")
            .append(item.failure().detail());
      }
    }
    if (firstFailure != null) {
      String detail = "the batch is to be redelivered: " + failed;
      boolean badInput =
          firstFailure.kind() == FunctionException.Kind.BAD_INPUT
              || firstFailure.kind() == FunctionException.Kind.UNSUPPORTED_MEDIA_TYPE;
      return FcOutcome.failed(
          badInput
              ? FunctionException.badInput(firstFailure.functionName(), detail)
              : FunctionException.batchFailed(firstFailure.functionName(), detail));
    }
    if (outcomes.get(0) instanceof BatchOutcome.Succeeded whole
        && first.first().signature().takesWholeBatch()) {
      FunctionResult result = whole.result();
      return FcOutcome.success(result.bytes(), result.effectiveContentType());
    }
    return FcOutcome.success(new byte[0], null);
  }
}
