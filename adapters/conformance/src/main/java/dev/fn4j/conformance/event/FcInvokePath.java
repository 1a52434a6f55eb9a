package dev.fn4j.conformance.event;

import dev.fn4j.alibaba.FcPlatform;
import dev.fn4j.conformance.LoopbackHttp;
import dev.fn4j.conformance.PathFailure;
import dev.fn4j.conformance.ServerRuntimes;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.http.EmbeddedHttpServer;
import dev.fn4j.testkit.FcHostFake;
import dev.fn4j.testkit.FcReply;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@value #NAME}: the FC custom runtime's server ({@link FcPlatform#start}) on a free loopback
 * port, sent each event by the testkit's {@link FcHostFake} as FC invokes an event function: {@code
 * POST /invoke} with the item's bytes as the raw body (FC labels every event {@code
 * application/octet-stream}, so the item's content type is not carried), one invocation per item.
 * An event names no function, so the FC function is deployed with {@code FN4J_FUNCTION} naming it:
 * one server per function, each on a runtime derived from the shared one ({@link
 * ServerRuntimes#derive}). A selection the application does not have fails the server's start, as
 * it fails the launcher's, and FC then fails every invocation of that function.
 *
 * <p>{@code x-fc-status: 200}: {@link Disposition#ACKNOWLEDGED}, the response body being the reply.
 * {@code x-fc-status: 404}, or an instance that does not start: {@link Disposition#RETRY} (FC
 * retries a failed asynchronous invocation, then sends it to the on-failure destination). An answer
 * that breaks the custom-runtime contract ({@link FcReply#violations()}) fails the call with a
 * {@link PathFailure}.
 */
final class FcInvokePath extends PerItemPath {

  static final String NAME = "alibaba-event";

  private final Supplier<FunctionRuntime> shared;
  private final Map<String, Object> instances = new ConcurrentHashMap<>();
  private boolean closed;

  FcInvokePath(Supplier<FunctionRuntime> shared) {
    super(NAME);
    this.shared = shared;
  }

  @Override
  EventOutcome deliverItem(EventCall call, EventPayload item) {
    Object instance = instance(call.function());
    if (instance instanceof RuntimeException startup) {
      return EventOutcome.of(
          List.of(Disposition.RETRY),
          List.of(),
          "the instance did not start: " + startup.getMessage());
    }
    FcReply reply;
    try {
      reply = ((Running) instance).fc.invoke(item.bytes());
    } catch (RuntimeException e) {
      throw new PathFailure(NAME, "FC's invocation of " + call + " failed: " + e, e);
    }
    List<String> violations = reply.violations();
    if (!violations.isEmpty()) {
      throw new PathFailure(
          NAME, "the answer to " + call + " breaks FC's contract: " + violations, null);
    }
    String view = PlatformView.http(reply.status(), reply.headers(), reply.bytes());
    if (reply.fcStatus().orElse(404) != 200) {
      return EventOutcome.of(List.of(Disposition.RETRY), List.of(), view);
    }
    byte[] body = reply.bytes();
    List<EventPayload> replies =
        body.length == 0
            ? List.of()
            : List.of(EventPayload.of(reply.header("Content-Type").orElse(null), body));
    return EventOutcome.of(List.of(Disposition.ACKNOWLEDGED), replies, view);
  }

  /** The running instance of the FC function that serves a function, or why it did not start. */
  private synchronized Object instance(String function) {
    if (closed) {
      throw new PathFailure(NAME, "the path was closed", null);
    }
    Object instance = instances.get(function);
    if (instance == null) {
      instance = start(function);
      instances.put(function, instance);
    }
    return instance;
  }

  private Object start(String function) {
    FunctionRuntime runtime;
    try {
      runtime =
          ServerRuntimes.derive(
              shared.get(),
              Map.of(
                  "FC_CUSTOM_LISTEN_PORT", "0",
                  "FN4J_HTTP_HOST", "127.0.0.1",
                  "FN4J_FUNCTION", function));
    } catch (RuntimeException startup) {
      return startup;
    }
    try {
      EmbeddedHttpServer server = FcPlatform.start(runtime);
      return new Running(server, FcHostFake.forServer(LoopbackHttp.root(server.port())));
    } catch (IOException e) {
      throw new PathFailure(NAME, "could not start: " + e, e);
    }
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
  public synchronized void close() {
    closed = true;
    List<RuntimeException> failures = new ArrayList<>();
    for (Object instance : instances.values()) {
      if (instance instanceof Running running) {
        try {
          running.server.close();
        } catch (RuntimeException e) {
          failures.add(e);
        }
      }
    }
    instances.clear();
    if (!failures.isEmpty()) {
      throw new PathFailure(NAME, "could not stop cleanly: " + failures, failures.get(0));
    }
  }

  /** One FC function's instance: the server, and the FC host in front of it. */
  private record Running(EmbeddedHttpServer server, FcHostFake fc) {}
}
