package dev.fn4j.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Calls functions over HTTP, with the JDK's {@link HttpClient}: {@code POST /uppercase}, {@code GET
 * /fortune}, {@code GET /} and so on. Every call waits for the reply and returns it as a {@link
 * Reply}, whatever its status; only a failure to connect or a timeout throws.
 *
 * <p>Paths are given as the server should see them, decoded: characters a URI does not allow, such
 * as {@code |} in {@code /uppercase|reverse} or spaces, are percent-encoded by the client; a {@code
 * ?} starts the query.
 *
 * <p>Immutable and thread-safe: {@link #withHeader(String, String)} and {@link
 * #withTimeout(Duration)} return new clients. All clients share one HTTP/1.1 connection pool.
 */
public final class FunctionClient {

  /** How long a call waits for its reply unless {@link #withTimeout(Duration)} says otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private static final String TEXT = "text/plain; charset=utf-8";

  private final URI base;
  private final Map<String, String> headers;
  private final Duration timeout;

  private FunctionClient(URI base, Map<String, String> headers, Duration timeout) {
    this.base = base;
    this.headers = headers;
    this.timeout = timeout;
  }

  /**
   * Creates a client for a server.
   *
   * @param base the server's address, for example {@code http://127.0.0.1:41234}; a path in it is
   *     ignored
   * @return the client
   * @throws IllegalArgumentException when the address is not an absolute {@code http} URI
   */
  public static FunctionClient of(URI base) {
    Objects.requireNonNull(base, "base");
    if (!"http".equalsIgnoreCase(base.getScheme()) || base.getHost() == null) {
      throw new IllegalArgumentException("A function client needs an http:// address, not " + base);
    }
    URI root;
    try {
      root = new URI("http", null, base.getHost(), base.getPort(), null, null, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Unusable address " + base, e);
    }
    return new FunctionClient(root, Map.of(), DEFAULT_TIMEOUT);
  }

  /**
   * Returns the server's address.
   *
   * @return for example {@code http://127.0.0.1:41234}
   */
  public URI baseUri() {
    return base;
  }

  /**
   * Returns a client that sends a header with every request, besides this client's headers.
   *
   * @param name the header name, for example {@code traceparent}
   * @param value the value
   * @return the new client
   */
  public FunctionClient withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new FunctionClient(base, Map.copyOf(more), timeout);
  }

  /**
   * Returns a client whose calls wait at most this long for their reply.
   *
   * @param newTimeout the longest wait
   * @return the new client
   */
  public FunctionClient withTimeout(Duration newTimeout) {
    if (newTimeout.isNegative() || newTimeout.isZero()) {
      throw new IllegalArgumentException("A timeout must be positive, not " + newTimeout);
    }
    return new FunctionClient(base, headers, newTimeout);
  }

  /**
   * Sends {@code GET /}: the local runner lists its functions.
   *
   * @return the reply
   */
  public Reply list() {
    return get("/");
  }

  /**
   * Sends a {@code GET}, as a supplier is invoked.
   *
   * @param path for example {@code /fortune}
   * @return the reply
   */
  public Reply get(String path) {
    return send("GET", path, null, null);
  }

  /**
   * Sends a {@code POST} with a text body, as {@code text/plain; charset=utf-8}.
   *
   * @param path for example {@code /uppercase}
   * @param body the text, sent as UTF-8
   * @return the reply
   */
  public Reply post(String path, String body) {
    return post(path, body, TEXT);
  }

  /**
   * Sends a {@code POST} with a text body and a content type.
   *
   * @param path for example {@code /greet}
   * @param body the text, encoded with the content type's charset (UTF-8 when it names none)
   * @param contentType for example {@code application/json} or {@code text/plain;
   *     charset=ISO-8859-1}
   * @return the reply
   * @throws IllegalArgumentException when the content type names an unknown charset
   */
  public Reply post(String path, String body, String contentType) {
    return post(path, body.getBytes(Reply.charsetOf(contentType, true)), contentType);
  }

  /**
   * Sends a {@code POST} with a binary body and a content type.
   *
   * @param path the path
   * @param body the bytes
   * @param contentType for example {@code application/octet-stream}
   * @return the reply
   */
  public Reply post(String path, byte[] body, String contentType) {
    return send("POST", path, body, contentType);
  }

  /**
   * Sends any request.
   *
   * @param method for example {@code PUT}
   * @param path the path, decoded
   * @param body the body, or null for none
   * @param contentType the body's content type, or null for none
   * @return the reply
   * @throws UncheckedIOException when the server cannot be reached or the call times out
   */
  public Reply send(String method, String path, byte[] body, String contentType) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .timeout(timeout)
            .method(
                Objects.requireNonNull(method, "method"),
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    if (contentType != null) {
      request.setHeader("Content-Type", contentType);
    }
    try {
      HttpResponse<byte[]> response =
          Shared.CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return Reply.of(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + base + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " " + base + path + " was interrupted", e);
    }
  }

  private URI uri(String path) {
    Objects.requireNonNull(path, "path");
    String absolute = path.startsWith("/") ? path : "/" + path;
    int question = absolute.indexOf('?');
    try {
      return new URI(
          "http",
          null,
          base.getHost(),
          base.getPort(),
          question < 0 ? absolute : absolute.substring(0, question),
          question < 0 ? null : absolute.substring(question + 1),
          null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Unusable path '" + path + "'", e);
    }
  }

  @Override
  public String toString() {
    return "FunctionClient[" + base + "]";
  }

  /** The one JDK client, made on first use. */
  private static final class Shared {
    static final HttpClient CLIENT =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private Shared() {}
  }
}
