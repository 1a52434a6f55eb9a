package dev.fn4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A small HTTP server in place of a runtime or handler the platform fakes talk to: records every
 * request, answers as told. The test double of the host fakes' tests.
 */
final class RecordingServer implements AutoCloseable {

  /** One request as the server saw it. */
  record Recorded(
      String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

    String header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as JSON, for requests that carry the Azure host's JSON payloads. */
    @SuppressWarnings("unchecked")
    Map<String, Object> json() {
      return (Map<String, Object>) AzureJson.read(body).orElseThrow();
    }
  }

  /** What the server answers. */
  record Answer(int status, Map<String, String> headers, String body) {}

  private final HttpServer http;
  private final ExecutorService executor;
  private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
  private volatile Function<Recorded, Answer> answer;

  private RecordingServer(HttpServer http, ExecutorService executor, Answer first) {
    this.http = http;
    this.executor = executor;
    this.answer = request -> first;
  }

  /**
   * Starts a server on a free loopback port.
   *
   * @param first what it answers until told otherwise
   * @return the server
   */
  static RecordingServer start(Answer first) {
    try {
      HttpServer http =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
      ExecutorService executor = Executors.newFixedThreadPool(4);
      RecordingServer server = new RecordingServer(http, executor, first);
      http.createContext("/", server::handle);
      http.setExecutor(executor);
      http.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
  }

  void answer(Function<Recorded, Answer> newAnswer) {
    answer = newAnswer;
  }

  List<Recorded> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  Recorded only() {
    assertThat(requests()).hasSize(1);
    return requests().get(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      exchange
          .getRequestHeaders()
          .forEach((name, values) -> headers.put(name, List.copyOf(values)));
      Recorded request =
          new Recorded(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              exchange.getRequestURI().getRawQuery(),
              Collections.unmodifiableMap(headers),
              exchange.getRequestBody().readAllBytes());
      requests.add(request);
      Answer reply = answer.apply(request);
      reply.headers().forEach(exchange.getResponseHeaders()::add);
      byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
      boolean empty = body.length == 0 || request.method().equals("HEAD");
      exchange.sendResponseHeaders(reply.status(), empty ? -1 : body.length);
      if (!empty) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  @Override
  public void close() {
    http.stop(0);
    executor.shutdownNow();
  }
}
