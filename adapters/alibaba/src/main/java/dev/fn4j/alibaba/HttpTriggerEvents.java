package dev.fn4j.alibaba;

import dev.fn4j.core.convert.JsonTree;
import dev.fn4j.core.convert.MediaTypes;
import dev.fn4j.core.convert.Payload;
import dev.fn4j.core.dispatch.FunctionException;
import dev.fn4j.core.dispatch.FunctionRequest;
import dev.fn4j.core.dispatch.FunctionResult;
import dev.fn4j.core.http.HttpExchanges;
import dev.fn4j.core.http.Problem;
import dev.fn4j.function.Cookie;
import dev.fn4j.function.Headers;
import dev.fn4j.function.InvocationContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The FC 3.0 HTTP trigger event of an event function (version {@code v1}) and its response: the
 * request becomes the neutral HTTP request (method, {@code rawPath}, query, headers, body decoded
 * from base64 when {@code isBase64Encoded}), and the function's result becomes {@code
 * {"statusCode", "headers", "isBase64Encoded", "body"}}. Failures are HTTP answers too: the status
 * of DESIGN.md §6 with a problem body, not a failed invocation.
 */
final class HttpTriggerEvents {

  private HttpTriggerEvents() {}

  /** The path, percent-decoded: {@code rawPath} is the path as sent. */
  static String path(Map<?, ?> event) {
    return HttpExchanges.decodePath((String) event.get("rawPath"));
  }

  static FunctionRequest request(Map<?, ?> event, InvocationContext.Builder context) {
    Headers.Builder headers = Headers.builder();
    if (event.get("headers") instanceof Map<?, ?> map) {
      map.forEach(
          (name, value) -> {
            if (name instanceof String key && value != null && !FcRequest.isFcHeader(key)) {
              headers.add(key, String.valueOf(value));
            }
          });
    }
    String method = "POST";
    if (event.get("requestContext") instanceof Map<?, ?> requestContext
        && requestContext.get("http") instanceof Map<?, ?> http
        && http.get("method") instanceof String value) {
      method = value.toUpperCase(Locale.ROOT);
    }
    context
        .attribute("http.method", method)
        .attribute("http.path", path(event))
        .attribute("fc.trigger", "http");
    String query = query(event.get("queryParameters"));
    if (!query.isEmpty()) {
      context.attribute("http.query", query);
    }
    return new FunctionRequest(body(event), headers.build(), context.build());
  }

  private static Payload body(Map<?, ?> event) {
    if (!(event.get("body") instanceof String body) || body.isEmpty()) {
      return Payload.EMPTY;
    }
    if (Boolean.TRUE.equals(event.get("isBase64Encoded"))) {
      try {
        return Payload.ofBytes(Base64.getDecoder().decode(body));
      } catch (IllegalArgumentException e) {
        throw FunctionException.badInput("", "the HTTP trigger event's body is not valid base64");
      }
    }
    return Payload.ofText(body);
  }

  private static String query(Object parameters) {
    if (!(parameters instanceof Map<?, ?> map) || map.isEmpty()) {
      return "";
    }
    StringBuilder query = new StringBuilder();
    map.forEach(
        (name, value) -> {
          if (query.length() > 0) {
            query.append('&');
          }
          query
              .append(URLEncoder.encode(String.valueOf(name), StandardCharsets.UTF_8))
              .append('=')
              .append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
        });
    return query.toString();
  }

  static byte[] response(FunctionResult result) {
    Map<String, Object> headers = new LinkedHashMap<>();
    HttpExchanges.addReplyHeaders(
        (name, value) -> headers.merge(name, value, (a, b) -> a + ", " + b),
        result.headers(),
        FcRequest::isFcHeader);
    List<Cookie> cookies = result.cookies();
    if (!cookies.isEmpty()) {
      // The v1 response has one value per header: the first cookie is kept.
      headers.put("Set-Cookie", cookies.get(0).toSetCookieHeader());
    }
    String contentType = result.effectiveContentType();
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    byte[] body = result.bytes();
    boolean text = contentType == null || isText(contentType);
    return document(
        result.httpStatus(),
        headers,
        !text,
        text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
  }

  static byte[] problem(Problem problem) {
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put("Content-Type", Problem.CONTENT_TYPE);
    return document(problem.status(), headers, false, problem.toJson());
  }

  private static byte[] document(
      int status, Map<String, Object> headers, boolean base64, String body) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("statusCode", (long) status);
    response.put("headers", headers);
    response.put("isBase64Encoded", base64);
    response.put("body", body);
    return JsonTree.write(response).getBytes(StandardCharsets.UTF_8);
  }

  private static boolean isText(String contentType) {
    String essence = MediaTypes.essence(contentType);
    return essence.startsWith("text/")
        || MediaTypes.acceptsJson(contentType)
        || essence.endsWith("+xml")
        || essence.equals("application/xml")
        || essence.equals("application/x-www-form-urlencoded");
  }
}
