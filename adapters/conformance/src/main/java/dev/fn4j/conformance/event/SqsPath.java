package dev.fn4j.conformance.event;

import dev.fn4j.aws.LambdaHandler;
import dev.fn4j.conformance.LambdaContext;
import dev.fn4j.core.convert.JsonCodec;
import dev.fn4j.core.convert.JsonTree;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@value #NAME}: {@link LambdaHandler#handleRequest}, called as Lambda's managed Java runtime
 * calls it for an SQS event source mapping with {@code ReportBatchItemFailures}: one SQS event with
 * a record per item, from a standard queue named like the function (the adapter routes by the queue
 * name). Message bodies are text: a bytes item is refused.
 *
 * <p>The answer is read as Lambda reads a partial batch response: an item named in {@code
 * batchItemFailures} is {@link Disposition#RETRY}, the others {@link Disposition#ACKNOWLEDGED}; no
 * answer, {@code null}, {@code {}} or an empty or null list acknowledge the whole batch; a function
 * error, a response that is not JSON, or an entry without a known {@code itemIdentifier} fails the
 * whole batch (every item {@link Disposition#RETRY}). SQS carries no reply.
 */
final class SqsPath implements EventPath {

  static final String NAME = "aws-sqs";

  /** The account and region of every queue. */
  static final String ARN_PREFIX = "arn:aws:sqs:us-east-1:123456789012:";

  private static final AtomicLong IDS = new AtomicLong();

  private LambdaHandler handler;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public EventOutcome deliver(EventCall call) {
    Objects.requireNonNull(call, "call");
    List<String> ids = new ArrayList<>();
    List<Object> records = new ArrayList<>();
    for (EventPayload item : call.items()) {
      if (!item.isText()) {
        throw new IllegalArgumentException(
            NAME + ": an SQS message body is text, not " + item + "; encode the bytes yourself");
      }
      String id = UUID.randomUUID().toString();
      ids.add(id);
      records.add(record(id, ARN_PREFIX + call.function(), item.text()));
    }
    byte[] event = JsonTree.write(Map.of("Records", records)).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream response = new ByteArrayOutputStream();
    try {
      handler()
          .handleRequest(
              new ByteArrayInputStream(event),
              response,
              new LambdaContext("conformance-sqs-" + IDS.incrementAndGet()));
    } catch (IOException | RuntimeException functionError) {
      return EventOutcome.withoutReplies(
          Collections.nCopies(ids.size(), Disposition.RETRY), PlatformView.thrown(functionError));
    }
    byte[] answer = response.toByteArray();
    return EventOutcome.withoutReplies(
        dispositions(ids, answer), new String(answer, StandardCharsets.UTF_8));
  }

  /** An SQS record as Lambda's event source mapping writes it. */
  private static Map<String, Object> record(String messageId, String queueArn, String body) {
    long now = System.currentTimeMillis();
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("ApproximateReceiveCount", "1");
    attributes.put("SentTimestamp", Long.toString(now - 20));
    attributes.put("SenderId", "AIDAQ3FN4JCONFORMANCE");
    attributes.put("ApproximateFirstReceiveTimestamp", Long.toString(now));
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("messageId", messageId);
    record.put("receiptHandle", "AQEB" + messageId.replace("-", ""));
    record.put("body", body);
    record.put("attributes", attributes);
    record.put("messageAttributes", Map.of());
    record.put("md5OfBody", md5(body));
    record.put("eventSource", "aws:sqs");
    record.put("eventSourceARN", queueArn);
    record.put("awsRegion", "us-east-1");
    return record;
  }

  /** Reads a partial batch response as Lambda does (AWS Lambda developer guide, SQS). */
  static List<Disposition> dispositions(List<String> ids, byte[] answer) {
    List<Disposition> all =
        new ArrayList<>(Collections.nCopies(ids.size(), Disposition.ACKNOWLEDGED));
    List<Disposition> failed = Collections.nCopies(ids.size(), Disposition.RETRY);
    if (answer.length == 0) {
      return all;
    }
    Object parsed;
    try {
      parsed = JsonTree.parse(answer);
    } catch (JsonCodec.JsonDecodeException notJson) {
      return failed;
    }
    if (parsed == null) {
      return all;
    }
    if (!(parsed instanceof Map<?, ?> response)) {
      return failed;
    }
    Object failures = response.get("batchItemFailures");
    if (failures == null) {
      return all;
    }
    if (!(failures instanceof List<?> entries)) {
      return failed;
    }
    Set<String> known = Set.copyOf(ids);
    for (Object entry : entries) {
      if (!(entry instanceof Map<?, ?> map)
          || !(map.get("itemIdentifier") instanceof String id)
          || !known.contains(id)) {
        return failed;
      }
      all.set(ids.indexOf(id), Disposition.RETRY);
    }
    return all;
  }

  private static String md5(String body) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is missing from this JDK", e);
    }
  }

  /** Created on the first call, as the platform creates it once; the shared runtime starts then. */
  private synchronized LambdaHandler handler() {
    if (handler == null) {
      handler = new LambdaHandler();
    }
    return handler;
  }

  @Override
  public boolean deliversBatches() {
    return true;
  }

  @Override
  public boolean carriesBytes() {
    return false;
  }

  @Override
  public boolean carriesReplies() {
    return false;
  }

  @Override
  public String toString() {
    return NAME;
  }
}
