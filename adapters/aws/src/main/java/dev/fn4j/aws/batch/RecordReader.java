package dev.fn4j.aws.batch;

import dev.fn4j.aws.event.EventKind;
import dev.fn4j.aws.event.EventTree;
import dev.fn4j.core.convert.JsonTree;
import dev.fn4j.core.convert.MediaTypes;
import dev.fn4j.core.convert.Payload;
import dev.fn4j.function.Headers;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads one record of each {@code Records} event kind into what the function receives. */
final class RecordReader {

  private RecordReader() {}

  static RecordsInvoker.Record read(EventKind kind, EventTree record) {
    return switch (kind) {
      case SQS -> sqs(record);
      case KINESIS -> kinesis(record);
      case DYNAMODB -> dynamodb(record);
      case SNS -> sns(record);
      case S3 -> s3(record);
      default -> throw new IllegalArgumentException("not a records event: " + kind);
    };
  }

  /** SQS: the body as text; string message attributes as headers. */
  private static RecordsInvoker.Record sqs(EventTree record) {
    String messageId = record.requireString("messageId");
    String arn = record.string("eventSourceARN").orElse("");
    Headers.Builder headers = Headers.builder();
    record
        .object("messageAttributes")
        .ifPresent(
            attributes -> {
              for (String name : attributes.fields().keySet()) {
                attributes
                    .requireObject(name)
                    .string("stringValue")
                    .ifPresent(value -> headers.add(name, value));
              }
            });
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("aws.sqs.message-id", messageId);
    attributes.put("aws.event.source-arn", arn);
    return new RecordsInvoker.Record(
        messageId,
        afterLast(arn, ':'),
        RecordsInvoker.Record.text(record.string("body").orElse("")),
        headers.build(),
        attributes,
        null);
  }

  /** Kinesis: the record's data, base64-decoded, as bytes. */
  private static RecordsInvoker.Record kinesis(EventTree record) {
    EventTree kinesis = record.requireObject("kinesis");
    String sequence = kinesis.requireString("sequenceNumber");
    String arn = record.string("eventSourceARN").orElse("");
    String data = kinesis.string("data").orElse("");
    Payload payload;
    String invalid = null;
    try {
      payload = Payload.ofBytes(Base64.getDecoder().decode(data));
    } catch (IllegalArgumentException e) {
      payload = Payload.EMPTY;
      invalid = "event field '" + kinesis.child("data") + "' is not valid base64";
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("aws.kinesis.sequence-number", sequence);
    kinesis
        .string("partitionKey")
        .ifPresent(key -> attributes.put("aws.kinesis.partition-key", key));
    attributes.put("aws.event.source-arn", arn);
    return new RecordsInvoker.Record(
        sequence, afterLast(arn, '/'), payload, Headers.empty(), attributes, invalid);
  }

  /** DynamoDB Streams: the whole record (eventName, keys, images) as JSON. */
  private static RecordsInvoker.Record dynamodb(EventTree record) {
    EventTree dynamodb = record.requireObject("dynamodb");
    String sequence = dynamodb.requireString("SequenceNumber");
    String arn = record.string("eventSourceARN").orElse("");
    String table = arn.contains(":table/") ? arn.substring(arn.indexOf(":table/") + 7) : arn;
    table = table.contains("/") ? table.substring(0, table.indexOf('/')) : table;
    return new RecordsInvoker.Record(
        sequence,
        table,
        Payload.ofText(JsonTree.write(record.fields())),
        Headers.empty().with("Content-Type", MediaTypes.JSON),
        Map.of(
            "aws.dynamodb.sequence-number",
            sequence,
            "aws.dynamodb.event-name",
            record.string("eventName").orElse(""),
            "aws.event.source-arn",
            arn),
        null);
  }

  /** SNS: the message text; string message attributes as headers. */
  private static RecordsInvoker.Record sns(EventTree record) {
    EventTree sns = record.requireObject("Sns");
    String messageId = sns.requireString("MessageId");
    String topic = sns.string("TopicArn").orElse("");
    Headers.Builder headers = Headers.builder();
    sns.object("MessageAttributes")
        .ifPresent(
            attributes -> {
              for (String name : attributes.fields().keySet()) {
                attributes
                    .requireObject(name)
                    .string("Value")
                    .ifPresent(value -> headers.add(name, value));
              }
            });
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("aws.sns.message-id", messageId);
    attributes.put("aws.event.source-arn", topic);
    sns.string("Subject").ifPresent(subject -> attributes.put("aws.sns.subject", subject));
    return new RecordsInvoker.Record(
        messageId,
        afterLast(topic, ':'),
        RecordsInvoker.Record.text(sns.string("Message").orElse("")),
        headers.build(),
        attributes,
        null);
  }

  /** S3: the whole notification record as JSON. */
  private static RecordsInvoker.Record s3(EventTree record) {
    EventTree s3 = record.requireObject("s3");
    String bucket = s3.requireObject("bucket").requireString("name");
    String key = s3.requireObject("object").requireString("key");
    return new RecordsInvoker.Record(
        bucket + "/" + key,
        bucket,
        Payload.ofText(JsonTree.write(record.fields())),
        Headers.empty().with("Content-Type", MediaTypes.JSON),
        Map.of(
            "aws.s3.bucket",
            bucket,
            "aws.s3.key",
            key,
            "aws.s3.event-name",
            record.string("eventName").orElse("")),
        null);
  }

  private static String afterLast(String text, char separator) {
    int at = text.lastIndexOf(separator);
    return at < 0 ? text : text.substring(at + 1);
  }
}
