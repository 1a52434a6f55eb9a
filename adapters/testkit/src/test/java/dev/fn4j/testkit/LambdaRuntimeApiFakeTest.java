package dev.fn4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake driven over HTTP the way a minimal custom runtime drives the real Runtime API. */
class LambdaRuntimeApiFakeTest {

  private static final String BASE = "/2018-06-01/runtime";
  private static final String NEXT = BASE + "/invocation/next";
  private static final Duration WAIT = Duration.ofSeconds(3);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  private LambdaRuntimeApiFake fake;

  @BeforeEach
  void start() {
    fake = LambdaRuntimeApiFake.start();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void listens_on_loopback_and_describes_a_lambda_environment() {
    assertThat(fake.address()).isEqualTo("127.0.0.1:" + fake.port());
    assertThat(fake.uri()).isEqualTo(URI.create("http://127.0.0.1:" + fake.port()));
    assertThat(fake.environment())
        .containsEntry("AWS_LAMBDA_RUNTIME_API", fake.address())
        .containsEntry("AWS_LAMBDA_FUNCTION_NAME", LambdaRuntimeApiFake.FUNCTION_NAME)
        .containsEntry("AWS_REGION", LambdaRuntimeApiFake.REGION)
        .containsKeys(
            "AWS_LAMBDA_FUNCTION_VERSION",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME");
    assertThat(LambdaRuntimeApiFake.FUNCTION_ARN).endsWith(":function:fn4j-test");
  }

  @Test
  void a_runtime_takes_the_event_with_its_headers_and_posts_the_response() throws Exception {
    Instant before = Instant.now();
    LambdaInvocation invocation = fake.invoke("{\"name\":\"fn4j\"}");

    HttpResponse<String> next = get(NEXT);

    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(next.body()).isEqualTo("{\"name\":\"fn4j\"}");
    assertThat(invocation.requestId())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(next.headers().firstValue("Lambda-Runtime-Aws-Request-Id"))
        .hasValue(invocation.requestId());
    assertThat(next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn"))
        .hasValue(LambdaRuntimeApiFake.FUNCTION_ARN);
    assertThat(invocation.traceId()).isPresent();
    assertThat(next.headers().firstValue("Lambda-Runtime-Trace-Id"))
        .hasValue(invocation.traceId().orElseThrow());
    assertThat(invocation.traceId().orElseThrow())
        .matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0");
    assertThat(next.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(next.headers().firstValue("Lambda-Runtime-Client-Context")).isEmpty();
    assertThat(next.headers().firstValue("Lambda-Runtime-Cognito-Identity")).isEmpty();
    long deadline = Long.parseLong(next.headers().firstValue("Lambda-Runtime-Deadline-Ms").get());
    assertThat(Instant.ofEpochMilli(deadline))
        .isAfter(before.plus(LambdaEvent.DEFAULT_TIMEOUT).minusSeconds(1));

    HttpResponse<String> posted =
        post(
            BASE + "/invocation/" + invocation.requestId() + "/response",
            "\"Hello, fn4j\"",
            Map.of("Content-Type", "application/json"));

    assertThat(posted.statusCode()).isEqualTo(202);
    assertThat(posted.body()).isEqualTo("{\"status\":\"OK\"}");
    LambdaInvocationResult result = fake.await(invocation, WAIT);
    assertThat(result.isResponse()).isTrue();
    assertThat(result.kind()).isEqualTo(LambdaInvocationResult.Kind.RESPONSE);
    assertThat(result.requestId()).isEqualTo(invocation.requestId());
    assertThat(result.text()).isEqualTo("\"Hello, fn4j\"");
    assertThat(result.bytes()).isEqualTo("\"Hello, fn4j\"".getBytes(StandardCharsets.UTF_8));
    assertThat(result.contentType()).hasValue("application/json");
    assertThat(result.error()).isEmpty();
    assertThat(result.deadline().toEpochMilli()).isEqualTo(deadline);
    assertThat(result.toString()).contains("response to " + invocation.requestId());
    assertThat(fake.result(invocation)).containsSame(result);
    assertThat(fake.nextPolls()).isEqualTo(1);
    assertThat(fake.queuedEvents()).isZero();
    assertThat(fake.unexpectedRequests()).isEmpty();
  }

  @Test
  void an_error_post_is_read_into_its_fields() throws Exception {
    LambdaInvocation invocation = fake.invoke("{}");
    get(NEXT);
    String body =
        "{\"errorMessage\":\"boom \\\"quoted\\\"\",\"errorType\":\"java.lang.IllegalStateException\","
            + "\"stackTrace\":[\"a.B.c(B.java:1)\",\"d.E.f(E.java:2)\"]}";

    HttpResponse<String> posted =
        post(
            BASE + "/invocation/" + invocation.requestId() + "/error",
            body,
            Map.of(
                "Lambda-Runtime-Function-Error-Type", "Runtime.UnknownReason",
                "Lambda-Runtime-Function-XRay-Error-Cause",
                    "{\"working_directory\":\"/var/task\"}"));

    assertThat(posted.statusCode()).isEqualTo(202);
    LambdaInvocationResult result = fake.await(invocation, WAIT);
    assertThat(result.isError()).isTrue();
    assertThat(result.isResponse()).isFalse();
    assertThat(result.text()).isEqualTo(body);
    LambdaErrorReport error = result.error().orElseThrow();
    assertThat(error.errorTypeHeader()).hasValue("Runtime.UnknownReason");
    assertThat(error.errorType()).hasValue("java.lang.IllegalStateException");
    assertThat(error.errorMessage()).hasValue("boom \"quoted\"");
    assertThat(error.stackTrace()).containsExactly("a.B.c(B.java:1)", "d.E.f(E.java:2)");
    assertThat(error.stackTraceJson()).hasValue("[\"a.B.c(B.java:1)\",\"d.E.f(E.java:2)\"]");
    assertThat(error.member("errorType")).hasValue("\"java.lang.IllegalStateException\"");
    assertThat(error.header("lambda-runtime-function-xray-error-cause"))
        .hasValue("{\"working_directory\":\"/var/task\"}");
    assertThat(error.body()).isEqualTo(body);
    assertThat(error.toString())
        .isEqualTo("Runtime.UnknownReason java.lang.IllegalStateException: boom \"quoted\"");
    assertThat(result.toString()).startsWith("error for " + invocation.requestId() + ": ");
  }

  @Test
  void an_error_body_that_is_not_json_is_kept_as_it_came() throws Exception {
    LambdaInvocation invocation = fake.invoke("{}");
    get(NEXT);

    post(BASE + "/invocation/" + invocation.requestId() + "/error", "it broke", Map.of());

    LambdaErrorReport error = fake.await(invocation, WAIT).error().orElseThrow();
    assertThat(error.errorTypeHeader()).isEmpty();
    assertThat(error.errorMessage()).isEmpty();
    assertThat(error.errorType()).isEmpty();
    assertThat(error.stackTrace()).isEmpty();
    assertThat(error.stackTraceJson()).isEmpty();
    assertThat(error.body()).isEqualTo("it broke");
    assertThat(error.bytes()).isEqualTo("it broke".getBytes(StandardCharsets.UTF_8));
    assertThat(error).hasToString("it broke");
  }

  @Test
  void init_and_restore_calls_are_recorded() throws Exception {
    assertThat(fake.initError()).isEmpty();

    HttpResponse<String> posted =
        post(
            BASE + "/init/error",
            "{\"errorMessage\":\"Class not found: x.Y\",\"errorType\":\"ClassNotFoundException\"}",
            Map.of("Lambda-Runtime-Function-Error-Type", "Runtime.ImportModuleError"));

    assertThat(posted.statusCode()).isEqualTo(202);
    assertThat(posted.body()).isEqualTo("{\"status\":\"OK\"}");
    LambdaErrorReport error = fake.awaitInitError(WAIT);
    assertThat(error.errorTypeHeader()).hasValue("Runtime.ImportModuleError");
    assertThat(error.errorMessage()).hasValue("Class not found: x.Y");
    assertThat(fake.initError()).containsSame(error);
    assertThat(fake.initErrors()).containsExactly(error);

    HttpResponse<String> restore = get(BASE + "/restore/next");
    assertThat(restore.statusCode()).isEqualTo(200);
    assertThat(restore.headers().firstValue("Content-Length")).hasValue("0");
    assertThat(fake.restoreNextCalls()).isEqualTo(1);
    post(BASE + "/restore/error", "{\"errorMessage\":\"hook failed\"}", Map.of());
    assertThat(fake.restoreErrors())
        .singleElement()
        .satisfies(restoreError -> assertThat(restoreError.errorMessage()).hasValue("hook failed"));
    assertThat(fake.unexpectedRequests()).isEmpty();
  }

  @Test
  void await_init_error_fails_clearly_when_none_comes() {
    assertThatThrownBy(() -> fake.awaitInitError(Duration.ofMillis(20)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("No init error")
        .hasMessageContaining(fake.address());
  }

  @Test
  void next_waits_until_an_event_is_queued() throws Exception {
    CompletableFuture<HttpResponse<String>> poll = getAsync(NEXT);
    fake.awaitNextPolls(1, WAIT);

    assertThat(fake.waitingPolls()).isEqualTo(1);
    assertThat(poll).isNotDone();

    LambdaInvocation invocation = fake.invoke("late");
    HttpResponse<String> next = poll.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(next.body()).isEqualTo("late");
    assertThat(next.headers().firstValue("Lambda-Runtime-Aws-Request-Id"))
        .hasValue(invocation.requestId());
    assertThat(fake.waitingPolls()).isZero();
  }

  @Test
  void close_answers_a_waiting_poll_so_that_the_runtime_does_not_hang() throws Exception {
    CompletableFuture<HttpResponse<String>> poll = getAsync(NEXT);
    fake.awaitNextPolls(1, WAIT);

    fake.close();

    HttpResponse<String> released = poll.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(released.statusCode()).isEqualTo(410);
    assertThat(released.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(
            LambdaErrorReport.of(Map.of(), released.body().getBytes(StandardCharsets.UTF_8))
                .errorType())
        .hasValue("RuntimeApiClosed");
    assertThat(fake.isRunning()).isFalse();
    assertThatThrownBy(() -> fake.invoke("too late"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> get(NEXT)).isInstanceOf(IOException.class);
    fake.close(); // again: nothing happens
  }

  @Test
  void await_fails_naming_the_request_id_and_what_became_of_the_event() throws Exception {
    LambdaInvocation invocation = fake.invoke(LambdaEvent.of("{}").withRequestId("never-answered"));

    assertThatThrownBy(() -> fake.await(invocation, Duration.ofMillis(20)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("never-answered")
        .hasMessageContaining("still queued")
        .hasMessageContaining("0 GET /next polls");

    get(NEXT);
    assertThatThrownBy(() -> fake.await(invocation, Duration.ofMillis(20)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("never-answered")
        .hasMessageContaining("took the event")
        .hasMessageContaining("1 GET /next polls");

    fake.close();
    assertThatThrownBy(() -> fake.await(invocation, WAIT))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("never-answered")
        .hasMessageContaining("closed");
  }

  @Test
  void await_refuses_an_invocation_of_another_fake() {
    try (LambdaRuntimeApiFake other = LambdaRuntimeApiFake.start()) {
      LambdaInvocation elsewhere = other.invoke("{}");
      assertThatThrownBy(() -> fake.await(elsewhere, WAIT))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(fake.result(elsewhere)).isEmpty();
    }
  }

  @Test
  void events_are_handed_out_once_in_order_with_the_headers_asked_for() throws Exception {
    Instant deadline = Instant.parse("2030-01-02T03:04:05.678Z");
    fake.invoke(
        LambdaEvent.of("first")
            .withRequestId("r-1")
            .withDeadline(deadline)
            .withFunctionArn("arn:aws:lambda:eu-west-1:123456789012:function:hello:live")
            .withTraceId(
                "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1")
            .withClientContext("{\"client\":{\"app_title\":\"app\"}}")
            .withCognitoIdentity(
                "{\"cognitoIdentityId\":\"id\",\"cognitoIdentityPoolId\":\"pool\"}")
            .withHeader("Lambda-Runtime-Aws-Tenant-Id", "tenant-a")
            .withHeader("Content-Type", "text/plain"));
    LambdaInvocation second =
        fake.invoke(LambdaEvent.of(new byte[0]).withRequestId("r-2").withTraceId(null));
    assertThat(fake.queuedEvents()).isEqualTo(2);

    HttpResponse<String> first = get(NEXT);
    assertThat(first.body()).isEqualTo("first");
    assertThat(first.headers().firstValue("Lambda-Runtime-Aws-Request-Id")).hasValue("r-1");
    assertThat(first.headers().firstValue("Lambda-Runtime-Deadline-Ms"))
        .hasValue(Long.toString(deadline.toEpochMilli()));
    assertThat(first.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn"))
        .hasValue("arn:aws:lambda:eu-west-1:123456789012:function:hello:live");
    assertThat(first.headers().firstValue("Lambda-Runtime-Trace-Id"))
        .hasValue("Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1");
    assertThat(first.headers().firstValue("Lambda-Runtime-Client-Context"))
        .hasValue("{\"client\":{\"app_title\":\"app\"}}");
    assertThat(first.headers().firstValue("Lambda-Runtime-Cognito-Identity"))
        .hasValue("{\"cognitoIdentityId\":\"id\",\"cognitoIdentityPoolId\":\"pool\"}");
    assertThat(first.headers().firstValue("Lambda-Runtime-Aws-Tenant-Id")).hasValue("tenant-a");
    assertThat(first.headers().firstValue("Content-Type")).hasValue("text/plain");

    HttpResponse<String> empty = get(NEXT);
    assertThat(empty.body()).isEmpty();
    assertThat(empty.headers().firstValue("Lambda-Runtime-Aws-Request-Id")).hasValue("r-2");
    assertThat(empty.headers().firstValue("Content-Length")).hasValue("0");
    assertThat(empty.headers().firstValue("Lambda-Runtime-Trace-Id")).isEmpty();
    assertThat(second.traceId()).isEmpty();
    assertThat(fake.queuedEvents()).isZero();
    assertThat(fake.waitingPolls()).isZero();
  }

  @Test
  void request_ids_must_be_unique_and_usable_in_a_path() {
    fake.invoke(LambdaEvent.of("{}").withRequestId("same"));

    assertThatThrownBy(() -> fake.invoke(LambdaEvent.of("{}").withRequestId("same")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same");
    assertThatThrownBy(() -> LambdaEvent.of("{}").withRequestId("a/b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LambdaEvent.of("{}").withRequestId(""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LambdaEvent.of("{}").withHeader("X-Bad", "a\r\nInjected: 1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LambdaEvent.of("{}").withTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_timeout_sets_the_deadline_from_the_moment_the_runtime_takes_the_event() throws Exception {
    Instant before = Instant.now();
    LambdaInvocation invocation =
        fake.invoke(LambdaEvent.of("{}").withTimeout(Duration.ofMinutes(15)));

    HttpResponse<String> next = get(NEXT);

    Instant deadline =
        Instant.ofEpochMilli(
            Long.parseLong(next.headers().firstValue("Lambda-Runtime-Deadline-Ms").get()));
    assertThat(deadline).isAfter(before.plus(Duration.ofMinutes(14)));
    assertThat(invocation.event().timeout()).isEqualTo(Duration.ofMinutes(15));
    assertThat(invocation.event().deadline()).isEmpty();
  }

  @Test
  void requests_the_real_api_would_refuse_are_answered_and_listed() throws Exception {
    HttpResponse<String> unknown = get(BASE + "/unknown");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(unknown.body()).contains("\"errorType\":\"NotFound\"");
    assertThat(get("/").statusCode()).isEqualTo(404);

    HttpResponse<String> wrongMethod = post(NEXT, "", Map.of());
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET");

    HttpResponse<String> unknownId = post(BASE + "/invocation/nope/response", "x", Map.of());
    assertThat(unknownId.statusCode()).isEqualTo(400);
    assertThat(unknownId.body()).contains("\"errorType\":\"InvalidRequestID\"");

    LambdaInvocation invocation = fake.invoke(LambdaEvent.of("{}").withRequestId("queued-1"));
    String response = BASE + "/invocation/queued-1/response";
    HttpResponse<String> early = post(response, "too early", Map.of());
    assertThat(early.statusCode()).isEqualTo(403);
    assertThat(early.body()).contains("\"errorType\":\"InvalidStateTransition\"");

    get(NEXT);
    assertThat(post(response, "right", Map.of()).statusCode()).isEqualTo(202);
    HttpResponse<String> twice = post(BASE + "/invocation/queued-1/error", "{}", Map.of());
    assertThat(twice.statusCode()).isEqualTo(403);
    assertThat(fake.await(invocation, WAIT).text()).isEqualTo("right");

    assertThat(fake.unexpectedRequests())
        .containsExactly(
            "GET " + BASE + "/unknown -> 404 NotFound",
            "GET / -> 404 NotFound",
            "POST " + NEXT + " -> 405 MethodNotAllowed",
            "POST " + BASE + "/invocation/nope/response -> 400 InvalidRequestID",
            "POST " + response + " -> 403 InvalidStateTransition",
            "POST " + BASE + "/invocation/queued-1/error -> 403 InvalidStateTransition");
  }

  @Test
  void several_runtimes_may_poll_at_once_and_each_event_goes_to_one_of_them() throws Exception {
    CompletableFuture<HttpResponse<String>> one = getAsync(NEXT);
    CompletableFuture<HttpResponse<String>> two = getAsync(NEXT);
    fake.awaitNextPolls(2, WAIT);
    assertThat(fake.waitingPolls()).isEqualTo(2);

    fake.invoke("a");
    fake.invoke("b");

    Set<String> bodies =
        Set.of(
            one.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).body(),
            two.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).body());
    assertThat(bodies).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void a_minimal_runtime_loop_keeps_serving_after_a_bad_event() throws Exception {
    List<String> seen = new ArrayList<>();
    Thread loop =
        new Thread(
            () -> {
              try {
                while (true) {
                  HttpResponse<String> next = get(NEXT);
                  if (next.statusCode() != 200) {
                    return; // 410 once the fake closes
                  }
                  String id = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").get();
                  seen.add(next.body());
                  if (next.body().equals("bad")) {
                    post(
                        BASE + "/invocation/" + id + "/error",
                        "{\"errorMessage\":\"bad input\",\"errorType\":\"BadInput\"}",
                        Map.of("Lambda-Runtime-Function-Error-Type", "Runtime.BadInput"));
                  } else {
                    post(
                        BASE + "/invocation/" + id + "/response",
                        next.body().toUpperCase(Locale.ROOT),
                        Map.of());
                  }
                }
              } catch (IOException | InterruptedException e) {
                // The fake is gone.
              }
            },
            "minimal-runtime");
    loop.setDaemon(true);
    loop.start();

    LambdaInvocation bad = fake.invoke("bad");
    LambdaInvocation good = fake.invoke("good");

    assertThat(fake.await(bad, WAIT).error().orElseThrow().errorType()).hasValue("BadInput");
    assertThat(fake.await(good, WAIT).text()).isEqualTo("GOOD");
    fake.awaitNextPolls(3, WAIT); // polling again after both
    fake.close();
    loop.join(WAIT.toMillis());
    assertThat(loop.isAlive()).isFalse();
    assertThat(seen).containsExactly("bad", "good");
  }

  @Test
  void answers_are_plain_http_1_1_with_a_content_length_on_a_kept_alive_connection()
      throws Exception {
    LambdaInvocation invocation = fake.invoke("{\"k\":\"é\"}");
    try (Socket socket = new Socket("127.0.0.1", fake.port())) {
      socket.setSoTimeout((int) WAIT.toMillis());
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();

      out.write(
          ("GET " + NEXT + " HTTP/1.1\r\nHost: " + fake.address() + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      List<String> head = readHead(in);
      assertThat(head.get(0)).isEqualTo("HTTP/1.1 200 OK");
      assertThat(head)
          .noneMatch(line -> line.toLowerCase(Locale.ROOT).startsWith("transfer-encoding"));
      byte[] event = "{\"k\":\"é\"}".getBytes(StandardCharsets.UTF_8);
      assertThat(lowerCase(head)).contains("content-length: " + event.length);
      assertThat(in.readNBytes(event.length)).isEqualTo(event);

      byte[] body = "\"ok\"".getBytes(StandardCharsets.UTF_8);
      out.write(
          ("POST "
                  + BASE
                  + "/invocation/"
                  + invocation.requestId()
                  + "/response HTTP/1.1\r\nHost: "
                  + fake.address()
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      List<String> accepted = readHead(in);
      assertThat(accepted.get(0)).isEqualTo("HTTP/1.1 202 Accepted");
      assertThat(lowerCase(accepted)).contains("content-length: 15");
      assertThat(new String(in.readNBytes(15), StandardCharsets.UTF_8))
          .isEqualTo("{\"status\":\"OK\"}");
    }
    assertThat(fake.await(invocation, WAIT).text()).isEqualTo("\"ok\"");
  }

  private static List<String> lowerCase(List<String> lines) {
    return lines.stream().map(line -> line.toLowerCase(Locale.ROOT)).toList();
  }

  private static List<String> readHead(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1).replaceAll("\r$", "");
        if (text.isEmpty()) {
          return lines;
        }
        lines.add(text);
        line.reset();
      } else {
        line.write(c);
      }
    }
    throw new IOException("Connection closed in the middle of a response head: " + lines);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return CLIENT.send(
        HttpRequest.newBuilder(fake.uri().resolve(path)).timeout(WAIT).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private CompletableFuture<HttpResponse<String>> getAsync(String path) {
    return CLIENT.sendAsync(
        HttpRequest.newBuilder(fake.uri().resolve(path)).timeout(WAIT).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(fake.uri().resolve(path))
            .timeout(WAIT)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
