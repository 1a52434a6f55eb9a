package dev.fn4j.conformance.event;

import dev.fn4j.conformance.LoopbackHttp;
import dev.fn4j.conformance.PathFailure;
import dev.fn4j.conformance.ServerRuntimes;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.convert.JsonCodec;
import dev.fn4j.core.convert.JsonTree;
import dev.fn4j.core.http.EmbeddedHttpServer;
import dev.fn4j.knative.KnativePlatform;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * {@value #NAME}: the Knative adapter's server ({@link KnativePlatform#start}) on a free loopback
 * port, sent each delivery as one CloudEvents batch ({@code POST /}, {@code Content-Type:
 * application/cloudevents-batch+json}, {@code Prefer: reply}), an array of structured events of
 * type {@link EventCall#cloudEventType()}, one per item.
 *
 * <p>A batch is all or nothing: its sender can only redeliver it whole. The answer's status gives
 * every item the same disposition, by Knative's retry rules (2xx {@link Disposition#ACKNOWLEDGED},
 * 404, 408, 409, 425, 429 and 5xx {@link Disposition#RETRY}, any other status {@link
 * Disposition#REJECTED}); the replies are the data of the batch of reply events a 200 answer
 * carries.
 */
final class KnativeBatchPath implements EventPath {

  static final String NAME = "knative-batch";

  /** The batch content type. */
  static final String BATCH = "application/cloudevents-batch+json";

  private static final AtomicLong IDS = new AtomicLong();

  private final Started<EmbeddedHttpServer> server;

  KnativeBatchPath(Supplier<FunctionRuntime> shared) {
    this.server =
        new Started<>(NAME, () -> KnativePlatform.start(ServerRuntimes.onLoopback(shared.get())));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public EventOutcome deliver(EventCall call) {
    Objects.requireNonNull(call, "call");
    List<Object> events = new ArrayList<>();
    for (EventPayload item : call.items()) {
      events.add(
          StructuredEvents.event(
              "conformance-batch-" + IDS.incrementAndGet(),
              KnativeBinaryPath.SOURCE,
              call.cloudEventType(),
              item));
    }
    HttpResponse<byte[]> response =
        LoopbackHttp.send(
            NAME,
            KnativeBinaryPath.subscriber(server.get()),
            "POST",
            Map.of("Content-Type", List.of(BATCH), "Prefer", List.of("reply")),
            JsonTree.write(events).getBytes(StandardCharsets.UTF_8));
    Disposition disposition = KnativeBinaryPath.disposition(response.statusCode());
    return EventOutcome.of(
        Collections.nCopies(call.items().size(), disposition),
        disposition == Disposition.ACKNOWLEDGED ? replies(response) : List.of(),
        PlatformView.http(response.statusCode(), response.headers().map(), response.body()));
  }

  /** The data of each reply event of a batch answer. */
  private static List<EventPayload> replies(HttpResponse<byte[]> response) {
    if (response.body().length == 0) {
      return List.of();
    }
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (!type.toLowerCase(java.util.Locale.ROOT).startsWith(BATCH)) {
      throw new PathFailure(NAME, "a batch was answered with " + type + ", not a batch", null);
    }
    Object parsed;
    try {
      parsed = JsonTree.parse(response.body());
    } catch (JsonCodec.JsonDecodeException e) {
      throw new PathFailure(NAME, "the batch reply is not JSON: " + e.getMessage(), e);
    }
    if (!(parsed instanceof List<?> events)) {
      throw new PathFailure(NAME, "the batch reply is not a JSON array", null);
    }
    List<EventPayload> replies = new ArrayList<>();
    for (Object event : events) {
      if (!(event instanceof Map<?, ?> members)) {
        throw new PathFailure(NAME, "a batch reply element is not an event: " + event, null);
      }
      EventPayload data = StructuredEvents.data(members);
      if (!data.isEmpty()) {
        replies.add(data);
      }
    }
    return replies;
  }

  @Override
  public boolean deliversBatches() {
    return true;
  }

  @Override
  public boolean carriesBytes() {
    return true;
  }

  @Override
  public boolean carriesReplies() {
    return true;
  }

  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return NAME;
  }
}
