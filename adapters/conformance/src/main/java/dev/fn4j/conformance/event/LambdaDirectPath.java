package dev.fn4j.conformance.event;

import dev.fn4j.aws.LambdaAdapter;
import dev.fn4j.aws.LambdaFailure;
import dev.fn4j.aws.LambdaInvocation;
import dev.fn4j.conformance.LambdaContext;
import dev.fn4j.conformance.ServerRuntimes;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.convert.JsonCodec;
import dev.fn4j.core.convert.JsonTree;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * {@value #NAME}: a direct Lambda invocation (the Invoke API, or an asynchronous invoker such as an
 * S3 or SNS subscription that passes the payload as it is) of a Lambda function deployed with
 * {@code FN4J_FUNCTION} naming the target function: a direct invocation names no function, so the
 * adapter sends it to the selected one (or the only one). The path runs what {@code
 * dev.fn4j.aws.LambdaHandler} runs, {@link LambdaAdapter#handle}, on a runtime derived from the
 * shared one with {@code FN4J_FUNCTION} set ({@link ServerRuntimes#derive}), one per function, as
 * one Lambda function per fn4j function would be deployed. A selection the application does not
 * have fails the start, and then, as in {@code LambdaHandler}, every invocation with {@code
 * LambdaFailure$Startup}.
 *
 * <p>An invocation's payload is a JSON document: a JSON item is sent as it is, a text item that is
 * not JSON as a JSON string (what a caller has to send; a {@code String} function then gets the
 * JSON text, quotes included, since fn4j never JSON-parses a {@code String} input), and a bytes
 * item is refused. One invocation per item.
 *
 * <p>Normal return: {@link Disposition#ACKNOWLEDGED}, the response payload being the reply (the
 * caller's for a synchronous invocation, the on-success destination's for an asynchronous one). A
 * function error: {@link Disposition#RETRY} (Lambda retries an asynchronous invocation twice, then
 * sends it to the on-failure destination or dead-letter queue).
 */
final class LambdaDirectPath extends PerItemPath {

  static final String NAME = "aws-direct";

  private static final AtomicLong IDS = new AtomicLong();

  private final Supplier<FunctionRuntime> shared;
  private final Map<String, Object> adapters = new ConcurrentHashMap<>();

  LambdaDirectPath(Supplier<FunctionRuntime> shared) {
    super(NAME);
    this.shared = shared;
  }

  @Override
  EventOutcome deliverItem(EventCall call, EventPayload item) {
    byte[] payload = payload(item);
    try {
      Object adapter = adapters.computeIfAbsent(call.function(), this::adapter);
      if (adapter instanceof RuntimeException startup) {
        throw LambdaFailure.startup("fn4j could not start: " + startup.getMessage());
      }
      byte[] response =
          ((LambdaAdapter) adapter)
              .handle(
                  payload,
                  LambdaInvocation.of(
                      new LambdaContext("conformance-direct-" + IDS.incrementAndGet())));
      List<EventPayload> replies =
          response.length == 0 ? List.of() : List.of(EventPayload.of(null, response));
      return EventOutcome.of(
          List.of(Disposition.ACKNOWLEDGED), replies, new String(response, StandardCharsets.UTF_8));
    } catch (RuntimeException functionError) {
      return EventOutcome.of(
          List.of(Disposition.RETRY), List.of(), PlatformView.thrown(functionError));
    }
  }

  /** The application as deployed for one function: a failure to start is kept. */
  private Object adapter(String function) {
    try {
      return new LambdaAdapter(
          ServerRuntimes.derive(shared.get(), Map.of("FN4J_FUNCTION", function)));
    } catch (RuntimeException startup) {
      return startup;
    }
  }

  /** The item as a JSON document: as it is when it is JSON, else as a JSON string. */
  private static byte[] payload(EventPayload item) {
    byte[] bytes = item.bytes();
    try {
      JsonTree.parse(bytes);
      return bytes;
    } catch (JsonCodec.JsonDecodeException notJson) {
      return JsonTree.write(item.text()).getBytes(StandardCharsets.UTF_8);
    }
  }

  @Override
  public boolean carriesBytes() {
    return false;
  }

  @Override
  public boolean carriesReplies() {
    return true;
  }
}
