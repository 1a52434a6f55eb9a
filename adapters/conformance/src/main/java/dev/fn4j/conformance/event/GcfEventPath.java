package dev.fn4j.conformance.event;

import dev.fn4j.gcp.GcfEventFunction;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@value #NAME}: {@link GcfEventFunction#accept}, created once with its public constructor (on the
 * shared runtime) and called as Google's Java function invoker calls a {@code CloudEventsFunction}
 * for an Eventarc delivery: one {@link io.cloudevents.CloudEvent} per invocation, of type {@link
 * EventCall#cloudEventType()} (the adapter routes by it), the item as the data.
 *
 * <p>Normal return: {@link Disposition#ACKNOWLEDGED}. Any exception thrown to the invoker: {@link
 * Disposition#RETRY} (the invoker answers 500, and Eventarc redelivers the event when the function
 * is deployed with retries); the platform's view is the exception as the invoker logs it. Google's
 * event functions have no reply channel: a value the function returns is dropped.
 */
final class GcfEventPath extends PerItemPath {

  static final String NAME = "gcp-event";

  /** The source of the events sent, as Eventarc names a Pub/Sub topic. */
  static final URI SOURCE =
      URI.create("//pubsub.googleapis.com/projects/fn4j-conformance/topics/conformance");

  private static final AtomicLong IDS = new AtomicLong();

  private GcfEventFunction function;

  GcfEventPath() {
    super(NAME);
  }

  @Override
  EventOutcome deliverItem(EventCall call, EventPayload item) {
    InvokerCloudEvent event =
        new InvokerCloudEvent(
            "conformance-gcf-" + IDS.incrementAndGet(), SOURCE, call.cloudEventType(), item);
    try {
      function().accept(event);
      return EventOutcome.withoutReplies(List.of(Disposition.ACKNOWLEDGED), "");
    } catch (RuntimeException thrown) {
      return EventOutcome.withoutReplies(List.of(Disposition.RETRY), PlatformView.thrown(thrown));
    }
  }

  /** Created on the first call, as the invoker creates it once; the shared runtime starts then. */
  private synchronized GcfEventFunction function() {
    if (function == null) {
      function = new GcfEventFunction();
    }
    return function;
  }

  @Override
  public boolean carriesBytes() {
    return true;
  }

  @Override
  public boolean carriesReplies() {
    return false;
  }
}
