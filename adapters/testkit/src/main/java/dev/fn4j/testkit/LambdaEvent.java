package dev.fn4j.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An event for {@link LambdaRuntimeApiFake#invoke(LambdaEvent)} to hand to the runtime: the body of
 * {@code GET /2018-06-01/runtime/invocation/next} and the {@code Lambda-Runtime-*} headers that go
 * with it. Immutable; the {@code with} methods return new events.
 *
 * <pre>{@code
 * fake.invoke(LambdaEvent.of("{\"name\":\"fn4j\"}")
 *     .withRequestId("req-1")
 *     .withFunctionArn("arn:aws:lambda:eu-west-1:123456789012:function:hello:live")
 *     .withDeadline(Instant.parse("2030-01-01T00:00:00Z")));
 * }</pre>
 *
 * <p>Unless told otherwise, an event gets a random UUID as its request id, the fake's function ARN
 * ({@link LambdaRuntimeApiFake#FUNCTION_ARN}), a fresh unsampled X-Ray trace id, the content type
 * {@code application/json}, and a deadline {@link #DEFAULT_TIMEOUT} after the moment the runtime
 * takes it. The fake reports deadlines; it never enforces them.
 */
public final class LambdaEvent {

  /** How long after the runtime takes an event its deadline falls, unless set otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final byte[] body;
  private final String requestId;
  private final String functionArn;
  private final Instant deadline;
  private final Duration timeout;
  private final String traceId;
  private final boolean traceIdGiven;
  private final String clientContext;
  private final String cognitoIdentity;
  private final Map<String, String> headers;

  private LambdaEvent(
      byte[] body,
      String requestId,
      String functionArn,
      Instant deadline,
      Duration timeout,
      String traceId,
      boolean traceIdGiven,
      String clientContext,
      String cognitoIdentity,
      Map<String, String> headers) {
    this.body = body;
    this.requestId = requestId;
    this.functionArn = functionArn;
    this.deadline = deadline;
    this.timeout = timeout;
    this.traceId = traceId;
    this.traceIdGiven = traceIdGiven;
    this.clientContext = clientContext;
    this.cognitoIdentity = cognitoIdentity;
    this.headers = headers;
  }

  /**
   * Creates an event from text.
   *
   * @param body the event, usually JSON; sent as UTF-8
   * @return the event, with the defaults
   */
  public static LambdaEvent of(String body) {
    Objects.requireNonNull(body, "body");
    return of(body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Creates an event from bytes.
   *
   * @param body the event, copied
   * @return the event, with the defaults
   */
  public static LambdaEvent of(byte[] body) {
    Objects.requireNonNull(body, "body");
    return new LambdaEvent(
        body.clone(),
        null,
        LambdaRuntimeApiFake.FUNCTION_ARN,
        null,
        DEFAULT_TIMEOUT,
        null,
        false,
        null,
        null,
        Map.of());
  }

  /**
   * Returns an event with a given request id ({@code Lambda-Runtime-Aws-Request-Id}).
   *
   * @param id the id; it must be unique within a fake and usable as a URL path segment
   * @return the new event
   * @throws IllegalArgumentException when the id is blank or holds a character outside {@code
   *     [A-Za-z0-9._~-]}
   */
  public LambdaEvent withRequestId(String id) {
    Objects.requireNonNull(id, "id");
    if (!id.matches("[A-Za-z0-9._~-]+")) {
      throw new IllegalArgumentException(
          "A request id must be a non-empty URL path segment of [A-Za-z0-9._~-], not '" + id + "'");
    }
    return new LambdaEvent(
        body,
        id,
        functionArn,
        deadline,
        timeout,
        traceId,
        traceIdGiven,
        clientContext,
        cognitoIdentity,
        headers);
  }

  /**
   * Returns an event with a given function ARN ({@code Lambda-Runtime-Invoked-Function-Arn}).
   *
   * @param arn for example {@code arn:aws:lambda:eu-west-1:123456789012:function:hello:live}
   * @return the new event
   */
  public LambdaEvent withFunctionArn(String arn) {
    Objects.requireNonNull(arn, "arn");
    return new LambdaEvent(
        body,
        requestId,
        arn,
        deadline,
        timeout,
        traceId,
        traceIdGiven,
        clientContext,
        cognitoIdentity,
        headers);
  }

  /**
   * Returns an event with a fixed deadline ({@code Lambda-Runtime-Deadline-Ms}), whenever the
   * runtime takes it.
   *
   * @param at the deadline; sent in epoch milliseconds
   * @return the new event
   */
  public LambdaEvent withDeadline(Instant at) {
    Objects.requireNonNull(at, "at");
    return new LambdaEvent(
        body,
        requestId,
        functionArn,
        at,
        timeout,
        traceId,
        traceIdGiven,
        clientContext,
        cognitoIdentity,
        headers);
  }

  /**
   * Returns an event whose deadline falls a given time after the runtime takes it, like a function
   * timeout. Replaces a fixed deadline.
   *
   * @param duration the function's timeout, positive
   * @return the new event
   * @throws IllegalArgumentException when the duration is zero or negative
   */
  public LambdaEvent withTimeout(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException("A timeout must be positive, not " + duration);
    }
    return new LambdaEvent(
        body,
        requestId,
        functionArn,
        null,
        duration,
        traceId,
        traceIdGiven,
        clientContext,
        cognitoIdentity,
        headers);
  }

  /**
   * Returns an event with a given X-Ray trace header ({@code Lambda-Runtime-Trace-Id}).
   *
   * @param id for example {@code Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;
   *     Sampled=1}; null sends no trace header at all
   * @return the new event
   */
  public LambdaEvent withTraceId(String id) {
    return new LambdaEvent(
        body,
        requestId,
        functionArn,
        deadline,
        timeout,
        id,
        true,
        clientContext,
        cognitoIdentity,
        headers);
  }

  /**
   * Returns an event with a mobile client context ({@code Lambda-Runtime-Client-Context}).
   *
   * @param json the client context as JSON, sent as is
   * @return the new event
   */
  public LambdaEvent withClientContext(String json) {
    Objects.requireNonNull(json, "json");
    return new LambdaEvent(
        body,
        requestId,
        functionArn,
        deadline,
        timeout,
        traceId,
        traceIdGiven,
        json,
        cognitoIdentity,
        headers);
  }

  /**
   * Returns an event with a Cognito identity ({@code Lambda-Runtime-Cognito-Identity}).
   *
   * @param json the identity as JSON, for example {@code
   *     {"cognitoIdentityId":"id","cognitoIdentityPoolId":"pool"}}, sent as is
   * @return the new event
   */
  public LambdaEvent withCognitoIdentity(String json) {
    Objects.requireNonNull(json, "json");
    return new LambdaEvent(
        body,
        requestId,
        functionArn,
        deadline,
        timeout,
        traceId,
        traceIdGiven,
        clientContext,
        json,
        headers);
  }

  /**
   * Returns an event that sends one more header, or replaces one: for example {@code
   * Lambda-Runtime-Aws-Tenant-Id}, or {@code Content-Type}.
   *
   * @param name the header name
   * @param value the value
   * @return the new event
   */
  public LambdaEvent withHeader(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")
        || value.indexOf('\r') >= 0
        || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("Unusable header '" + name + ": " + value + "'");
    }
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new LambdaEvent(
        body,
        requestId,
        functionArn,
        deadline,
        timeout,
        traceId,
        traceIdGiven,
        clientContext,
        cognitoIdentity,
        Collections.unmodifiableMap(more));
  }

  /**
   * Returns the event's body.
   *
   * @return a fresh copy
   */
  public byte[] body() {
    return body.clone();
  }

  /**
   * Returns the event's body as UTF-8 text.
   *
   * @return the text
   */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * Returns the request id set with {@link #withRequestId(String)}.
   *
   * @return the id, or empty when the fake is to choose one
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /**
   * Returns the function ARN sent with the event.
   *
   * @return the ARN
   */
  public String functionArn() {
    return functionArn;
  }

  /**
   * Returns the fixed deadline set with {@link #withDeadline(Instant)}.
   *
   * @return the deadline, or empty when it follows from {@link #timeout()}
   */
  public Optional<Instant> deadline() {
    return Optional.ofNullable(deadline);
  }

  /**
   * Returns how long after the runtime takes the event its deadline falls, when no fixed deadline
   * is set.
   *
   * @return the timeout
   */
  public Duration timeout() {
    return timeout;
  }

  /**
   * Returns the trace header set with {@link #withTraceId(String)}.
   *
   * @return the trace id; empty when a fresh one is generated or none is sent
   */
  public Optional<String> traceId() {
    return Optional.ofNullable(traceId);
  }

  /**
   * Returns the client context set with {@link #withClientContext(String)}.
   *
   * @return the JSON, or empty when none is sent
   */
  public Optional<String> clientContext() {
    return Optional.ofNullable(clientContext);
  }

  /**
   * Returns the Cognito identity set with {@link #withCognitoIdentity(String)}.
   *
   * @return the JSON, or empty when none is sent
   */
  public Optional<String> cognitoIdentity() {
    return Optional.ofNullable(cognitoIdentity);
  }

  /**
   * Returns the extra headers set with {@link #withHeader(String, String)}.
   *
   * @return the headers, in order, unmodifiable
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * Tells whether the trace header was chosen with {@link #withTraceId(String)} (possibly as none).
   *
   * @return false when the fake generates one
   */
  boolean traceIdGiven() {
    return traceIdGiven;
  }

  @Override
  public String toString() {
    String text = text();
    return "LambdaEvent["
        + (requestId == null ? "" : requestId + ": ")
        + (text.length() > 200 ? text.substring(0, 200) + "..." : text)
        + "]";
  }
}
