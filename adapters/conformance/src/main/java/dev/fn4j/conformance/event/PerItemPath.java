package dev.fn4j.conformance.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A path whose platform delivers one event per invocation: a batch is delivered as one invocation
 * per item, in order, and the items' outcomes are joined.
 */
abstract class PerItemPath implements EventPath {

  private final String name;

  PerItemPath(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final EventOutcome deliver(EventCall call) {
    Objects.requireNonNull(call, "call");
    call.items().forEach(this::requireCarried);
    List<EventOutcome> parts = new ArrayList<>(call.items().size());
    for (EventPayload item : call.items()) {
      parts.add(deliverItem(call, item));
    }
    return EventOutcome.joined(parts);
  }

  /**
   * Delivers one event.
   *
   * @param call the delivery it belongs to (its function and type)
   * @param item the event
   * @return its outcome: one disposition
   */
  abstract EventOutcome deliverItem(EventCall call, EventPayload item);

  /**
   * Refuses an item the platform cannot carry, before anything is delivered.
   *
   * @param item the item
   * @throws IllegalArgumentException when it is bytes and the platform carries text only
   */
  void requireCarried(EventPayload item) {
    if (!carriesBytes() && !item.isText()) {
      throw new IllegalArgumentException(
          name + " carries text only, not " + item + ": encode the bytes as text yourself");
    }
  }

  @Override
  public final boolean deliversBatches() {
    return false;
  }

  @Override
  public String toString() {
    return name;
  }
}
