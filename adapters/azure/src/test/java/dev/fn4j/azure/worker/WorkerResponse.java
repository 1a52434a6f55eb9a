package dev.fn4j.azure.worker;

import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatusType;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP response as the Java worker's builder makes it: one value per header name (a second
 * {@code header(name, value)} replaces the first, as the worker's builder does), a status, and a
 * body object.
 */
public final class WorkerResponse implements HttpResponseMessage {

  private final HttpStatusType status;
  private final Map<String, String> headers;
  private final Object body;

  private WorkerResponse(HttpStatusType status, Map<String, String> headers, Object body) {
    this.status = status;
    this.headers = Map.copyOf(headers);
    this.body = body;
  }

  @Override
  public HttpStatusType getStatus() {
    return status;
  }

  @Override
  public String getHeader(String key) {
    return headers.get(key);
  }

  @Override
  public Object getBody() {
    return body;
  }

  /**
   * Returns every header as set.
   *
   * @return the headers
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * Finds a header whatever the case of its name.
   *
   * @param name the name
   * @return its value
   */
  public Optional<String> header(String name) {
    return headers.entrySet().stream()
        .filter(header -> header.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /**
   * Returns the body as bytes.
   *
   * @return the bytes; empty when there is no body
   * @throws AssertionError when the body is neither bytes nor text
   */
  public byte[] bytes() {
    if (body == null) {
      return new byte[0];
    }
    if (body instanceof byte[] bytes) {
      return bytes;
    }
    if (body instanceof String text) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    throw new AssertionError("a body of " + body.getClass());
  }

  /**
   * Returns the body as UTF-8 text.
   *
   * @return the text
   */
  public String text() {
    return new String(bytes(), StandardCharsets.UTF_8);
  }

  /** The builder {@link WorkerRequest#createResponseBuilder} returns. */
  static final class Builder implements HttpResponseMessage.Builder {

    private HttpStatusType status;
    private final Map<String, String> headers = new HashMap<>();
    private Object body;

    Builder(HttpStatusType status) {
      this.status = Objects.requireNonNull(status, "status");
    }

    @Override
    public HttpResponseMessage.Builder status(HttpStatusType status) {
      this.status = Objects.requireNonNull(status, "status");
      return this;
    }

    @Override
    public HttpResponseMessage.Builder header(String key, String value) {
      headers.put(key, value);
      return this;
    }

    @Override
    public HttpResponseMessage.Builder body(Object body) {
      this.body = body;
      return this;
    }

    @Override
    public HttpResponseMessage build() {
      return new WorkerResponse(status, new LinkedHashMap<>(headers), body);
    }
  }
}
