package dev.fn4j.testkit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process fake of the AWS Lambda Runtime API (version {@code 2018-06-01}) on a free loopback
 * port, for running a runtime against: the AWS Lambda runtime interface client in a child JVM (see
 * {@link JvmProcess}), or fn4j's own custom-runtime loop. A test queues events and waits for what
 * the runtime answers:
 *
 * <pre>{@code
 * try (LambdaRuntimeApiFake fake = LambdaRuntimeApiFake.start();
 *     JvmProcess ric =
 *         JvmProcess.command("com.amazonaws.services.lambda.runtime.api.client.AWSLambda")
 *         .withArgs("dev.fn4j.aws.LambdaHandler::handleRequest")
 *         .withEnvironment(fake.environment())
 *         .start()) {
 *   LambdaInvocation invocation = fake.invoke("{\"name\":\"fn4j\"}");
 *   assertThat(fake.await(invocation, Duration.ofSeconds(10)).text()).isEqualTo("\"Hello, fn4j\"");
 * }
 * }</pre>
 *
 * <p>What it serves, under {@code /2018-06-01/runtime}:
 *
 * <ul>
 *   <li>{@code GET /invocation/next}: waits (a long poll, without limit) until an event is queued,
 *       then answers 200 with the event's body and the {@code Lambda-Runtime-*} headers ({@link
 *       LambdaEvent}). Each event is handed out once, in the order queued; several runtimes or
 *       threads may poll at once.
 *   <li>{@code POST /invocation/{id}/response} and {@code POST /invocation/{id}/error}: 202 with
 *       {@code {"status":"OK"}}, recorded as the invocation's {@link LambdaInvocationResult}. An
 *       unknown id gets 400 ({@code InvalidRequestID}); an id not yet handed out, or answered
 *       already, gets 403 ({@code InvalidStateTransition}).
 *   <li>{@code POST /init/error} and {@code POST /restore/error}: 202, recorded as {@link
 *       LambdaErrorReport}s; {@code GET /restore/next} (SnapStart): 200 at once, counted.
 *   <li>Anything else: 404, or 405 for a known path with another method.
 * </ul>
 *
 * <p>Every answer is plain HTTP/1.1 with a {@code Content-Length}, error answers carry the API's
 * JSON error body {@code {"errorMessage": ..., "errorType": ...}}, and requests the API would
 * refuse are also listed in {@link #unexpectedRequests()}. Deadlines are reported, not enforced.
 * {@link #close()} answers the polls still waiting with 410 ({@code RuntimeApiClosed}) before it
 * stops, so clients never hang.
 *
 * <p>Thread-safe.
 */
public final class LambdaRuntimeApiFake implements AutoCloseable {

  /** The function name the fake's ARN and {@link #environment()} use. */
  public static final String FUNCTION_NAME = "fn4j-test";

  /** The region the fake's ARN and {@link #environment()} use. */
  public static final String REGION = "us-east-1";

  /** The function ARN events carry unless {@link LambdaEvent#withFunctionArn(String)} says. */
  public static final String FUNCTION_ARN =
      "arn:aws:lambda:" + REGION + ":123456789012:function:" + FUNCTION_NAME;

  /** The header that carries the request id, on events and nowhere else. */
  public static final String REQUEST_ID_HEADER = "Lambda-Runtime-Aws-Request-Id";

  /** The header that carries the deadline, in epoch milliseconds. */
  public static final String DEADLINE_HEADER = "Lambda-Runtime-Deadline-Ms";

  /** The header that carries the invoked function's ARN. */
  public static final String FUNCTION_ARN_HEADER = "Lambda-Runtime-Invoked-Function-Arn";

  /** The header that carries the X-Ray trace id. */
  public static final String TRACE_ID_HEADER = "Lambda-Runtime-Trace-Id";

  /** The header that carries a mobile client context. */
  public static final String CLIENT_CONTEXT_HEADER = "Lambda-Runtime-Client-Context";

  /** The header that carries a Cognito identity. */
  public static final String COGNITO_IDENTITY_HEADER = "Lambda-Runtime-Cognito-Identity";

  private static final String BASE = "/2018-06-01/runtime";
  private static final String NEXT = BASE + "/invocation/next";
  private static final String INIT_ERROR = BASE + "/init/error";
  private static final String RESTORE_NEXT = BASE + "/restore/next";
  private static final String RESTORE_ERROR = BASE + "/restore/error";
  private static final Pattern INVOCATION_REPORT =
      Pattern.compile(Pattern.quote(BASE + "/invocation/") + "([^/]+)/(response|error)");
  private static final String JSON = "application/json";
  private static final String ACCEPTED = "{\"status\":\"OK\"}";
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final HttpServer server;
  private final ExecutorService executor;
  private final String address;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  // Everything below is guarded by lock; every change signals changed.
  private final Deque<Entry> queue = new ArrayDeque<>();
  private final Map<String, Entry> entries = new HashMap<>();
  private final List<LambdaErrorReport> initErrors = new ArrayList<>();
  private final List<LambdaErrorReport> restoreErrors = new ArrayList<>();
  private final List<String> unexpected = new ArrayList<>();
  private int nextPolls;
  private int waitingPolls;
  private int restoreNextCalls;
  private int activeExchanges;
  private boolean closed;

  /** One queued event and what became of it. */
  private static final class Entry {
    final LambdaInvocation invocation;
    Instant deadline;
    boolean delivered;
    LambdaInvocationResult result;

    Entry(LambdaInvocation invocation) {
      this.invocation = invocation;
    }
  }

  private LambdaRuntimeApiFake(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
    this.address = "127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * Starts a fake on a free port of 127.0.0.1.
   *
   * @return the running fake; close it when done
   * @throws UncheckedIOException when no port can be bound
   */
  public static LambdaRuntimeApiFake start() {
    HttpServer server;
    try {
      InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
      server = HttpServer.create(new InetSocketAddress(loopback, 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("The Lambda Runtime API fake could not start: " + e, e);
    }
    int port = server.getAddress().getPort();
    ExecutorService executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread =
                  new Thread(
                      task, "lambda-runtime-api-fake-" + port + "-" + THREADS.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    LambdaRuntimeApiFake fake = new LambdaRuntimeApiFake(server, executor);
    server.createContext("/", fake::handle);
    server.setExecutor(executor);
    server.start();
    return fake;
  }

  /**
   * Returns the value for {@code AWS_LAMBDA_RUNTIME_API}.
   *
   * @return for example {@code 127.0.0.1:41234}
   */
  public String address() {
    return address;
  }

  /**
   * Returns the port the fake listens on.
   *
   * @return the port, chosen when it started
   */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Returns the fake's root address, for clients that want a URI.
   *
   * @return for example {@code http://127.0.0.1:41234}; the API is under {@code
   *     /2018-06-01/runtime}
   */
  public URI uri() {
    return URI.create("http://" + address);
  }

  /**
   * Returns the environment a Lambda execution environment would give the runtime process, with
   * {@code AWS_LAMBDA_RUNTIME_API} pointing at this fake: the function name, version, memory size,
   * log group and stream, and region. Add {@code _HANDLER} and the like as the test needs.
   *
   * @return the variables, sorted by name, unmodifiable
   */
  public Map<String, String> environment() {
    Map<String, String> variables = new TreeMap<>();
    variables.put("AWS_LAMBDA_RUNTIME_API", address);
    variables.put("AWS_LAMBDA_FUNCTION_NAME", FUNCTION_NAME);
    variables.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    variables.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
    variables.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + FUNCTION_NAME);
    variables.put(
        "AWS_LAMBDA_LOG_STREAM_NAME", "2024/01/01/[$LATEST]0123456789abcdef0123456789abcdef");
    variables.put("AWS_REGION", REGION);
    variables.put("AWS_DEFAULT_REGION", REGION);
    return Collections.unmodifiableMap(variables);
  }

  /**
   * Queues an event, with a generated request id and the defaults of {@link LambdaEvent}.
   *
   * @param event the event, usually JSON; sent as UTF-8
   * @return the invocation, to {@link #await} its result
   * @throws IllegalStateException when the fake is closed
   */
  public LambdaInvocation invoke(String event) {
    return invoke(LambdaEvent.of(event));
  }

  /**
   * Queues an event, with a generated request id and the defaults of {@link LambdaEvent}.
   *
   * @param event the event's bytes, copied
   * @return the invocation, to {@link #await} its result
   * @throws IllegalStateException when the fake is closed
   */
  public LambdaInvocation invoke(byte[] event) {
    return invoke(LambdaEvent.of(event));
  }

  /**
   * Queues an event. The next {@code GET /invocation/next} that finds no earlier event takes it.
   *
   * @param event the event, with its request id, deadline, ARN and other headers
   * @return the invocation, to {@link #await} its result
   * @throws IllegalArgumentException when the event's request id was used already on this fake
   * @throws IllegalStateException when the fake is closed
   */
  public LambdaInvocation invoke(LambdaEvent event) {
    Objects.requireNonNull(event, "event");
    String requestId = event.requestId().orElseGet(() -> UUID.randomUUID().toString());
    String traceId = event.traceIdGiven() ? event.traceId().orElse(null) : newTraceId();
    LambdaInvocation invocation = new LambdaInvocation(requestId, traceId, event);
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("The Lambda Runtime API fake at " + address + " is closed");
      }
      if (entries.containsKey(requestId)) {
        throw new IllegalArgumentException("Request id " + requestId + " was used already");
      }
      Entry entry = new Entry(invocation);
      entries.put(requestId, entry);
      queue.addLast(entry);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    return invocation;
  }

  /**
   * Waits for the runtime to answer an invocation, with a response or an error.
   *
   * @param invocation an invocation queued on this fake
   * @param timeout how long to wait at most
   * @return what the runtime posted
   * @throws AssertionError when nothing arrives in time, or the fake is closed first; the message
   *     names the request id, says whether the runtime ever took the event, and adds any init error
   * @throws IllegalArgumentException when the invocation was not queued on this fake
   * @throws IllegalStateException when the thread is interrupted
   */
  public LambdaInvocationResult await(LambdaInvocation invocation, Duration timeout) {
    Objects.requireNonNull(invocation, "invocation");
    Entry entry;
    lock.lock();
    try {
      entry = entries.get(invocation.requestId());
      if (entry == null || entry.invocation != invocation) {
        throw new IllegalArgumentException(
            invocation + " was not queued on the Lambda Runtime API fake at " + address);
      }
    } finally {
      lock.unlock();
    }
    if (!waitFor(() -> entry.result != null || closed, timeout)) {
      throw new AssertionError(
          "No response or error for Lambda request "
              + invocation.requestId()
              + " within "
              + timeout
              + ": "
              + describe(entry));
    }
    lock.lock();
    try {
      if (entry.result == null) {
        throw new AssertionError(
            "No response or error for Lambda request "
                + invocation.requestId()
                + ": the fake was closed first; "
                + describe(entry));
      }
      return entry.result;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns what the runtime answered for an invocation so far, without waiting.
   *
   * @param invocation an invocation queued on this fake
   * @return the response or error, or empty while there is none
   */
  public Optional<LambdaInvocationResult> result(LambdaInvocation invocation) {
    Objects.requireNonNull(invocation, "invocation");
    lock.lock();
    try {
      Entry entry = entries.get(invocation.requestId());
      return entry == null || entry.invocation != invocation
          ? Optional.empty()
          : Optional.ofNullable(entry.result);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns the first init error the runtime posted ({@code POST /runtime/init/error}).
   *
   * @return the error, or empty when none was posted
   */
  public Optional<LambdaErrorReport> initError() {
    lock.lock();
    try {
      return initErrors.stream().findFirst();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns every init error the runtime posted, in order.
   *
   * @return a snapshot
   */
  public List<LambdaErrorReport> initErrors() {
    lock.lock();
    try {
      return List.copyOf(initErrors);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits for the runtime to post an init error, as when its handler cannot be loaded.
   *
   * @param timeout how long to wait at most
   * @return the first init error
   * @throws AssertionError when none arrives in time
   * @throws IllegalStateException when the thread is interrupted
   */
  public LambdaErrorReport awaitInitError(Duration timeout) {
    if (!waitFor(() -> !initErrors.isEmpty(), timeout)) {
      throw new AssertionError(
          "No init error posted to the Lambda Runtime API fake at "
              + address
              + " within "
              + timeout
              + " ("
              + nextPolls()
              + " GET /next polls so far)");
    }
    return initError().orElseThrow();
  }

  /**
   * Returns every restore error the runtime posted ({@code POST /runtime/restore/error}), in order.
   *
   * @return a snapshot
   */
  public List<LambdaErrorReport> restoreErrors() {
    lock.lock();
    try {
      return List.copyOf(restoreErrors);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Counts the {@code GET /runtime/restore/next} calls (SnapStart) the fake answered.
   *
   * @return the count
   */
  public int restoreNextCalls() {
    lock.lock();
    try {
      return restoreNextCalls;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Counts the {@code GET /invocation/next} polls received so far, answered or still waiting. A
   * runtime loop that keeps serving after a bad event polls again after reporting it.
   *
   * @return the count
   */
  public int nextPolls() {
    lock.lock();
    try {
      return nextPolls;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Counts the {@code GET /invocation/next} polls waiting for an event right now.
   *
   * @return the count; 0 when no runtime is idle
   */
  public int waitingPolls() {
    lock.lock();
    try {
      return waitingPolls;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until the fake has received at least a number of {@code GET /invocation/next} polls.
   *
   * @param count the number of polls, counting those answered and those waiting
   * @param timeout how long to wait at most
   * @throws AssertionError when fewer arrive in time
   * @throws IllegalStateException when the thread is interrupted
   */
  public void awaitNextPolls(int count, Duration timeout) {
    if (!waitFor(() -> nextPolls >= count, timeout)) {
      throw new AssertionError(
          "Expected at least "
              + count
              + " GET /next polls on the Lambda Runtime API fake at "
              + address
              + " within "
              + timeout
              + ", got "
              + nextPolls()
              + initError().map(error -> "; init error: " + error).orElse(""));
    }
  }

  /**
   * Counts the events queued and not yet taken by the runtime.
   *
   * @return the count
   */
  public int queuedEvents() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Lists the requests the real API would have refused, each with the answer it got: unknown paths,
   * wrong methods, unknown request ids, answers to events not handed out or answered already. A
   * well-behaved runtime leaves this empty.
   *
   * @return for example {@code [POST /2018-06-01/runtime/invocation/x/response -> 400
   *     InvalidRequestID]}, in order; a snapshot
   */
  public List<String> unexpectedRequests() {
    lock.lock();
    try {
      return List.copyOf(unexpected);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Tells whether the fake still serves.
   *
   * @return false once {@link #close()} was called
   */
  public boolean isRunning() {
    lock.lock();
    try {
      return !closed;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops the fake: the polls still waiting get 410 ({@code RuntimeApiClosed}), requests in flight
   * get a moment to finish, then the port is released. Calling it again does nothing.
   */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      changed.signalAll();
      long end = System.nanoTime() + CLOSE_GRACE.toNanos();
      long left;
      while (activeExchanges > 0 && (left = end - System.nanoTime()) > 0) {
        changed.awaitNanos(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    lock.lock();
    try {
      return "LambdaRuntimeApiFake["
          + address
          + ", "
          + queue.size()
          + " queued, "
          + nextPolls
          + " polls"
          + (closed ? ", closed" : "")
          + "]";
    } finally {
      lock.unlock();
    }
  }

  private boolean waitFor(BooleanSupplier condition, Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    long end = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (!condition.getAsBoolean()) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        changed.awaitNanos(left);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting on " + address, e);
    } finally {
      lock.unlock();
    }
  }

  private String describe(Entry entry) {
    lock.lock();
    try {
      StringBuilder text = new StringBuilder();
      if (entry.delivered) {
        text.append("the runtime took the event with GET /next but posted neither response nor")
            .append(" error");
      } else {
        text.append("the event is still queued, no runtime took it");
      }
      text.append(" (").append(nextPolls).append(" GET /next polls so far");
      if (waitingPolls > 0) {
        text.append(", ").append(waitingPolls).append(" waiting");
      }
      text.append(")");
      if (!initErrors.isEmpty()) {
        text.append("; init error: ").append(initErrors.get(0));
      }
      if (!unexpected.isEmpty()) {
        text.append("; unexpected requests: ").append(unexpected);
      }
      return text.toString();
    } finally {
      lock.unlock();
    }
  }

  private static String newTraceId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return String.format(
        "Root=1-%08x-%08x%016x;Parent=%016x;Sampled=0",
        Instant.now().getEpochSecond(), random.nextInt(), random.nextLong(), random.nextLong());
  }

  // ---- HTTP ----

  private void handle(HttpExchange exchange) {
    lock.lock();
    try {
      activeExchanges++;
    } finally {
      lock.unlock();
    }
    try {
      byte[] body = exchange.getRequestBody().readAllBytes();
      route(exchange, body);
    } catch (IOException | RuntimeException e) {
      if (exchange.getResponseCode() == -1) {
        try {
          send(exchange, 500, error("Unexpected error in the fake: " + e, "Fake.Failure"));
        } catch (IOException ignored) {
          // The client is gone.
        }
      }
    } finally {
      exchange.close();
      lock.lock();
      try {
        activeExchanges--;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  private void route(HttpExchange exchange, byte[] body) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    Matcher report = INVOCATION_REPORT.matcher(path);
    String allowed;
    if (path.equals(NEXT)) {
      allowed = "GET";
    } else if (path.equals(RESTORE_NEXT)) {
      allowed = "GET";
    } else if (path.equals(INIT_ERROR) || path.equals(RESTORE_ERROR) || report.matches()) {
      allowed = "POST";
    } else {
      refuse(exchange, 404, "Unknown path " + path, "NotFound");
      return;
    }
    if (!method.equals(allowed)) {
      exchange.getResponseHeaders().set("Allow", allowed);
      refuse(exchange, 405, method + " is not allowed on " + path, "MethodNotAllowed");
      return;
    }
    if (path.equals(NEXT)) {
      next(exchange);
    } else if (path.equals(RESTORE_NEXT)) {
      lock.lock();
      try {
        restoreNextCalls++;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
      send(exchange, 200, new byte[0], null);
    } else if (path.equals(INIT_ERROR) || path.equals(RESTORE_ERROR)) {
      LambdaErrorReport error = LambdaErrorReport.of(headers(exchange.getRequestHeaders()), body);
      lock.lock();
      try {
        (path.equals(INIT_ERROR) ? initErrors : restoreErrors).add(error);
        changed.signalAll();
      } finally {
        lock.unlock();
      }
      send(exchange, 202, ACCEPTED);
    } else {
      LambdaInvocationResult.Kind kind =
          report.group(2).equals("response")
              ? LambdaInvocationResult.Kind.RESPONSE
              : LambdaInvocationResult.Kind.ERROR;
      report(exchange, report.group(1), kind, body);
    }
  }

  private void next(HttpExchange exchange) throws IOException {
    Entry entry = null;
    lock.lock();
    try {
      nextPolls++;
      waitingPolls++;
      changed.signalAll();
      try {
        while (!closed && queue.isEmpty()) {
          changed.await();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        waitingPolls--;
      }
      if (!closed && !queue.isEmpty()) {
        entry = queue.removeFirst();
        entry.delivered = true;
        LambdaEvent event = entry.invocation.event();
        entry.deadline =
            event
                .deadline()
                .orElseGet(() -> Instant.now().plus(event.timeout()))
                .truncatedTo(ChronoUnit.MILLIS);
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (entry == null) {
      send(exchange, 410, error("The Lambda Runtime API fake is closed", "RuntimeApiClosed"));
      return;
    }
    LambdaInvocation invocation = entry.invocation;
    LambdaEvent event = invocation.event();
    Headers headers = exchange.getResponseHeaders();
    headers.set(REQUEST_ID_HEADER, invocation.requestId());
    headers.set(DEADLINE_HEADER, Long.toString(entry.deadline.toEpochMilli()));
    headers.set(FUNCTION_ARN_HEADER, event.functionArn());
    invocation.traceId().ifPresent(id -> headers.set(TRACE_ID_HEADER, id));
    event.clientContext().ifPresent(json -> headers.set(CLIENT_CONTEXT_HEADER, json));
    event.cognitoIdentity().ifPresent(json -> headers.set(COGNITO_IDENTITY_HEADER, json));
    headers.set("Content-Type", JSON);
    event.headers().forEach(headers::set);
    try {
      send(exchange, 200, event.body(), null);
    } catch (IOException e) {
      // The runtime went away before it got the event: hand the event to the next poll instead.
      lock.lock();
      try {
        if (entry.result == null) {
          entry.delivered = false;
          entry.deadline = null;
          queue.addFirst(entry);
          changed.signalAll();
        }
      } finally {
        lock.unlock();
      }
      throw e;
    }
  }

  private void report(
      HttpExchange exchange, String requestId, LambdaInvocationResult.Kind kind, byte[] body)
      throws IOException {
    String refusal = null;
    String refusalType = null;
    int status = 202;
    lock.lock();
    try {
      Entry entry = entries.get(requestId);
      if (entry == null) {
        status = 400;
        refusal = "Invalid request ID " + requestId;
        refusalType = "InvalidRequestID";
      } else if (!entry.delivered || entry.result != null) {
        status = 403;
        refusal =
            "Request "
                + requestId
                + (entry.result != null ? " was answered already" : " was not handed out yet");
        refusalType = "InvalidStateTransition";
      } else {
        entry.result =
            LambdaInvocationResult.of(
                requestId, kind, entry.deadline, headers(exchange.getRequestHeaders()), body);
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
    if (refusal == null) {
      send(exchange, status, ACCEPTED);
    } else {
      refuse(exchange, status, refusal, refusalType);
    }
  }

  private void refuse(HttpExchange exchange, int status, String message, String type)
      throws IOException {
    lock.lock();
    try {
      unexpected.add(
          exchange.getRequestMethod()
              + " "
              + exchange.getRequestURI()
              + " -> "
              + status
              + " "
              + type);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    send(exchange, status, error(message, type));
  }

  private static String error(String message, String type) {
    return "{\"errorMessage\":"
        + JsonMembers.quote(message)
        + ",\"errorType\":"
        + JsonMembers.quote(type)
        + "}";
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    send(exchange, status, json.getBytes(StandardCharsets.UTF_8), JSON);
  }

  /** Answers with a Content-Length, never chunked: 0 bytes are sent as length -1 to the JDK. */
  private static void send(HttpExchange exchange, int status, byte[] body, String contentType)
      throws IOException {
    if (contentType != null) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
    }
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, body.length == 0 || head ? -1 : body.length);
    if (body.length > 0 && !head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static Map<String, List<String>> headers(Headers given) {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    given.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    return Collections.unmodifiableMap(copy);
  }
}
