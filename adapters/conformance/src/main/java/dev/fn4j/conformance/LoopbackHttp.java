package dev.fn4j.conformance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Plain HTTP/1.1 to the servers the paths start on loopback, on one JDK client. Public for the
 * event paths ({@code dev.fn4j.conformance.event}).
 */
public final class LoopbackHttp {

  /** The longest wait for an answer. */
  public static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static final class Holder {
    private static final HttpClient CLIENT =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  private LoopbackHttp() {}

  /**
   * Sends a request and reads the whole answer.
   *
   * @param path the path's name, for failures
   * @param uri where to send it
   * @param method the method
   * @param headers the headers, each with its values
   * @param body the body; empty for none
   * @return the answer
   * @throws PathFailure when the server cannot be reached or does not answer in time
   */
  public static HttpResponse<byte[]> send(
      String path, URI uri, String method, Map<String, List<String>> headers, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(TIMEOUT)
            .method(
                method,
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
    try {
      return Holder.CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new PathFailure(path, method + " " + uri + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PathFailure(path, "interrupted while waiting for " + uri, e);
    }
  }

  /**
   * Reads the status, content type and body of an HTTP answer.
   *
   * @param response the answer
   * @return the outcome
   */
  public static Outcome outcome(HttpResponse<byte[]> response) {
    return Outcome.of(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(null),
        response.body());
  }

  /**
   * Returns the root address of a server on loopback.
   *
   * @param port its port
   * @return for example {@code http://127.0.0.1:41234}
   */
  public static URI root(int port) {
    return URI.create("http://127.0.0.1:" + port);
  }
}
