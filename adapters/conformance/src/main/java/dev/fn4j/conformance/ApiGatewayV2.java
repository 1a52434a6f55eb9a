package dev.fn4j.conformance;

import dev.fn4j.core.convert.JsonCodec;
import dev.fn4j.core.convert.JsonTree;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The API Gateway HTTP API event, payload format 2.0, that carries a {@link Call} to Lambda, and
 * the reading of the function's response as API Gateway reads it.
 *
 * <p>The request, as API Gateway documents it for the {@code $default} route and stage: {@code
 * rawPath} {@code /<name>}, header names lower-cased with repeated values joined by commas, {@code
 * Cookie} moved to {@code cookies}, the body as text for text types and in base64 ({@code
 * isBase64Encoded}) otherwise, no {@code body} member without a body.
 *
 * <p>The response: {@code statusCode}, {@code headers}, {@code body} and {@code isBase64Encoded}; a
 * response that is not a JSON object with a {@code statusCode} is taken, as API Gateway takes it,
 * as a 200 {@code application/json} answer whose body is the response itself.
 */
final class ApiGatewayV2 {

  /** The API's domain name in every event. */
  static final String DOMAIN = "conformance.execute-api.us-east-1.amazonaws.com";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final AtomicLong IDS = new AtomicLong();

  private ApiGatewayV2() {}

  /**
   * Builds the event for a call.
   *
   * @param call the call
   * @return the event's JSON bytes
   */
  static byte[] request(Call call) {
    Map<String, Object> headers = new LinkedHashMap<>();
    List<Object> cookies = new ArrayList<>();
    call.allHeaders()
        .forEach(
            (name, values) -> {
              if (name.equalsIgnoreCase("Cookie")) {
                values.forEach(value -> cookies.addAll(List.of(value.split(";\\s*"))));
              } else {
                headers.merge(
                    Envelopes.lower(name),
                    String.join(",", values),
                    (first, more) -> first + "," + more);
              }
            });
    return event(
        call.method(),
        call.rawPath(),
        headers,
        cookies,
        call.hasBody() ? Envelopes.bodyText(call) : null,
        call.hasBody() && !call.hasTextBody(),
        "conformance-" + IDS.incrementAndGet());
  }

  /**
   * Builds an event from its parts, for requests a {@link Call} cannot express.
   *
   * @param method the method
   * @param rawPath the path as sent, percent-encoded
   * @param headers the headers, names lower-cased, repeated values joined
   * @param cookies the cookies, or empty
   * @param body the body (text, or base64 when {@code base64}), or null for none
   * @param base64 whether the body is base64
   * @param requestId the request id
   * @return the event's JSON bytes
   */
  static byte[] event(
      String method,
      String rawPath,
      Map<String, Object> headers,
      List<Object> cookies,
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
    context.put("accountId", "123456789012");
    context.put("apiId", "conformance");
    context.put("domainName", DOMAIN);
    context.put("domainPrefix", "conformance");
    context.put("http", http);
    context.put("requestId", requestId);
    context.put("routeKey", "$default");
    context.put("stage", "$default");
    context.put("time", TIME.format(now));
    context.put("timeEpoch", now.toEpochMilli());
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("version", "2.0");
    event.put("routeKey", "$default");
    event.put("rawPath", rawPath);
    event.put("rawQueryString", "");
    if (!cookies.isEmpty()) {
      event.put("cookies", cookies);
    }
    event.put("headers", headers);
    event.put("requestContext", context);
    if (body != null) {
      event.put("body", body);
    }
    event.put("isBase64Encoded", body != null && base64);
    return JsonTree.write(event).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads the function's response as API Gateway does.
   *
   * @param path the path's name, for failures
   * @param response what the function returned
   * @return what the client gets
   */
  static Outcome response(String path, byte[] response) {
    Object parsed;
    try {
      parsed = JsonTree.parse(response);
    } catch (JsonCodec.JsonDecodeException notJson) {
      throw new PathFailure(
          path,
          "the response is not JSON, which API Gateway answers with 500: "
              + new String(response, StandardCharsets.UTF_8),
          notJson);
    }
    if (!(parsed instanceof Map<?, ?> json) || !json.containsKey("statusCode")) {
      return Outcome.of(200, "application/json", response);
    }
    Object headers = json.get("headers");
    return Outcome.of(
        Envelopes.status(path, json.get("statusCode")),
        Envelopes.header(headers, "Content-Type"),
        Envelopes.body(path, json.get("body"), Boolean.TRUE.equals(json.get("isBase64Encoded"))));
  }
}
