package dev.fn4j.conformance.event;

import dev.fn4j.azure.CustomHandlerPlatform;
import dev.fn4j.conformance.LoopbackHttp;
import dev.fn4j.conformance.PathFailure;
import dev.fn4j.conformance.ServerRuntimes;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.convert.JsonTree;
import dev.fn4j.core.http.EmbeddedHttpServer;
import dev.fn4j.testkit.AzureFunctionsHostFake;
import dev.fn4j.testkit.AzureReply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@value #NAME}: the Azure Functions custom handler ({@link CustomHandlerPlatform#start}) on a
 * free loopback port, sent each event by the testkit's {@link AzureFunctionsHostFake} as the
 * Functions host invokes a Storage queue trigger: {@code POST /<name>} to the Azure function named
 * like the fn4j function (the adapter routes by that name), the message in {@code Data}, its {@code
 * DequeueCount}, {@code Id}, ... in {@code Metadata}; one invocation per message. Queue messages
 * are text: a bytes item is refused.
 *
 * <p>An answer the host counts as done ({@link AzureReply#succeeded()}: 2xx, a JSON object): {@link
 * Disposition#ACKNOWLEDGED}, the {@code ReturnValue} being the reply (a {@code $return} output
 * binding's). Any other answer: {@link Disposition#RETRY} (the message becomes visible again, up to
 * {@code maxDequeueCount}, then goes to the poison queue).
 */
final class AzureQueuePath extends PerItemPath {

  static final String NAME = "azure-queue";

  private final Started<Running> running;

  AzureQueuePath(Supplier<FunctionRuntime> shared) {
    super(NAME);
    this.running =
        new Started<>(
            NAME,
            () -> {
              EmbeddedHttpServer server =
                  CustomHandlerPlatform.start(
                      ServerRuntimes.derive(
                          shared.get(),
                          Map.of(
                              "FUNCTIONS_CUSTOMHANDLER_PORT", "0",
                              "FN4J_HTTP_HOST", "127.0.0.1")));
              AzureFunctionsHostFake host =
                  AzureFunctionsHostFake.forHandler(LoopbackHttp.root(server.port()));
              try {
                host.awaitReady(Duration.ofSeconds(30));
              } catch (RuntimeException e) {
                server.close();
                throw e;
              }
              return new Running(server, host);
            });
  }

  @Override
  EventOutcome deliverItem(EventCall call, EventPayload item) {
    AzureReply reply;
    try {
      reply = running.get().host.queue(call.function(), item.text());
    } catch (RuntimeException e) {
      throw new PathFailure(NAME, "the host's invocation for " + call + " failed: " + e, e);
    }
    String view = PlatformView.http(reply.status(), reply.headers(), reply.bytes());
    if (!reply.succeeded()) {
      return EventOutcome.of(List.of(Disposition.RETRY), List.of(), view);
    }
    String returned =
        reply
            .returnValue()
            .map(value -> value instanceof String text ? text : JsonTree.write(value))
            .orElse("");
    List<EventPayload> replies =
        returned.isEmpty()
            ? List.of()
            : List.of(EventPayload.of(null, returned.getBytes(StandardCharsets.UTF_8)));
    return EventOutcome.of(List.of(Disposition.ACKNOWLEDGED), replies, view);
  }

  @Override
  public boolean carriesBytes() {
    return false;
  }

  @Override
  public boolean carriesReplies() {
    return true;
  }

  @Override
  public void close() {
    running.close();
  }

  /** The handler's server and the host in front of it. */
  private record Running(EmbeddedHttpServer server, AzureFunctionsHostFake host)
      implements AutoCloseable {
    @Override
    public void close() {
      server.close();
    }
  }
}
