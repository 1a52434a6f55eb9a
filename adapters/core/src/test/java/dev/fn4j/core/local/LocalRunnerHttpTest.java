package dev.fn4j.core.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.FunctionCatalog;
import dev.fn4j.core.http.EmbeddedHttpServer;
import dev.fn4j.core.platform.Environment;
import dev.fn4j.function.Cookie;
import dev.fn4j.function.Headers;
import dev.fn4j.function.HttpReply;
import dev.fn4j.function.Message;
import dev.fn4j.function.TypeRef;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The local runner over real HTTP on a free loopback port. */
class LocalRunnerHttpTest {

  /** A JSON input. */
  public record Person(String name) {}

  /** A JSON output. */
  public record Greeting(String message) {}

  private static final String SECRET = "secret-password-42";
  private static final int MAX_BODY = 4096;

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final List<String> sunk = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();
  private final List<EmbeddedHttpServer> servers = new ArrayList<>();
  private EmbeddedHttpServer server;

  private FunctionCatalog catalog() {
    return FunctionCatalog.of(
        registry ->
            registry
                .function("uppercase", String.class, String.class, s -> s.toUpperCase(Locale.ROOT))
                .function(
                    "reverse",
                    String.class,
                    String.class,
                    s -> new StringBuilder(s).reverse().toString())
                .function(
                    "greet", Person.class, Greeting.class, p -> new Greeting("Hello, " + p.name()))
                .supplier("clock", TypeRef.of(String.class), () -> "tick")
                .consumer("sink", TypeRef.of(String.class), sunk::add)
                .function(
                    "boom",
                    String.class,
                    String.class,
                    s -> {
                      throw new IllegalStateException(SECRET);
                    })
                .function(
                    "created",
                    TypeRef.of(String.class),
                    new TypeRef<HttpReply<String>>() {},
                    s ->
                        HttpReply.of(201, "made " + s)
                            .withHeader("Location", "/orders/" + s)
                            .withHeader("X-Multi", "one")
                            .withHeader("X-Multi", "two")
                            .withCookie(
                                Cookie.of("session", "xyz").withPath("/").withHttpOnly(true))
                            .withCookie(Cookie.of("theme", "dark")))
                .function(
                    "inject",
                    TypeRef.of(String.class),
                    new TypeRef<Message<String>>() {},
                    s ->
                        Message.of(
                            "ok",
                            Headers.builder()
                                .add("X-Safe", "fine")
                                .add("X-Evil", "a\r\nSet-Cookie: hacked=1")
                                .add("X-Split", "b\nInjected: yes")
                                .add("X-Bad\r\nInjected-Name", "c")
                                .add("Set-Cookie", "hacked=2")
                                .build()))
                .function("slow", String.class, String.class, this::slowly));
  }

  private String slowly(String text) {
    int now = inFlight.incrementAndGet();
    mostInFlight.accumulateAndGet(now, Math::max);
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      inFlight.decrementAndGet();
    }
    return text;
  }

  private EmbeddedHttpServer start(Map<String, String> variables) throws IOException {
    Map<String, String> environment = new HashMap<>(variables);
    environment.putIfAbsent("PORT", "0");
    EmbeddedHttpServer started =
        LocalPlatform.start(FunctionRuntime.of(Environment.of(environment), catalog()));
    servers.add(started);
    return started;
  }

  @BeforeEach
  void startServer() throws IOException {
    server = start(Map.of("FN4J_MAX_BODY_BYTES", String.valueOf(MAX_BODY)));
  }

  @AfterEach
  void stopServers() {
    servers.forEach(running -> running.stop(Duration.ZERO));
  }

  private static URI uri(EmbeddedHttpServer target, String path) {
    return URI.create("http://127.0.0.1:" + target.port() + path);
  }

  private HttpResponse<String> send(String method, String path, String contentType, String body)
      throws Exception {
    return send(
        method,
        path,
        contentType,
        body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
  }

  private HttpResponse<String> send(
      String method, String path, String contentType, BodyPublisher body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(server, path))
            .timeout(Duration.ofSeconds(10))
            .method(method, body);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return CLIENT.send(request.build(), BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return send("POST", path, "text/plain", body);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send("GET", path, null, (String) null);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String body) {
    try {
      return dev.fn4j.core.convert.JsonCodec.instance().mapper().readValue(body, Map.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }

  /** Checks the problem body of DESIGN.md §6: status, function, phase, and nothing leaked. */
  private static Map<String, Object> assertProblem(
      HttpResponse<String> response, int status, String function, String phase) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    String body = response.body();
    assertThat(body)
        .doesNotContain("\tat ")
        .doesNotContain("at dev.fn4j.")
        .doesNotContain(".java:")
        .doesNotContain("Exception:")
        .doesNotContain(SECRET);
    Map<String, Object> problem = json(body);
    assertThat(problem)
        .containsEntry("status", status)
        .containsEntry("function", function)
        .containsEntry("phase", phase)
        .containsKeys("type", "title", "detail", "requestId");
    assertThat((String) problem.get("detail")).contains("'" + function + "'").contains(phase);
    return problem;
  }

  @Nested
  class Invocation {

    @Test
    void postsTextToAStringFunction() throws Exception {
      // when
      HttpResponse<String> response = post("/uppercase", "hello");

      // then
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("HELLO");
      assertThat(response.headers().firstValue("Content-Type"))
          .contains("text/plain; charset=UTF-8");
    }

    @Test
    void neverParsesJsonForAStringFunction() throws Exception {
      // when
      HttpResponse<String> response =
          send("POST", "/uppercase", "application/json", "{\"name\":\"ada\"}");

      // then
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("{\"NAME\":\"ADA\"}");
    }

    @Test
    void postsJsonToARecordFunction() throws Exception {
      // when
      HttpResponse<String> response =
          send("POST", "/greet", "application/json; charset=UTF-8", "{\"name\":\"Ada\"}");

      // then
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
      assertThat(json(response.body())).isEqualTo(Map.of("message", "Hello, Ada"));
    }

    @Test
    void getsASupplier() throws Exception {
      // when
      HttpResponse<String> response = get("/clock");

      // then
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("tick");
    }

    @Test
    void answersNoContentForAConsumer() throws Exception {
      // when
      HttpResponse<String> response = post("/sink", "line one");

      // then
      assertThat(response.statusCode()).isEqualTo(204);
      assertThat(response.body()).isEmpty();
      assertThat(response.headers().firstValue("Content-Type")).isEmpty();
      assertThat(sunk).containsExactly("line one");
    }

    @Test
    void composesFunctionsWithAnEncodedPipe() throws Exception {
      // when
      HttpResponse<String> response = post("/uppercase%7Creverse", "abc");

      // then
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("CBA");
    }

    @Test
    void composesFunctionsWithAComma() throws Exception {
      // when
      HttpResponse<String> response = post("/reverse,uppercase", "xyz");

      // then
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("ZYX");
    }

    @Test
    void composesASupplierWithAFunctionOnGet() throws Exception {
      // when
      HttpResponse<String> response = get("/clock%7Cuppercase");

      // then
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("TICK");
    }

    @Test
    void acceptsABodyOfExactlyTheLimit() throws Exception {
      // when
      HttpResponse<String> response = post("/uppercase", "a".repeat(MAX_BODY));

      // then
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("A".repeat(MAX_BODY));
    }

    @Test
    void sendsTheStatusHeadersAndCookiesOfAnHttpReply() throws Exception {
      // when
      HttpResponse<String> response = post("/created", "42");

      // then
      assertThat(response.statusCode()).isEqualTo(201);
      assertThat(response.body()).isEqualTo("made 42");
      assertThat(response.headers().firstValue("Location")).contains("/orders/42");
      assertThat(response.headers().allValues("X-Multi")).containsExactly("one", "two");
      assertThat(response.headers().allValues("Set-Cookie"))
          .containsExactlyInAnyOrder("session=xyz; Path=/; HttpOnly", "theme=dark");
      assertThat(response.headers().firstValue("Content-Type"))
          .contains("text/plain; charset=UTF-8");
    }

    @Test
    void dropsReplyHeadersThatWouldSplitTheResponse() throws Exception {
      // when
      HttpResponse<String> response = post("/inject", "x");

      // then
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("ok");
      Map<String, List<String>> headers = response.headers().map();
      assertThat(response.headers().firstValue("X-Safe")).contains("fine");
      assertThat(response.headers().firstValue("X-Evil")).isEmpty();
      assertThat(response.headers().firstValue("X-Split")).isEmpty();
      assertThat(response.headers().firstValue("Injected")).isEmpty();
      assertThat(response.headers().firstValue("Injected-Name")).isEmpty();
      assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
      assertThat(headers.toString()).doesNotContain("hacked").doesNotContain("Injected");
    }

    @Test
    void servesTenSlowRequestsAtOnce() throws Exception {
      // given
      List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();

      // when
      for (int i = 0; i < 10; i++) {
        HttpRequest request =
            HttpRequest.newBuilder(uri(server, "/slow"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString("request " + i))
                .build();
        responses.add(CLIENT.sendAsync(request, BodyHandlers.ofString()));
      }
      CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new)).join();

      // then
      for (int i = 0; i < 10; i++) {
        HttpResponse<String> response = responses.get(i).join();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("request " + i);
      }
      assertThat(mostInFlight.get()).isGreaterThan(1);
    }
  }

  @Nested
  class Listing {

    @Test
    @SuppressWarnings("unchecked")
    void listsEveryFunctionWithKindTypesMethodAndPath() throws Exception {
      // when
      HttpResponse<String> response = get("/");

      // then
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
      Map<String, Object> listing = json(response.body());
      assertThat(listing).doesNotContainKey("selected");
      List<Map<String, Object>> functions = (List<Map<String, Object>>) listing.get("functions");
      assertThat(functions)
          .extracting(f -> f.get("name"))
          .containsExactly(
              "uppercase",
              "reverse",
              "greet",
              "clock",
              "sink",
              "boom",
              "created",
              "inject",
              "slow");
      Map<String, Map<String, Object>> byName = new HashMap<>();
      functions.forEach(f -> byName.put((String) f.get("name"), f));
      assertThat(byName.get("uppercase"))
          .containsEntry("kind", "function")
          .containsEntry("input", "java.lang.String")
          .containsEntry("output", "java.lang.String")
          .containsEntry("method", "POST")
          .containsEntry("path", "/uppercase");
      assertThat(byName.get("greet"))
          .containsEntry("input", Person.class.getName())
          .containsEntry("output", Greeting.class.getName());
      assertThat(byName.get("clock"))
          .containsEntry("kind", "supplier")
          .containsEntry("input", null)
          .containsEntry("output", "java.lang.String")
          .containsEntry("method", "GET");
      assertThat(byName.get("sink"))
          .containsEntry("kind", "consumer")
          .containsEntry("input", "java.lang.String")
          .containsEntry("output", null)
          .containsEntry("method", "POST");
      assertThat(byName.get("created"))
          .containsEntry("output", "dev.fn4j.function.HttpReply<java.lang.String>");
    }

    @Test
    void namesTheSelectionAndRoutesEveryPathToIt() throws Exception {
      // given
      server = start(Map.of("FN4J_FUNCTION", "uppercase|reverse"));

      // when
      HttpResponse<String> listing = get("/");
      HttpResponse<String> anyPath = post("/greet", "abc");

      // then
      assertThat(json(listing.body())).containsEntry("selected", "uppercase|reverse");
      assertThat(anyPath.statusCode()).isEqualTo(200);
      assertThat(anyPath.body()).isEqualTo("CBA");
    }
  }

  @Nested
  class Failures {

    @Test
    void answersNotFoundForAnUnknownFunction() throws Exception {
      // when
      HttpResponse<String> response = post("/nope", "x");

      // then
      assertProblem(response, 404, "nope", "ROUTE");
    }

    @Test
    void answersNotFoundForAnUnknownStageOfAComposition() throws Exception {
      // when
      HttpResponse<String> response = post("/uppercase%7Cnope", "x");

      // then
      assertProblem(response, 404, "nope", "ROUTE");
    }

    @Test
    void refusesGetOnAFunctionWithAllowPost() throws Exception {
      // when
      HttpResponse<String> response = get("/uppercase");

      // then
      assertProblem(response, 405, "uppercase", "ROUTE");
      assertThat(response.headers().allValues("Allow")).containsExactly("POST");
    }

    @Test
    void refusesPostOnASupplierWithAllowGet() throws Exception {
      // when
      HttpResponse<String> response = post("/clock", "x");

      // then
      assertProblem(response, 405, "clock", "ROUTE");
      assertThat(response.headers().allValues("Allow")).containsExactly("GET");
    }

    @Test
    void refusesPutWithAllowPost() throws Exception {
      // when
      HttpResponse<String> response = send("PUT", "/sink", "text/plain", "x");

      // then
      assertProblem(response, 405, "sink", "ROUTE");
      assertThat(response.headers().allValues("Allow")).containsExactly("POST");
      assertThat(sunk).isEmpty();
    }

    @Test
    void refusesTextForARecordInput() throws Exception {
      // when
      HttpResponse<String> response = send("POST", "/greet", "text/plain", "{\"name\":\"Ada\"}");

      // then
      assertProblem(response, 415, "greet", "DECODE");
    }

    @Test
    void refusesMalformedJson() throws Exception {
      // when
      HttpResponse<String> response = send("POST", "/greet", "application/json", "{name: Ada");

      // then
      Map<String, Object> problem = assertProblem(response, 400, "greet", "DECODE");
      assertThat((String) problem.get("detail")).contains("not JSON for");
    }

    @Test
    void refusesABodyOverTheLimitWithContentLength() throws Exception {
      // when
      HttpResponse<String> response = post("/uppercase", "a".repeat(MAX_BODY + 1));

      // then
      Map<String, Object> problem = assertProblem(response, 413, "uppercase", "DECODE");
      assertThat((String) problem.get("detail")).contains(String.valueOf(MAX_BODY));
    }

    @Test
    void refusesAChunkedBodyOverTheLimit() throws Exception {
      // given
      byte[] large = "b".repeat(MAX_BODY * 2).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      BodyPublisher chunked = BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large));

      // when
      HttpResponse<String> response = send("POST", "/uppercase", "text/plain", chunked);

      // then
      assertProblem(response, 413, "uppercase", "DECODE");
    }

    @Test
    void answersServerErrorWithoutTheExceptionMessageWhenTheFunctionThrows() throws Exception {
      // when
      HttpResponse<String> response = post("/boom", "x");

      // then
      Map<String, Object> problem = assertProblem(response, 500, "boom", "INVOKE");
      assertThat((String) problem.get("detail")).contains("java.lang.IllegalStateException");
    }

    @Test
    void keepsServingAfterAFailure() throws Exception {
      // given
      post("/boom", "x");

      // when
      HttpResponse<String> response = post("/uppercase", "still here");

      // then
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("STILL HERE");
    }
  }

  @Nested
  class Binding {

    @Test
    void bindsToLoopbackByDefault() {
      // when
      var address = server.address().getAddress();

      // then
      assertThat(address.isLoopbackAddress()).isTrue();
      assertThat(server.port()).isPositive();
    }

    @Test
    void bindsToAllInterfacesWhenAskedTo() throws Exception {
      // given
      EmbeddedHttpServer everywhere = start(Map.of("FN4J_HTTP_HOST", "0.0.0.0"));

      // when
      HttpResponse<String> response =
          CLIENT.send(
              HttpRequest.newBuilder(uri(everywhere, "/clock")).GET().build(),
              BodyHandlers.ofString());

      // then
      assertThat(everywhere.address().getAddress().isAnyLocalAddress()).isTrue();
      assertThat(response.body()).isEqualTo("tick");
    }

    @Test
    void stopsListeningWhenStopped() throws Exception {
      // given
      EmbeddedHttpServer stopping = start(Map.of());
      URI clock = uri(stopping, "/clock");

      // when
      stopping.stop(Duration.ZERO);
      servers.remove(stopping);

      // then
      HttpRequest request = HttpRequest.newBuilder(clock).timeout(Duration.ofSeconds(5)).build();
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> CLIENT.send(request, BodyHandlers.ofString()))
          .isInstanceOf(IOException.class);
    }
  }

  @Nested
  class Stopping {

    @Test
    void stopsAtOnceWhenNoRequestIsInFlight() throws Exception {
      // given
      EmbeddedHttpServer idle = start(Map.of("FN4J_DRAIN_SECONDS", "30"));
      servers.remove(idle);

      // when / then: far below the drain time, so only a needless wait can fail it
      assertTimeoutPreemptively(Duration.ofSeconds(5), () -> idle.stop());
    }

    @Test
    void letsARequestInFlightFinishBeforeStopping() throws Exception {
      // given
      EmbeddedHttpServer draining = start(Map.of());
      servers.remove(draining);
      HttpRequest request =
          HttpRequest.newBuilder(uri(draining, "/slow"))
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "text/plain")
              .POST(BodyPublishers.ofString("in flight"))
              .build();
      CompletableFuture<HttpResponse<String>> response =
          CLIENT.sendAsync(request, BodyHandlers.ofString());
      while (inFlight.get() == 0 && !response.isDone()) {
        Thread.sleep(5);
      }

      // when
      draining.stop(Duration.ofSeconds(5));

      // then
      assertThat(response.join().statusCode()).isEqualTo(200);
      assertThat(response.join().body()).isEqualTo("in flight");
    }

    @Test
    void refusesNewRequestsWithServiceUnavailableWhileDraining() throws Exception {
      // given a request in flight, and a stop waiting for it
      EmbeddedHttpServer draining = start(Map.of());
      servers.remove(draining);
      CompletableFuture<HttpResponse<String>> inFlightResponse =
          CLIENT.sendAsync(
              HttpRequest.newBuilder(uri(draining, "/slow"))
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "text/plain")
                  .POST(BodyPublishers.ofString("in flight"))
                  .build(),
              BodyHandlers.ofString());
      while (inFlight.get() == 0 && !inFlightResponse.isDone()) {
        Thread.sleep(5);
      }
      CompletableFuture<Boolean> stopped =
          CompletableFuture.supplyAsync(() -> draining.stop(Duration.ofSeconds(5)));
      Thread.sleep(50);

      // when a new request arrives during the drain
      HttpResponse<String> refused =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(uri(draining, "/uppercase"))
                      .timeout(Duration.ofSeconds(5))
                      .header("Content-Type", "text/plain")
                      .POST(BodyPublishers.ofString("late"))
                      .build(),
                  BodyHandlers.ofString());

      // then
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(refused.body()).contains("\"status\":503").contains("shutting down");
      assertThat(inFlightResponse.join().statusCode()).isEqualTo(200);
      assertThat(stopped.join()).isTrue();
    }
  }
}
