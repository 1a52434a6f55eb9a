package dev.fn4j.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.Composition;
import dev.fn4j.core.convert.MediaTypes;
import dev.fn4j.core.convert.Payload;
import dev.fn4j.core.dispatch.FunctionException;
import dev.fn4j.core.dispatch.FunctionRequest;
import dev.fn4j.core.dispatch.FunctionResult;
import dev.fn4j.core.http.FunctionHttpHandler;
import dev.fn4j.core.http.HttpExchanges;
import dev.fn4j.core.http.Problem;
import dev.fn4j.function.Cookie;
import dev.fn4j.function.Headers;
import dev.fn4j.function.InvocationContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;

/**
 * The Java worker's HTTP trigger, served as the local runner serves HTTP: the path below the route
 * prefix names the function ({@code /api/uppercase} calls {@code uppercase}), a supplier is called
 * with GET and anything else with POST (405 with {@code Allow} otherwise), and failures answer the
 * status of DESIGN.md §6 with a problem body. Event Grid's two webhook handshakes are answered
 * before any function is looked up.
 *
 * <p>The worker's response builder keeps one value per header name, so a header with several values
 * is sent as one comma-joined line; that includes {@code Set-Cookie} when a function sets several
 * cookies.
 */
final class WorkerHttp {

  private final FunctionRuntime runtime;
  private final String routePrefix;

  WorkerHttp(FunctionRuntime runtime) {
    this.runtime = runtime;
    this.routePrefix = routePrefix(runtime.environment().value("FN4J_AZURE_ROUTE_PREFIX"));
  }

  /** The route prefix without slashes: {@code FN4J_AZURE_ROUTE_PREFIX}, {@code api} by default. */
  static String routePrefix(Optional<String> setting) {
    String prefix = setting.orElse("api");
    int start = 0;
    int end = prefix.length();
    while (start < end && prefix.charAt(start) == '/') {
      start++;
    }
    while (end > start && prefix.charAt(end - 1) == '/') {
      end--;
    }
    return prefix.substring(start, end);
  }

  HttpResponseMessage handle(
      HttpRequestMessage<Optional<byte[]>> request, ExecutionContext context) {
    HttpMethod httpMethod = request.getHttpMethod();
    String method = httpMethod == null ? "GET" : httpMethod.name();
    URI uri = request.getUri();
    String path =
        uri == null || uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
    String requestId = WorkerContext.requestId(context);
    try {
      return serve(request, context, requestId, method, path);
    } catch (FunctionException e) {
      return failed(request, context, requestId, method + " " + path, e, null);
    } catch (RuntimeException | LinkageError e) {
      WorkerContext.log(
          context,
          Level.SEVERE,
          "["
              + requestId
              + "] unexpected failure handling "
              + method
              + " "
              + WorkerContext.printable(path)
              + ": "
              + e.getClass().getName());
      return problem(
          request,
          new Problem(
              500, "Internal error", "the request could not be handled", null, null, requestId),
          null);
    }
  }

  private HttpResponseMessage serve(
      HttpRequestMessage<Optional<byte[]>> request,
      ExecutionContext context,
      String requestId,
      String method,
      String path) {
    Headers headers = headers(request.getHeaders());
    byte[] body = body(request.getBody());
    HttpResponseMessage handshake = WorkerHandshakes.answer(request, method, headers, body);
    if (handshake != null) {
      return handshake;
    }
    Composition function = runtime.router().byPath(routingPath(path));
    String allowed = FunctionHttpHandler.allowedMethod(function);
    if (!allowed.equals(method)) {
      try {
        FunctionHttpHandler.requireMethod(function, method);
      } catch (FunctionException e) {
        return failed(request, context, requestId, method + " " + path, e, allowed);
      }
    }
    InvocationContext.Builder invocation =
        WorkerContext.builder(
                context,
                requestId,
                "http",
                headers.first("traceparent").orElse(null),
                headers.first("tracestate").orElse(null))
            .attribute("http.method", method)
            .attribute("http.path", path)
            .raw(request);
    String query = request.getUri() == null ? null : request.getUri().getRawQuery();
    if (query != null) {
      invocation.attribute("http.query", query);
    }
    FunctionResult result =
        runtime
            .dispatcher()
            .call(
                function, new FunctionRequest(Payload.ofBytes(body), headers, invocation.build()));
    return write(request, result);
  }

  private static HttpResponseMessage failed(
      HttpRequestMessage<?> request,
      ExecutionContext context,
      String requestId,
      String what,
      FunctionException failure,
      String allow) {
    WorkerContext.logFailure(
        context,
        requestId,
        what + " -> " + failure.httpStatus(),
        failure.httpStatus() >= 500 ? Level.WARNING : Level.INFO,
        failure);
    return problem(request, Problem.of(failure, requestId), allow);
  }

  /** The path below the route prefix; a path outside it routes as it is. */
  String routingPath(String path) {
    if (routePrefix.isEmpty()) {
      return path;
    }
    String prefix = "/" + routePrefix;
    if (path.equals(prefix) || path.startsWith(prefix + "/")) {
      String rest = path.substring(prefix.length());
      return rest.isEmpty() ? "/" : rest;
    }
    return path;
  }

  private static Headers headers(Map<String, String> values) {
    if (values == null || values.isEmpty()) {
      return Headers.empty();
    }
    Headers.Builder headers = Headers.builder();
    values.forEach(
        (name, value) -> {
          if (name != null && value != null) {
            headers.add(name, value);
          }
        });
    return headers.build();
  }

  private static byte[] body(Optional<byte[]> body) {
    return body == null ? new byte[0] : body.orElse(new byte[0]);
  }

  private static HttpResponseMessage write(HttpRequestMessage<?> request, FunctionResult result) {
    int status = result.httpStatus();
    Map<String, String> headers = new LinkedHashMap<>();
    HttpExchanges.addReplyHeaders(
        (name, value) -> join(headers, name, value),
        result.headers(),
        name -> name.equalsIgnoreCase("Content-Type"));
    for (Cookie cookie : result.cookies()) {
      join(headers, "Set-Cookie", cookie.toSetCookieHeader());
    }
    String contentType = result.effectiveContentType();
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    HttpResponseMessage.Builder response = request.createResponseBuilder(status(status));
    headers.forEach(response::header);
    byte[] body = result.bytes();
    if (body.length > 0 && status >= 200 && status != 204 && status != 304) {
      response.body(body);
    }
    return response.build();
  }

  private static void join(Map<String, String> headers, String name, String value) {
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase(name)) {
        header.setValue(header.getValue() + ", " + value);
        return;
      }
    }
    headers.put(name, value);
  }

  /**
   * Answers a problem: its status, {@code application/problem+json}, and {@code Allow} for a 405.
   *
   * @param request the request, whose builder makes the response
   * @param problem the problem
   * @param allow the allowed method, or null
   * @return the response
   */
  static HttpResponseMessage problem(HttpRequestMessage<?> request, Problem problem, String allow) {
    HttpResponseMessage.Builder response =
        request
            .createResponseBuilder(status(problem.status()))
            .header("Content-Type", Problem.CONTENT_TYPE)
            .header("X-Content-Type-Options", "nosniff");
    if (allow != null) {
      response.header("Allow", allow);
    }
    return response.body(problem.toJson().getBytes(StandardCharsets.UTF_8)).build();
  }

  /**
   * Answers a JSON document with 200.
   *
   * @param request the request, whose builder makes the response
   * @param json the document
   * @return the response
   */
  static HttpResponseMessage json(HttpRequestMessage<?> request, String json) {
    return request
        .createResponseBuilder(HttpStatus.OK)
        .header("Content-Type", MediaTypes.JSON)
        .body(json.getBytes(StandardCharsets.UTF_8))
        .build();
  }

  /**
   * Returns the library's status for a code: its {@link HttpStatus} constant, else a custom one.
   *
   * @param code the status code
   * @return the status
   */
  static HttpStatusType status(int code) {
    for (HttpStatus status : HttpStatus.values()) {
      if (status.value() == code) {
        return status;
      }
    }
    return HttpStatusType.custom(code);
  }
}
