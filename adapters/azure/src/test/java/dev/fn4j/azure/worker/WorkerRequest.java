package dev.fn4j.azure.worker;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as the Java worker hands it to a function bound with {@code dataType = "binary"}:
 * the full URL, the method, single-valued headers and query parameters, and the body as bytes. Its
 * response builder is a {@link WorkerResponse}.
 */
public final class WorkerRequest implements HttpRequestMessage<Optional<byte[]>> {

  private final URI uri;
  private final HttpMethod method;
  private final Map<String, String> headers;
  private final Optional<byte[]> body;

  private WorkerRequest(
      URI uri, HttpMethod method, Map<String, String> headers, Optional<byte[]> body) {
    this.uri = uri;
    this.method = method;
    this.headers = Collections.unmodifiableMap(headers);
    this.body = body;
  }

  /**
   * Returns a request to the function app's host.
   *
   * @param method the method
   * @param pathAndQuery for example {@code /api/uppercase?x=1}
   * @param body the body, or null for none
   * @param headers header names and values, alternating
   * @return the request
   */
  public static WorkerRequest of(
      String method, String pathAndQuery, byte[] body, String... headers) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < headers.length; i += 2) {
      map.put(headers[i], headers[i + 1]);
    }
    return new WorkerRequest(
        URI.create("https://fn4j-app.azurewebsites.net" + pathAndQuery),
        HttpMethod.value(method),
        map,
        Optional.ofNullable(body));
  }

  /**
   * Returns a POST with a text body.
   *
   * @param pathAndQuery the path and query
   * @param body the body, in UTF-8
   * @param headers header names and values, alternating
   * @return the request
   */
  public static WorkerRequest post(String pathAndQuery, String body, String... headers) {
    return of("POST", pathAndQuery, body.getBytes(StandardCharsets.UTF_8), headers);
  }

  /**
   * Returns a request without a body.
   *
   * @param method the method
   * @param pathAndQuery the path and query
   * @param headers header names and values, alternating
   * @return the request
   */
  public static WorkerRequest empty(String method, String pathAndQuery, String... headers) {
    return of(method, pathAndQuery, null, headers);
  }

  /**
   * Returns a copy with another method.
   *
   * @param method the method
   * @return the request
   */
  public WorkerRequest withMethod(String method) {
    return new WorkerRequest(uri, HttpMethod.value(method), headers, body);
  }

  @Override
  public URI getUri() {
    return uri;
  }

  @Override
  public HttpMethod getHttpMethod() {
    return method;
  }

  @Override
  public Map<String, String> getHeaders() {
    return headers;
  }

  @Override
  public Map<String, String> getQueryParameters() {
    Map<String, String> query = new LinkedHashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int equals = pair.indexOf('=');
        query.put(
            equals < 0 ? pair : pair.substring(0, equals),
            equals < 0 ? "" : pair.substring(equals + 1));
      }
    }
    return query;
  }

  @Override
  public Optional<byte[]> getBody() {
    return body;
  }

  @Override
  public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
    return new WorkerResponse.Builder(status);
  }

  @Override
  public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
    return new WorkerResponse.Builder(status);
  }
}
