package dev.fn4j.aws.event;

/**
 * The Lambda event kinds the adapter recognises, each by the discriminators AWS documents for it.
 */
public enum EventKind {
  /** API Gateway REST API proxy integration, payload format 1.0. */
  API_GATEWAY_REST(true),
  /** API Gateway HTTP API, payload format 2.0. */
  API_GATEWAY_HTTP(true),
  /** A Lambda function URL (payload format 2.0 with a {@code lambda-url} domain). */
  FUNCTION_URL(true),
  /** An Application Load Balancer target group request. */
  ALB(true),
  /** An SQS batch. */
  SQS(false),
  /** A Kinesis Data Streams batch. */
  KINESIS(false),
  /** A DynamoDB Streams batch. */
  DYNAMODB(false),
  /** An SNS notification. */
  SNS(false),
  /** An S3 event notification. */
  S3(false),
  /** An EventBridge (CloudWatch Events) event, scheduled events included. */
  EVENTBRIDGE(false),
  /** Anything else: a direct invocation with any payload. */
  DIRECT(false);

  private final boolean http;

  EventKind(boolean http) {
    this.http = http;
  }

  /**
   * Tells whether the event is an HTTP request that expects an HTTP response.
   *
   * @return true for API Gateway, function URL and ALB events
   */
  public boolean isHttp() {
    return http;
  }

  /**
   * Returns the id used in context attributes and logs.
   *
   * @return for example {@code api-gateway-http}
   */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
