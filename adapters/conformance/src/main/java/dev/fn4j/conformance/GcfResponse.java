package dev.fn4j.conformance;

import com.google.cloud.functions.HttpResponse;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The response Google's Java function invoker gives an {@code HttpFunction}, kept in memory: status
 * 200 until set, the content type, appended headers, and a body written through the stream or the
 * writer. Not thread-safe; one per call.
 */
final class GcfResponse implements HttpResponse {

  private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private int status = 200;
  private String contentType;
  private BufferedWriter writer;

  @Override
  public void setStatusCode(int code) {
    status = code;
  }

  @Override
  public void setStatusCode(int code, String message) {
    status = code;
  }

  @Override
  public void setContentType(String type) {
    contentType = type;
  }

  @Override
  public Optional<String> getContentType() {
    return Optional.ofNullable(contentType);
  }

  @Override
  public void appendHeader(String name, String value) {
    if (name.equalsIgnoreCase("Content-Type")) {
      contentType = value;
      return;
    }
    headers.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
  }

  @Override
  public Map<String, List<String>> getHeaders() {
    Map<String, List<String>> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> all.put(name, List.copyOf(values)));
    if (contentType != null) {
      all.put("Content-Type", List.of(contentType));
    }
    return Collections.unmodifiableMap(all);
  }

  @Override
  public OutputStream getOutputStream() {
    return body;
  }

  @Override
  public BufferedWriter getWriter() {
    if (writer == null) {
      writer = new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
    }
    return writer;
  }

  /**
   * Returns what the client gets, once the function has returned.
   *
   * @return the outcome
   */
  Outcome outcome() {
    if (writer != null) {
      try {
        writer.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Outcome.of(status, contentType, body.toByteArray());
  }
}
