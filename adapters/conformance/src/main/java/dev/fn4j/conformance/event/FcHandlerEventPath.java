package dev.fn4j.conformance.event;

import dev.fn4j.alibaba.FcHandler;
import dev.fn4j.conformance.FcContext;
import dev.fn4j.core.convert.JsonTree;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@value #NAME}: {@link FcHandler#handleRequest}, created once with its public constructor (on the
 * shared runtime) and called as an FC built-in Java runtime calls a stream handler for an
 * EventBridge trigger (MNS queue, RocketMQ, Kafka, ...): one CloudEvent in the JSON format per
 * invocation, of type {@link EventCall#cloudEventType()} (the adapter routes by it), the item as
 * its data ({@code data}, or {@code data_base64} for bytes and malformed JSON).
 *
 * <p>Normal return: {@link Disposition#ACKNOWLEDGED}, the bytes written being the reply (FC's
 * built-in runtime gives them no content type). An exception thrown to the runtime: {@link
 * Disposition#RETRY} (FC and EventBridge retry a failed asynchronous invocation); the platform's
 * view is the exception as the runtime reports it.
 */
final class FcHandlerEventPath extends PerItemPath {

  static final String NAME = "alibaba-builtin-event";

  /** The source EventBridge gives events of an MNS queue. */
  static final String SOURCE = "acs:mns";

  private static final AtomicLong IDS = new AtomicLong();

  private FcHandler handler;

  FcHandlerEventPath() {
    super(NAME);
  }

  @Override
  EventOutcome deliverItem(EventCall call, EventPayload item) {
    String requestId = "conformance-fc-builtin-" + IDS.incrementAndGet();
    Map<String, Object> event =
        StructuredEvents.event(requestId, SOURCE, call.cloudEventType(), item);
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try {
      handler()
          .handleRequest(
              new ByteArrayInputStream(JsonTree.write(event).getBytes(StandardCharsets.UTF_8)),
              output,
              new FcContext(requestId));
    } catch (IOException | RuntimeException failed) {
      return EventOutcome.of(List.of(Disposition.RETRY), List.of(), PlatformView.thrown(failed));
    }
    byte[] reply = output.toByteArray();
    return EventOutcome.of(
        List.of(Disposition.ACKNOWLEDGED),
        reply.length == 0 ? List.of() : List.of(EventPayload.of(null, reply)),
        new String(reply, StandardCharsets.UTF_8));
  }

  /** Created on the first call, as the runtime creates it once; the shared runtime starts then. */
  private synchronized FcHandler handler() {
    if (handler == null) {
      handler = new FcHandler();
    }
    return handler;
  }

  @Override
  public boolean carriesBytes() {
    return true;
  }

  @Override
  public boolean carriesReplies() {
    return true;
  }
}
