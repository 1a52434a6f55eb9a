package dev.fn4j.knative;

import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.FunctionCatalog;
import dev.fn4j.core.http.EmbeddedHttpServer;
import dev.fn4j.core.platform.Environment;
import dev.fn4j.function.FunctionRegistrar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** A Knative adapter server on a free loopback port, with a plain HTTP client for it. */
final class KnativeTestServer implements AutoCloseable {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final EmbeddedHttpServer server;

  private KnativeTestServer(EmbeddedHttpServer server) {
    this.server = server;
  }

  static KnativeTestServer start(FunctionRegistrar functions, Map<String, String> environment) {
    Map<String, String> variables = new HashMap<>(environment);
    variables.putIfAbsent("PORT", "0");
    variables.putIfAbsent("FN4J_HTTP_HOST", "127.0.0.1");
    variables.putIfAbsent("K_SERVICE", "svc");
    try {
      return new KnativeTestServer(
          KnativePlatform.start(
              FunctionRuntime.of(Environment.of(variables), FunctionCatalog.of(functions))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static KnativeTestServer start(FunctionRegistrar functions) {
    return start(functions, Map.of());
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  EmbeddedHttpServer server() {
    return server;
  }

  /** POSTs a body with headers given as name, value, name, value... */
  HttpResponse<String> post(String path, String body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request.build());
  }

  /** POSTs a binary-mode event: the four required attributes, a content type and the data. */
  HttpResponse<String> postBinary(String type, String contentType, String data, String... more) {
    String[] headers = new String[8 + more.length];
    headers[0] = "ce-specversion";
    headers[1] = "1.0";
    headers[2] = "ce-id";
    headers[3] = "id-1";
    headers[4] = "ce-source";
    headers[5] = "/test";
    headers[6] = "ce-type";
    headers[7] = type;
    System.arraycopy(more, 0, headers, 8, more.length);
    if (contentType == null) {
      return post("/", data, headers);
    }
    String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
    all[headers.length] = "Content-Type";
    all[headers.length + 1] = contentType;
    return post("/", data, all);
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
