package dev.fn4j.aws.event;

import dev.fn4j.core.convert.JsonCodec;
import dev.fn4j.core.convert.JsonTree;
import java.util.List;
import java.util.Map;

/**
 * Recognises a Lambda event by the discriminators AWS documents, never by guessing:
 *
 * <table>
 *   <caption>Discriminators</caption>
 *   <tr><th>kind</th><th>recognised by</th></tr>
 *   <tr><td>SQS, Kinesis, DynamoDB, S3</td><td>{@code Records[0].eventSource} is {@code aws:sqs},
 *       {@code aws:kinesis}, {@code aws:dynamodb}, {@code aws:s3}</td></tr>
 *   <tr><td>SNS</td><td>{@code Records[0].EventSource} is {@code aws:sns}</td></tr>
 *   <tr><td>ALB</td><td>{@code requestContext.elb} and {@code httpMethod}</td></tr>
 *   <tr><td>function URL</td><td>{@code version} "2.0", {@code requestContext.http}, and a
 *       {@code requestContext.domainName} containing {@code .lambda-url.}</td></tr>
 *   <tr><td>HTTP API</td><td>{@code version} "2.0", {@code routeKey} and
 *       {@code requestContext.http}</td></tr>
 *   <tr><td>REST API</td><td>{@code httpMethod}, {@code resource} and a {@code requestContext}
 *       with {@code stage}</td></tr>
 *   <tr><td>EventBridge</td><td>{@code version} "0", {@code detail-type}, {@code source} and
 *       {@code detail}</td></tr>
 *   <tr><td>direct invocation</td><td>anything else, JSON or not</td></tr>
 * </table>
 *
 * <p>A {@code Records} event from another AWS source (for example {@code aws:ses}) is refused with
 * an {@link UnsupportedEventException}, not treated as a direct invocation.
 */
public final class EventClassifier {

  private EventClassifier() {}

  /**
   * Classifies a payload.
   *
   * @param bytes the payload as Lambda delivered it
   * @return the classified event
   * @throws UnsupportedEventException for a documented event source this adapter does not serve
   */
  public static LambdaEvent classify(byte[] bytes) {
    Object parsed;
    try {
      parsed = JsonTree.parse(bytes);
    } catch (JsonCodec.JsonDecodeException e) {
      return new LambdaEvent(EventKind.DIRECT, null, bytes);
    }
    if (!(parsed instanceof Map<?, ?>)) {
      return new LambdaEvent(EventKind.DIRECT, null, bytes);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> json = (Map<String, Object>) parsed;
    return new LambdaEvent(kindOf(json), json, bytes);
  }

  static EventKind kindOf(Map<String, Object> json) {
    if (json.get("Records") instanceof List<?> records
        && !records.isEmpty()
        && records.get(0) instanceof Map<?, ?> first) {
      EventKind kind = recordKind(first);
      if (kind != null) {
        return kind;
      }
    }
    Object context = json.get("requestContext");
    if (context instanceof Map<?, ?> requestContext) {
      if (requestContext.get("elb") instanceof Map<?, ?>
          && json.get("httpMethod") instanceof String) {
        return EventKind.ALB;
      }
      if ("2.0".equals(json.get("version")) && requestContext.get("http") instanceof Map<?, ?>) {
        Object domain = requestContext.get("domainName");
        if (domain instanceof String name && name.contains(".lambda-url.")) {
          return EventKind.FUNCTION_URL;
        }
        if (json.get("routeKey") instanceof String) {
          return EventKind.API_GATEWAY_HTTP;
        }
      }
      if (json.get("httpMethod") instanceof String
          && json.containsKey("resource")
          && requestContext.get("stage") instanceof String) {
        return EventKind.API_GATEWAY_REST;
      }
    }
    if ("0".equals(json.get("version"))
        && json.get("detail-type") instanceof String
        && json.get("source") instanceof String
        && json.containsKey("detail")) {
      return EventKind.EVENTBRIDGE;
    }
    return EventKind.DIRECT;
  }

  private static EventKind recordKind(Map<?, ?> record) {
    Object source = record.get("eventSource");
    if (source == null) {
      source = record.get("EventSource");
    }
    if (!(source instanceof String name)) {
      return null;
    }
    return switch (name) {
      case "aws:sqs" -> EventKind.SQS;
      case "aws:kinesis" -> EventKind.KINESIS;
      case "aws:dynamodb" -> EventKind.DYNAMODB;
      case "aws:s3" -> EventKind.S3;
      case "aws:sns" -> EventKind.SNS;
      default ->
          throw new UnsupportedEventException(
              "event source '"
                  + name
                  + "' is not supported; supported sources: aws:sqs, aws:kinesis, aws:dynamodb,"
                  + " aws:sns, aws:s3, API Gateway, ALB, function URLs, EventBridge and direct"
                  + " invocation");
    };
  }
}
