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

  private final Call call;
  private final byte[] body;
  private final Map<String, List<String>> headers;

  GcfRequest(Call call) {
    this.call = call;
    this.body = call.body();
    TreeMap<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    call.allHeaders()
        .forEach(
            (name, values) -> map.computeIfAbsent(name, key -> new ArrayList<>()).addAll(values));
    if (body.length > 0) {
      map.put("Content-Length", List.of(Integer.toString(body.length)));
    }
    map.replaceAll((name, values) -> List.copyOf(values));
    this.headers = Collections.unmodifiableMap(map);
  }

  @Override
  public String getMethod() {
    return call.method();
  }

  @Override
  public String getUri() {
    return "https://" + HOST + call.rawPath();
  }

  @Override
  public String getPath() {
    return call.rawPath();
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
    return call.contentType();
  }

  @Override
  public long getContentLength() {
    return body.length == 0 ? -1 : body.length;
  }

  @Override
  public Optional<String> getCharacterEncoding() {
    return call.contentType()
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
