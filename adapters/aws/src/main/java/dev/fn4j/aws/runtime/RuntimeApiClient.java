package dev.fn4j.aws.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A minimal client of the Lambda Runtime API ({@code /2018-06-01/runtime/...}) on {@code
 * AWS_LAMBDA_RUNTIME_API}, on the JDK's {@link HttpURLConnection}, which keeps the connection alive
 * between calls and loads far fewer classes at start-up than {@code java.net.http}.
 */
final class RuntimeApiClient {

  private static final String BASE = "/2018-06-01/runtime";

  private final String origin;

  RuntimeApiClient(String address) {
    this.origin = "http://" + address;
  }

  /** The next invocation: its event and the Runtime API's headers. */
  record Next(byte[] event, Map<String, String> headers) {
    String header(String name) {
      return headers.get(name);
    }
  }

  /** Blocks until Lambda has the next invocation. */
  Next next() throws IOException {
    HttpURLConnection connection = open(BASE + "/invocation/next", "GET");
    connection.setReadTimeout(0);
    int status = connection.getResponseCode();
    if (status != 200) {
      drain(connection);
      throw new IOException("Runtime API /invocation/next answered " + status);
    }
    Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    connection
        .getHeaderFields()
        .forEach(
            (name, values) -> {
              if (name != null && !values.isEmpty()) {
                headers.put(name, values.get(0));
              }
            });
    try (InputStream in = connection.getInputStream()) {
      return new Next(in.readAllBytes(), headers);
    }
  }

  void respond(String requestId, byte[] response) throws IOException {
    post(BASE + "/invocation/" + requestId + "/response", response, null);
  }

  void fail(String requestId, String errorType, String errorMessage) throws IOException {
    post(BASE + "/invocation/" + requestId + "/error", error(errorType, errorMessage), errorType);
  }

  void failInit(String errorType, String errorMessage) throws IOException {
    post(BASE + "/init/error", error(errorType, errorMessage), errorType);
  }

  private static byte[] error(String errorType, String errorMessage) {
    return dev.fn4j.core.convert.JsonTree.write(
            Map.of(
                "errorType",
                errorType,
                "errorMessage",
                errorMessage,
                "stackTrace",
                java.util.List.of()))
        .getBytes(StandardCharsets.UTF_8);
  }

  private void post(String path, byte[] body, String errorType) throws IOException {
    HttpURLConnection connection = open(path, "POST");
    connection.setDoOutput(true);
    connection.setFixedLengthStreamingMode(body.length);
    connection.setRequestProperty("Content-Type", "application/json");
    if (errorType != null) {
      connection.setRequestProperty("Lambda-Runtime-Function-Error-Type", errorType);
    }
    try (OutputStream out = connection.getOutputStream()) {
      out.write(body);
    }
    int status = connection.getResponseCode();
    drain(connection);
    if (status / 100 != 2) {
      throw new IOException("Runtime API " + path + " answered " + status);
    }
  }

  private HttpURLConnection open(String path, String method) throws IOException {
    URL url = URI.create(origin + path).toURL();
    HttpURLConnection connection = (HttpURLConnection) url.openConnection();
    connection.setRequestMethod(method);
    connection.setConnectTimeout(10_000);
    return connection;
  }

  /** Reads what is left so that the connection can be reused. */
  private static void drain(HttpURLConnection connection) throws IOException {
    InputStream in =
        connection.getResponseCode() >= 400
            ? connection.getErrorStream()
            : connection.getInputStream();
    if (in != null) {
      try (in) {
        in.readAllBytes();
      }
    }
  }
}
