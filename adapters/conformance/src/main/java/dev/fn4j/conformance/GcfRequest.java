package dev.fn4j.conformance;

import com.google.cloud.functions.HttpRequest;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link Call} as Google's Java function invoker hands it to an {@code HttpFunction}: the method,
 * the raw path, no query, the headers (names ignoring case, {@code Content-Length} included as the
 * server received it) and the body, readable once either as bytes or as text.
 */
final class GcfRequest implements HttpRequest {

  /** The host of the URL every request reports. */
  static final String HOST = "fn4j-conformance-abcdefghij-uc.a.run.app";

  private final String method;
  private final String rawPath;
  private final byte[] body;
  private final boolean chunked;
  private final Map<String, List<String>> headers;

  /**
   * Creates the request from its parts, for requests a {@link Call} cannot express.
   *
   * @param method the method
   * @param rawPath the path as sent, percent-encoded
   * @param headers the headers as sent, a name possibly repeated
   * @param body the body
   * @param chunked whether it was sent without a {@code Content-Length}
   */
  GcfRequest(
      String method,
      String rawPath,
      List<Map.Entry<String, String>> headers,
      byte[] body,
      boolean chunked) {
    this.method = method;
    this.rawPath = rawPath;
    this.body = body.clone();
    this.chunked = chunked;
    TreeMap<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(
        header ->
            map.computeIfAbsent(header.getKey(), key -> new ArrayList<>()).add(header.getValue()));
    if (body.length > 0 && !chunked) {
      map.putIfAbsent("Content-Length", List.of(Integer.toString(body.length)));
    }
    map.replaceAll((name, values) -> List.copyOf(values));
    this.headers = Collections.unmodifiableMap(map);
  }

  /**
   * Creates the request for a call.
   *
   * @param call the call
   * @return the request
   */
  static GcfRequest of(Call call) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    call.allHeaders()
        .forEach((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
    return new GcfRequest(call.method(), call.rawPath(), headers, call.body(), false);
  }

  @Override
  public String getMethod() {
    return method;
  }

  @Override
  public String getUri() {
    return "https://" + HOST + rawPath;
  }

  @Override
  public String getPath() {
    return rawPath;
  }

  @Override
  public Optional<String> getQuery() {
    return Optional.empty();
  }

  @Override
  public Map<String, List<String>> getQueryParameters() {
    return Map.of();
  }

  @Override
  public Map<String, HttpPart> getParts() {
    return Map.of();
  }

  @Override
  public Optional<String> getContentType() {
    List<String> types = headers.get("Content-Type");
    return types == null || types.isEmpty() ? Optional.empty() : Optional.of(types.get(0));
  }

  @Override
  public long getContentLength() {
    return chunked || body.length == 0 ? -1 : body.length;
  }

  @Override
  public Optional<String> getCharacterEncoding() {
    return getContentType()
        .flatMap(
            type -> {
              for (String parameter : type.split(";")) {
                String trimmed = parameter.trim();
                if (trimmed.regionMatches(true, 0, "charset=", 0, 8)) {
                  return Optional.of(trimmed.substring(8).replace("\"", ""));
                }
              }
              return Optional.empty();
            });
  }

  @Override
  public InputStream getInputStream() {
    return new ByteArrayInputStream(body);
  }

  @Override
  public BufferedReader getReader() {
    Charset charset =
        getCharacterEncoding()
            .filter(Charset::isSupported)
            .map(Charset::forName)
            .orElse(StandardCharsets.UTF_8);
    return new BufferedReader(new InputStreamReader(getInputStream(), charset));
  }

  @Override
  public Map<String, List<String>> getHeaders() {
    return headers;
  }
}
