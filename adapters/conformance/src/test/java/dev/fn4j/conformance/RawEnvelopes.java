package dev.fn4j.conformance;

import dev.fn4j.core.convert.JsonCodec;
import dev.fn4j.core.convert.JsonTree;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The JSON envelopes of {@link RawRequest}s, built like {@link ApiGatewayV2}, {@link
 * FcHttpTriggerEvent} and the Azure host fake build those of a {@link Call}, but from any target,
 * header value and body member; and the reading of the answers with every header kept.
 */
final class RawEnvelopes {

  private static final AtomicLong IDS = new AtomicLong();

  private RawEnvelopes() {}

  /** The body member an envelope carries: as given, else text for text types, else base64. */
  private static RawRequest.EnvelopeBody body(RawRequest request) {
    if (request.envelopeBody() != null) {
      return request.envelopeBody();
    }
    byte[] body = request.body();
    return MediaRanges.isText(request.header("Content-Type"))
        ? new RawRequest.EnvelopeBody(new String(body, StandardCharsets.UTF_8), false)
        : new RawRequest.EnvelopeBody(Base64.getEncoder().encodeToString(body), true);
  }

  private static boolean hasBody(RawRequest request) {
    return request.envelopeBody() != null || request.body().length > 0;
  }

  /**
   * Builds an API Gateway HTTP API event (payload 2.0), as {@link ApiGatewayV2#request} does.
   *
   * @param request the request
   * @return the event's JSON bytes
   */
  static byte[] apiGatewayV2(RawRequest request) {
    Map<String, Object> headers = new LinkedHashMap<>();
    request
        .headers()
        .forEach(
            header ->
                headers.merge(
                    header.getKey().toLowerCase(Locale.ROOT),
                    header.getValue(),
                    (first, more) -> first + "," + more));
    RawRequest.EnvelopeBody body = body(request);
    return ApiGatewayV2.event(
        request.method(),
        request.target(),
        headers,
        List.of(),
        hasBody(request) ? body.text() : null,
        body.base64(),
        "raw-" + IDS.incrementAndGet());
  }

  /**
   * Builds an FC 3.0 HTTP trigger event, as {@link FcHttpTriggerEvent#request} does.
   *
   * @param request the request
   * @param requestId the invocation's request id
   * @return the event's JSON bytes
   */
  static byte[] fcHttpTrigger(RawRequest request, String requestId) {
    Map<String, Object> headers = new LinkedHashMap<>();
    request
        .headers()
        .forEach(
            header ->
                headers.merge(
                    header.getKey(), header.getValue(), (first, more) -> first + ", " + more));
    RawRequest.EnvelopeBody body = body(request);
    return FcHttpTriggerEvent.event(
        request.method(),
        request.target(),
        headers,
        hasBody(request) ? body.text() : "",
        body.base64(),
        requestId);
  }

  /**
   * Builds the Functions host's payload for an HTTP trigger named {@code req}, as the host fake
   * builds it: {@code Data.req} with the URL under the route prefix, method, headers (lists) and
   * body (base64 for {@code application/octet-stream} and {@code multipart/*}, else text), and
   * {@code Metadata.sys}.
   *
   * @param request the request
   * @param functionName the Azure function the host invokes
   * @return the payload's JSON bytes
   */
  static byte[] azureHttp(RawRequest request, String functionName) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    request
        .headers()
        .forEach(
            header ->
                headers
                    .computeIfAbsent(header.getKey(), name -> new ArrayList<>())
                    .add(header.getValue()));
    Map<String, Object> req = new LinkedHashMap<>();
    req.put(
        "Url",
        "https://fn4j-test.azurewebsites.net/"
            + AzureCustomHandlerPath.ROUTE_PREFIX
            + request.target());
    req.put("Method", request.method());
    req.put("Query", Map.of());
    req.put("Headers", headers);
    req.put("Params", Map.of());
    if (hasBody(request)) {
      String type = String.valueOf(request.header("Content-Type")).toLowerCase(Locale.ROOT);
      boolean binary = type.startsWith("application/octet-stream") || type.startsWith("multipart/");
      req.put(
          "Body",
          request.envelopeBody() != null
              ? request.envelopeBody().text()
              : binary
                  ? Base64.getEncoder().encodeToString(request.body())
                  : new String(request.body(), StandardCharsets.UTF_8));
    }
    Map<String, Object> sys = new LinkedHashMap<>();
    sys.put("MethodName", functionName);
    sys.put("UtcNow", Instant.now().toString());
    sys.put("RandGuid", UUID.randomUUID().toString());
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("sys", sys);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("Data", Map.of("req", req));
    payload.put("Metadata", metadata);
    return JsonTree.write(payload).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads an HTTP response document ({@code statusCode}, {@code headers}, {@code body}, {@code
   * isBase64Encoded}) as API Gateway or FC reads it, every header kept.
   *
   * @param response the document
   * @param notADocument what the platform makes of a response that is not one: null to fail
   * @return the answer
   */
  static RawAnswer responseDocument(byte[] response, Integer notADocument) {
    Object parsed;
    try {
      parsed = JsonTree.parse(response);
    } catch (JsonCodec.JsonDecodeException e) {
      return notADocument == null
          ? RawAnswer.failed("the response is not JSON: " + text(response))
          : RawAnswer.of(notADocument, List.of(), response, null);
    }
    if (!(parsed instanceof Map<?, ?> json) || !json.containsKey("statusCode")) {
      return notADocument == null
          ? RawAnswer.of(
              200, List.of(Map.entry("Content-Type", "application/json")), response, null)
          : RawAnswer.of(notADocument, List.of(), response, null);
    }
    List<Map.Entry<String, String>> headers = headers(json.get("headers"));
    if (json.get("cookies") instanceof List<?> cookies) {
      cookies.forEach(cookie -> headers.add(Map.entry("Set-Cookie", String.valueOf(cookie))));
    }
    Object body = json.get("body");
    byte[] bytes =
        body == null
            ? new byte[0]
            : Boolean.TRUE.equals(json.get("isBase64Encoded"))
                ? Base64.getDecoder().decode(String.valueOf(body))
                : String.valueOf(body).getBytes(StandardCharsets.UTF_8);
    return RawAnswer.of(Envelopes.status("raw", json.get("statusCode")), headers, bytes, null);
  }

  /**
   * Reads the custom handler's answer to the host: the HTTP output {@code res} as the host answers
   * the client with it, with the payload's {@code Logs} as extra text; a status other than 200
   * fails (the host would answer 500 itself).
   *
   * @param status the handler's HTTP status
   * @param response the handler's JSON answer
   * @return the answer
   */
  static RawAnswer azureAnswer(int status, byte[] response) {
    Object parsed;
    try {
      parsed = JsonTree.parse(response);
    } catch (JsonCodec.JsonDecodeException e) {
      return RawAnswer.failed(
          "the handler's answer is not JSON (" + status + "): " + text(response));
    }
    String logs = parsed instanceof Map<?, ?> json ? String.valueOf(json.get("Logs")) : "";
    if (status != 200) {
      return RawAnswer.failed(
          "the handler answered " + status + "; the host fails the invocation. Logs: " + logs);
    }
    Object outputs = parsed instanceof Map<?, ?> json ? json.get("Outputs") : null;
    if (!(outputs instanceof Map<?, ?> named) || !(named.get("res") instanceof Map<?, ?> res)) {
      return RawAnswer.failed("no HTTP output res: " + text(response));
    }
    Object body = res.get("body");
    byte[] bytes =
        body == null
            ? new byte[0]
            : (body instanceof String string ? string : JsonTree.write(body))
                .getBytes(StandardCharsets.UTF_8);
    return RawAnswer.of(
        Envelopes.status("raw", res.get("statusCode")), headers(res.get("headers")), bytes, logs);
  }

  private static List<Map.Entry<String, String>> headers(Object headers) {
    List<Map.Entry<String, String>> all = new ArrayList<>();
    if (headers instanceof Map<?, ?> map) {
      map.forEach(
          (name, value) -> {
            if (value instanceof List<?> values) {
              values.forEach(one -> all.add(Map.entry(String.valueOf(name), String.valueOf(one))));
            } else if (value != null) {
              all.add(Map.entry(String.valueOf(name), String.valueOf(value)));
            }
          });
    }
    return all;
  }

  private static String text(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}
