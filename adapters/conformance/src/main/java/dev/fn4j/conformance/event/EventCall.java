package dev.fn4j.conformance.event;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A neutral event delivery to one function, which every {@link EventPath} makes in its platform's
 * form: the target function's name, the event payload (one item, or a batch of items, each bytes
 * with a content type), and optionally the CloudEvent {@code type} of the events. Immutable.
 *
 * <pre>{@code
 * EventCall.text("uppercase", "hello")
 * EventCall.json("greet", "{\"name\":\"Ada\"}")
 * EventCall.bytes("invert", "application/octet-stream", new byte[] {1, 2, 3})
 * EventCall.batch("ship", List.of(EventPayload.json("{\"id\":\"a\",\"quantity\":1}"), ...))
 * }</pre>
 *
 * <p><b>How a path finds the function.</b> Each platform routes as it routes events: an SQS queue
 * named like the function, a Lambda function or FC function whose {@code FN4J_FUNCTION} names it,
 * an Azure function named like it, or the CloudEvent type ({@link #cloudEventType()}: the type
 * given, else the function's name, which every type-routing platform resolves to the function of
 * that name). A type other than the function's name reaches it on the CloudEvent paths only where
 * the application's routing maps that type ({@code FN4J_ROUTING_TYPES} of the process); the other
 * paths do not carry a type.
 */
public final class EventCall {

  private final String function;
  private final List<EventPayload> items;
  private final String type;

  private EventCall(String function, List<EventPayload> items, String type) {
    this.function = function;
    this.items = items;
    this.type = type;
  }

  /**
   * Creates a delivery of one event.
   *
   * @param function the function's name
   * @param item the event's payload
   * @return the call
   * @throws IllegalArgumentException when the name is not a function name (letters, digits, {@code
   *     -}, {@code _}, {@code .})
   */
  public static EventCall of(String function, EventPayload item) {
    Objects.requireNonNull(item, "item");
    return batch(function, List.of(item));
  }

  /**
   * Creates a delivery of one text event, {@code text/plain; charset=utf-8}.
   *
   * @param function the function's name
   * @param text the event's text
   * @return the call
   */
  public static EventCall text(String function, String text) {
    return of(function, EventPayload.text(text));
  }

  /**
   * Creates a delivery of one JSON event, {@code application/json}.
   *
   * @param function the function's name
   * @param json the document, as it is (it may be malformed on purpose)
   * @return the call
   */
  public static EventCall json(String function, String json) {
    return of(function, EventPayload.json(json));
  }

  /**
   * Creates a delivery of one event of any content type.
   *
   * @param function the function's name
   * @param contentType for example {@code application/octet-stream}
   * @param bytes the bytes, copied
   * @return the call
   */
  public static EventCall bytes(String function, String contentType, byte[] bytes) {
    return of(function, EventPayload.of(contentType, bytes));
  }

  /**
   * Creates a delivery of a batch. A platform that delivers batches (SQS, Knative's batch mode)
   * delivers it in one invocation; every other platform delivers it as one invocation per item.
   *
   * @param function the function's name
   * @param items the events, in order; at least one
   * @return the call
   * @throws IllegalArgumentException when there is no item, or the name is not a function name
   */
  public static EventCall batch(String function, List<EventPayload> items) {
    Objects.requireNonNull(function, "function");
    if (!function.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException("Not a function name: '" + function + "'");
    }
    List<EventPayload> copy = List.copyOf(items);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("A delivery has at least one event");
    }
    return new EventCall(function, copy, null);
  }

  /**
   * Returns a copy whose events have a given CloudEvent {@code type}.
   *
   * @param cloudEventType for example {@code com.acme.order.created}
   * @return the changed copy
   * @throws IllegalArgumentException when the type is blank
   */
  public EventCall withType(String cloudEventType) {
    Objects.requireNonNull(cloudEventType, "cloudEventType");
    if (cloudEventType.isBlank()) {
      throw new IllegalArgumentException("A CloudEvent type is not blank");
    }
    return new EventCall(function, items, cloudEventType);
  }

  /**
   * Returns the target function's name.
   *
   * @return for example {@code greet}
   */
  public String function() {
    return function;
  }

  /**
   * Returns the events.
   *
   * @return one or more payloads, in order
   */
  public List<EventPayload> items() {
    return items;
  }

  /**
   * Returns the CloudEvent type given with {@link #withType}.
   *
   * @return the type; empty when none was given
   */
  public Optional<String> type() {
    return Optional.ofNullable(type);
  }

  /**
   * Returns the CloudEvent {@code type} the CloudEvent paths send.
   *
   * @return the type given, else the function's name
   */
  public String cloudEventType() {
    return type != null ? type : function;
  }

  /**
   * Describes the call for assertion messages.
   *
   * @return for example {@code greet <- [application/json "{\"name\":\"Ada\"}"]}
   */
  @Override
  public String toString() {
    return function + (type == null ? "" : " (type " + type + ")") + " <- " + items;
  }
}
