package dev.fn4j.aws.batch;

import dev.fn4j.aws.LambdaFailure;
import dev.fn4j.aws.LambdaInvocation;
import dev.fn4j.aws.event.EventKind;
import dev.fn4j.aws.event.EventTree;
import dev.fn4j.aws.event.LambdaEvent;
import dev.fn4j.aws.event.MalformedEventException;
import dev.fn4j.aws.event.VendorEvents;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.Composition;
import dev.fn4j.core.convert.Payload;
import dev.fn4j.core.dispatch.BatchMode;
import dev.fn4j.core.dispatch.BatchOutcome;
import dev.fn4j.core.dispatch.FunctionException;
import dev.fn4j.core.dispatch.FunctionRequest;
import dev.fn4j.core.dispatch.FunctionResult;
import dev.fn4j.function.Headers;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves {@code Records} events. SQS, Kinesis and DynamoDB answer with {@code batchItemFailures}
 * (SQS: every failed message; streams: the first failed sequence number, as later records must not
 * be acknowledged — enable {@code ReportBatchItemFailures} on the event source mapping); SNS and
 * S3, invoked asynchronously, end as a function error when any record fails so that Lambda retries
 * them.
 *
 * <p>The function is the one selected by {@code FN4J_FUNCTION}, else the one configured for or
 * named like the source (queue, stream, table, topic or bucket name, through {@code
 * FN4J_ROUTING_TYPES}), else the only function.
 */
public final class RecordsInvoker {

  private static final System.Logger LOG = dev.fn4j.core.logging.LazyLogger.of("dev.fn4j.aws");

  private final FunctionRuntime runtime;

  /**
   * Creates the invoker.
   *
   * @param runtime the functions
   */
  public RecordsInvoker(FunctionRuntime runtime) {
    this.runtime = runtime;
  }

  /**
   * Handles a records event.
   *
   * @param event an SQS, Kinesis, DynamoDB, SNS or S3 event
   * @param invocation the invocation
   * @return the response JSON ({@code batchItemFailures}), or empty for SNS and S3
   * @throws LambdaFailure when a record of an SNS or S3 event failed, or nothing can be routed
   * @throws MalformedEventException when a record misses what its kind requires
   * @throws FunctionException (ROUTE) when no function matches
   */
  public byte[] handle(LambdaEvent event, LambdaInvocation invocation) {
    EventTree tree = event.tree();
    List<Object> raw = tree.array("Records");
    List<Record> records = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      records.add(RecordReader.read(event.kind(), EventTree.of("Records[" + i + "]", raw.get(i))));
    }
    Composition function = runtime.router().byEventType(records.get(0).sourceName());
    Class<?> eventClass = VendorEvents.declaredEventClass(function);
    if (eventClass != null) {
      return WholeEvent.call(runtime, function, event, invocation, eventClass);
    }
    BatchMode mode = isOrdered(event.kind(), records) ? BatchMode.ORDERED : BatchMode.INDEPENDENT;
    BatchOutcome outcome = dispatch(function, event, records, invocation, mode);
    logFailures(invocation, outcome);
    return switch (event.kind()) {
      // On a FIFO queue the failed message and every one after it are reported, in order.
      case SQS -> BatchResponse.write(ids(records, outcome.failedIndices()));
      case KINESIS, DYNAMODB ->
          BatchResponse.write(
              outcome.firstFailedIndex().isPresent()
                  ? List.of(records.get(outcome.firstFailedIndex().getAsInt()).itemId())
                  : List.of());
      default -> notificationResponse(outcome);
    };
  }

  /**
   * Streams and FIFO queues are ordered: a failure stops the records after it, which are reported
   * for redelivery with it, so that order is kept.
   */
  private static boolean isOrdered(EventKind kind, List<Record> records) {
    return kind == EventKind.KINESIS
        || kind == EventKind.DYNAMODB
        || (kind == EventKind.SQS
            && records
                .get(0)
                .attributes()
                .getOrDefault("aws.event.source-arn", "")
                .endsWith(".fifo"));
  }

  /**
   * Dispatches the records that could be read; a record that could not (broken base64 data) fails
   * alone, in the DECODE phase, and in an ordered batch stops the records after it.
   */
  private BatchOutcome dispatch(
      Composition function,
      LambdaEvent event,
      List<Record> records,
      LambdaInvocation invocation,
      BatchMode mode) {
    List<FunctionRequest> items = new ArrayList<>(records.size());
    List<Integer> positions = new ArrayList<>(records.size());
    BatchOutcome.Item[] outcomes = new BatchOutcome.Item[records.size()];
    for (int i = 0; i < records.size(); i++) {
      Record record = records.get(i);
      if (record.invalid() != null) {
        outcomes[i] =
            new BatchOutcome.Failed(FunctionException.badInput(function.name(), record.invalid()));
        if (mode == BatchMode.ORDERED) {
          java.util.Arrays.fill(outcomes, i + 1, outcomes.length, new BatchOutcome.NotProcessed());
          break;
        }
        continue;
      }
      items.add(request(event, record, invocation));
      positions.add(i);
    }
    BatchOutcome dispatched = runtime.dispatcher().callBatch(function, items, mode);
    for (int i = 0; i < positions.size(); i++) {
      outcomes[positions.get(i)] = dispatched.items().get(i);
    }
    return new BatchOutcome(java.util.Arrays.asList(outcomes));
  }

  private static FunctionRequest request(
      LambdaEvent event, Record record, LambdaInvocation invocation) {
    var context = invocation.contextBuilder(event.kind().id()).raw(event).raw(event.json());
    record.attributes().forEach(context::attribute);
    Payload payload = record.payload();
    return new FunctionRequest(payload, record.headers(), context.build());
  }

  private static List<String> ids(List<Record> records, List<Integer> indices) {
    List<String> ids = new ArrayList<>(indices.size());
    indices.forEach(index -> ids.add(records.get(index).itemId()));
    return ids;
  }

  private static byte[] notificationResponse(BatchOutcome outcome) {
    for (BatchOutcome.Item item : outcome.items()) {
      if (item instanceof BatchOutcome.Failed failed) {
        throw LambdaFailure.of(failed.failure());
      }
    }
    if (outcome.items().size() == 1
        && outcome.items().get(0) instanceof BatchOutcome.Succeeded succeeded) {
      FunctionResult result = succeeded.result();
      return result.bytes();
    }
    return new byte[0];
  }

  private static void logFailures(LambdaInvocation invocation, BatchOutcome outcome) {
    for (int i = 0; i < outcome.items().size(); i++) {
      if (outcome.items().get(i) instanceof BatchOutcome.Failed failed) {
        LOG.log(
            Level.WARNING,
            "[" + invocation.requestId() + "] record " + i + ": " + failed.failure().toLogLine());
      }
    }
  }

  /**
   * One record, read: what the function gets and how a failure is reported.
   *
   * @param itemId the identifier reported in {@code batchItemFailures}
   * @param sourceName the queue, stream, table, topic or bucket name, for routing
   * @param payload the record's payload
   * @param headers headers (message attributes, a content type)
   * @param attributes context attributes
   * @param invalid why the record cannot be given to the function, or null
   */
  record Record(
      String itemId,
      String sourceName,
      Payload payload,
      Headers headers,
      java.util.Map<String, String> attributes,
      String invalid) {

    static Payload text(String text) {
      return text.isEmpty() ? Payload.EMPTY : Payload.ofText(text);
    }
  }
}
