package dev.fn4j.conformance;

import dev.fn4j.core.convert.JsonCodec;
import dev.fn4j.core.convert.JsonTree;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The event an FC 3.0 HTTP trigger gives an event function (version {@code v1}) for a {@link Call},
 * and the reading of the function's response document as FC reads it.
 *
 * <p>The request: {@code rawPath} {@code /<name>}, one value per header with repeated values joined
 * by commas (as FC joins them), no query parameters, the body as text for text types and in base64
 * ({@code isBase64Encoded}) otherwise, {@code requestContext.http.method} the call's method.
 *
 * <p>The response: {@code statusCode}, {@code headers}, {@code isBase64Encoded} and {@code body}. A
 * response that is not such a document is passed through by FC with status 200, as is.
 */
final class FcHttpTriggerEvent {

  /** The domain of the trigger's URL in every event. */
  static final String DOMAIN = "conformance-abcdefghij.cn-hangzhou.fcapp.run";

  private static final AtomicLong IDS = new AtomicLong();

  private FcHttpTriggerEvent() {}

  /**
   * Builds the event for a call.
   *
   * @param call the call
   * @param requestId the invocation's request id
   * @return the event's JSON bytes
   */
  static byte[] request(Call call, String requestId) {
    Map<String, Object> headers = new LinkedHashMap<>();
    call.allHeaders().forEach((name, values) -> headers.put(name, String.join(", ", values)));
    return event(
        call.method(),
        call.rawPath(),
        headers,
        call.hasBody() ? Envelopes.bodyText(call) : "",
        call.hasBody() && !call.hasTextBody(),
        requestId);
  }

  /**
   * Builds an event from its parts, for requests a {@link Call} cannot express.
   *
   * @param method the method
   * @param rawPath the path as sent, percent-encoded
   * @param headers one value per header
   * @param body the body (text, or base64 when {@code base64}); empty for none
   * @param base64 whether the body is base64
   * @param requestId the invocation's request id
   * @return the event's JSON bytes
   */
  static byte[] event(
      String method,
      String rawPath,
      Map<String, Object> headers,
      String body,
      boolean base64,
      String requestId) {
    Instant now = Instant.now();
    Map<String, Object> http = new LinkedHashMap<>();
    http.put("method", method);
    http.put("path", rawPath);
    http.put("protocol", "HTTP/1.1");
    http.put("sourceIp", "127.0.0.1");
    http.put("userAgent", "fn4j-conformance");
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("accountId", "1234567890123456");
    context.put("domainName", DOMAIN);
    context.put("domainPrefix", "conformance-abcdefghij");
    context.put("requestId", requestId);
    context.put("time", now.toString());
    context.put("timeEpoch", Long.toString(now.toEpochMilli()));
    context.put("http", http);
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("version", "v1");
    event.put("rawPath", rawPath);
    event.put("headers", headers);
    event.put("queryParameters", Map.of());
    event.put("body", body);
    event.put("isBase64Encoded", !body.isEmpty() && base64);
    event.put("requestContext", context);
    return JsonTree.write(event).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Returns a new request id, in FC's format.
   *
   * @return for example {@code 1-00000001-conformance}
   */
  static String nextRequestId() {
    return "1-" + String.format("%08x", IDS.incrementAndGet()) + "-conformance";
  }

  /**
   * Reads the function's response as FC does.
   *
   * @param path the path's name, for failures
   * @param response what the function wrote
   * @return what the client gets
   */
  static Outcome response(String path, byte[] response) {
    Object parsed;
    try {
      parsed = JsonTree.parse(response);
    } catch (JsonCodec.JsonDecodeException notJson) {
      return Outcome.of(200, null, response);
    }
    if (!(parsed instanceof Map<?, ?> json) || !json.containsKey("statusCode")) {
      return Outcome.of(200, null, response);
    }
    Object headers = json.get("headers");
    return Outcome.of(
        Envelopes.status(path, json.get("statusCode")),
        Envelopes.header(headers, "Content-Type"),
        Envelopes.body(path, json.get("body"), Boolean.TRUE.equals(json.get("isBase64Encoded"))));
  }
}
