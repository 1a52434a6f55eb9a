package dev.fn4j.conformance.event;

import dev.fn4j.conformance.PathFailure;
import dev.fn4j.conformance.PathSet;
import dev.fn4j.core.FunctionRuntime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Every in-process event path to the process's application ({@link FunctionRuntime#shared()}, the
 * runtime the vendor entry classes use themselves), or a chosen few; close it to stop the servers
 * the paths started.
 *
 * <pre>{@code
 * try (EventPaths paths = EventPaths.all()) {
 *   EventOutcome sqs = paths.get(EventPaths.AWS_SQS).deliver(EventCall.json("greet", "{\"name\":\"Ada\"}"));
 *   assertThat(sqs.allAcknowledged()).isTrue();
 * }
 * }</pre>
 *
 * <table>
 *   <caption>The paths, in {@link #NAMES} order</caption>
 *   <tr><th>name</th><th>what runs</th><th>routed by</th><th>batch</th></tr>
 *   <tr><td>{@value #AWS_SQS}</td><td>{@code dev.fn4j.aws.LambdaHandler}, an SQS event</td>
 *       <td>the queue's name</td><td>native, per-item failures</td></tr>
 *   <tr><td>{@value #AWS_DIRECT}</td><td>what {@code LambdaHandler} runs, a direct
 *       invocation</td><td>{@code FN4J_FUNCTION}</td><td>one invocation per item</td></tr>
 *   <tr><td>{@value #KNATIVE_BINARY}</td><td>the Knative adapter's server, a binary-mode
 *       CloudEvent from a Trigger</td><td>the CloudEvent type</td><td>one per item</td></tr>
 *   <tr><td>{@value #KNATIVE_BATCH}</td><td>the same adapter, a CloudEvents batch</td><td>the
 *       CloudEvent type</td><td>native, all or nothing</td></tr>
 *   <tr><td>{@value #GCP_EVENT}</td><td>{@code dev.fn4j.gcp.GcfEventFunction}, an Eventarc
 *       CloudEvent</td><td>the CloudEvent type</td><td>one per item</td></tr>
 *   <tr><td>{@value #ALIBABA_EVENT}</td><td>the FC custom runtime's {@code /invoke}</td><td>{@code
 *       FN4J_FUNCTION}</td><td>one per item</td></tr>
 *   <tr><td>{@value #ALIBABA_BUILTIN_EVENT}</td><td>{@code dev.fn4j.alibaba.FcHandler}, an
 *       EventBridge CloudEvent</td><td>the CloudEvent type</td><td>one per item</td></tr>
 *   <tr><td>{@value #AZURE_QUEUE}</td><td>the Azure custom handler, a Storage queue
 *       trigger</td><td>the Azure function's name</td><td>one per item</td></tr>
 * </table>
 *
 * <p>A path that needs a server or a fake starts it on its first delivery. Server paths serve the
 * shared runtime's catalog (the same function objects) with only their placement, and where the
 * platform routes by the deployment's selection {@code FN4J_FUNCTION}, changed.
 */
public final class EventPaths extends PathSet<EventPath> {

  /** {@code dev.fn4j.aws.LambdaHandler} with an SQS batch from a queue named like the function. */
  public static final String AWS_SQS = SqsPath.NAME;

  /** A direct Lambda invocation of a function deployed with {@code FN4J_FUNCTION}. */
  public static final String AWS_DIRECT = LambdaDirectPath.NAME;

  /** The Knative adapter's server, one binary-mode CloudEvent per invocation. */
  public static final String KNATIVE_BINARY = KnativeBinaryPath.NAME;

  /** The Knative adapter's server, a CloudEvents batch per delivery. */
  public static final String KNATIVE_BATCH = KnativeBatchPath.NAME;

  /** {@code dev.fn4j.gcp.GcfEventFunction}, as Google's invoker calls it. */
  public static final String GCP_EVENT = GcfEventPath.NAME;

  /** The FC custom runtime's {@code /invoke}, through the testkit's FC host fake. */
  public static final String ALIBABA_EVENT = FcInvokePath.NAME;

  /** {@code dev.fn4j.alibaba.FcHandler} with an EventBridge CloudEvent. */
  public static final String ALIBABA_BUILTIN_EVENT = FcHandlerEventPath.NAME;

  /** The Azure custom handler, through the testkit's host fake, with a Storage queue trigger. */
  public static final String AZURE_QUEUE = AzureQueuePath.NAME;

  /** Every path's name. */
  public static final List<String> NAMES =
      List.of(
          AWS_SQS,
          AWS_DIRECT,
          KNATIVE_BINARY,
          KNATIVE_BATCH,
          GCP_EVENT,
          ALIBABA_EVENT,
          ALIBABA_BUILTIN_EVENT,
          AZURE_QUEUE);

  private EventPaths(String[] names, Supplier<FunctionRuntime> runtime) {
    super(names, name -> create(name, runtime));
  }

  /**
   * Returns every event path to the process's application.
   *
   * @return the paths, in {@link #NAMES} order; close them when done
   */
  public static EventPaths all() {
    return of(NAMES.toArray(String[]::new));
  }

  /**
   * Returns the named event paths to the process's application.
   *
   * @param names names from {@link #NAMES}
   * @return the paths, in the order given; close them when done
   * @throws IllegalArgumentException when a name is unknown or given twice
   */
  public static EventPaths of(String... names) {
    return new EventPaths(names, FunctionRuntime::shared);
  }

  private static EventPath create(String name, Supplier<FunctionRuntime> shared) {
    return switch (name) {
      case SqsPath.NAME -> new SqsPath();
      case LambdaDirectPath.NAME -> new LambdaDirectPath(shared);
      case KnativeBinaryPath.NAME -> new KnativeBinaryPath(shared);
      case KnativeBatchPath.NAME -> new KnativeBatchPath(shared);
      case GcfEventPath.NAME -> new GcfEventPath();
      case FcInvokePath.NAME -> new FcInvokePath(shared);
      case FcHandlerEventPath.NAME -> new FcHandlerEventPath();
      case AzureQueuePath.NAME -> new AzureQueuePath(shared);
      default ->
          throw new IllegalArgumentException(
              "No event path named '" + name + "'; the paths: " + NAMES);
    };
  }

  /**
   * Delivers a call along every path of this set, one after the other.
   *
   * @param call the events
   * @return each path's outcome, by name, in order
   * @throws IllegalArgumentException when a path cannot carry an item (see {@link
   *     EventPath#carriesBytes()}); deliver along {@link #carryingBytes()} instead
   * @throws PathFailure when a path cannot run
   */
  public Map<String, EventOutcome> deliver(EventCall call) {
    Objects.requireNonNull(call, "call");
    Map<String, EventOutcome> outcomes = new LinkedHashMap<>();
    for (EventPath path : this) {
      outcomes.put(path.name(), path.deliver(call));
    }
    return outcomes;
  }

  /**
   * Returns the names of the paths that carry bytes.
   *
   * @return the names, in order
   */
  public List<String> carryingBytes() {
    return list().stream().filter(EventPath::carriesBytes).map(EventPath::name).toList();
  }
}
