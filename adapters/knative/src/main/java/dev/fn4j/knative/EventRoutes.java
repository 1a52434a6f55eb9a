package dev.fn4j.knative;

import dev.fn4j.core.catalog.Composition;
import dev.fn4j.core.dispatch.FunctionException;
import dev.fn4j.core.dispatch.Router;
import dev.fn4j.core.dispatch.RoutingSettings;
import dev.fn4j.function.Headers;
import dev.fn4j.knative.event.CloudEvent;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the function for a CloudEvent, in this order: {@code FN4J_FUNCTION}; the allow-listed
 * routing header ({@code FN4J_ROUTING_HEADER}); a request path other than {@code /} (a Trigger's
 * subscriber URI may name the function, {@code http://svc/uppercase}); the event's {@code type}
 * mapped in {@code FN4J_ROUTING_TYPES}; the function named like the type; the only function.
 *
 * <p>Loop guard: an event whose type is the reply type of the function it would reach by the
 * selection or the only-function fallback is not routed (404), so that a reply re-entering a Broker
 * cannot call its own function again and again. Routing it explicitly (type map, header or path)
 * lifts the guard.
 */
final class EventRoutes {

  private final Router router;
  private final Map<String, String> typeMap;
  private final ReplyAttributes replies;

  EventRoutes(Router router, RoutingSettings settings, ReplyAttributes replies) {
    this.router = router;
    this.typeMap = settings.eventTypes();
    this.replies = replies;
  }

  /**
   * Returns the function for an event.
   *
   * @param event the event
   * @param path the request path
   * @param headers the request headers
   * @return the function
   * @throws FunctionException (404) when nothing is routed for the event
   */
  Composition route(CloudEvent event, String path, Headers headers) {
    Optional<Composition> selected = router.selected();
    if (selected.isPresent()) {
      return guarded(selected.get(), event);
    }
    Optional<Composition> byHeader = router.byHeader(headers);
    if (byHeader.isPresent()) {
      return byHeader.get();
    }
    if (!path.isEmpty() && !path.equals("/")) {
      return router.byPath(path);
    }
    String type = event.type();
    if (typeMap.containsKey(type) || router.catalog().find(type).isPresent()) {
      return router.byEventType(type);
    }
    return guarded(router.byEventType(type), event);
  }

  private Composition guarded(Composition function, CloudEvent event) {
    if (!typeMap.containsKey(event.type())
        && replies.typeOf(function.name()).equals(event.type())) {
      throw FunctionException.noSuchFunction(
          function.name(),
          "event type '"
              + event.type()
              + "' is the reply type of function '"
              + function.name()
              + "' and is not routed back to it, so that replies cannot loop; map it in"
              + " FN4J_ROUTING_TYPES to route it anyway");
    }
    return function;
  }
}
