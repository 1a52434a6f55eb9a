package dev.fn4j.gcp;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.Composition;
import dev.fn4j.core.convert.Payload;
import dev.fn4j.core.dispatch.FunctionException;
import dev.fn4j.core.dispatch.FunctionRequest;
import dev.fn4j.core.dispatch.FunctionResult;
import dev.fn4j.core.dispatch.RequestIds;
import dev.fn4j.core.http.FunctionHttpHandler;
import dev.fn4j.core.http.HttpExchanges;
import dev.fn4j.core.http.Problem;
import dev.fn4j.function.Cookie;
import dev.fn4j.function.Headers;
import dev.fn4j.function.InvocationContext;
import dev.fn4j.function.TraceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The entry point of an HTTP function on Google Cloud Functions ({@code --entry-point
 * dev.fn4j.gcp.GcfHttpFunction}). Routes by path as the local runner does ({@code POST /uppercase},
 * {@code GET /fortune}, {@code /} for the selected or only function), writes the function's status,
 * multi-value headers, cookies and body, and answers failures with the status of DESIGN.md §6 and a
 * problem body. {@code /favicon.ico} and {@code /robots.txt} are 404, as Google's functions
 * contract asks.
 *
 * <p>It never throws to the invoker: every failure is answered here, without a stack trace.
 */
public final class GcfHttpFunction implements HttpFunction {

  private static final System.Logger LOG = dev.fn4j.core.logging.LazyLogger.of("dev.fn4j.gcp");

  private final FunctionRuntime runtime;
  private final GcfEnvironment environment;

  /** Creates the entry point on the process's shared runtime; Google's invoker calls this. */
  public GcfHttpFunction() {
    this(SharedRuntime.of(GcfHttpFunction.class));
  }

  GcfHttpFunction(FunctionRuntime runtime) {
    this.runtime = runtime;
    this.environment = new GcfEnvironment(runtime.environment());
  }

  @Override
  public void service(HttpRequest request, HttpResponse response) throws IOException {
    String method = request.getMethod();
    // Google's invoker gives the path as sent, percent-encoded; route by the decoded one.
    String path = HttpExchanges.decodePath(request.getPath());
    String requestId = request.getFirstHeader("Function-Execution-Id").orElseGet(RequestIds::next);
    try {
      if (path.equals("/favicon.ico") || path.equals("/robots.txt")) {
        throw FunctionException.noSuchFunction(path.substring(1), "not served by functions");
      }
      Composition function = runtime.router().byPath(path);
      if (!FunctionHttpHandler.allowedMethod(function).equals(method)) {
        response.appendHeader("Allow", FunctionHttpHandler.allowedMethod(function));
        FunctionHttpHandler.requireMethod(function, method);
      }
      byte[] body;
      try (InputStream in = request.getInputStream()) {
        body =
            HttpExchanges.readBody(
                in,
                request.getFirstHeader("Content-Length").orElse(null),
                environment.maxBodyBytes(),
                function.name());
      }
      Headers headers = headers(request);
      FunctionResult result =
          runtime
              .dispatcher()
              .call(
                  function,
                  new FunctionRequest(
                      Payload.ofBytes(body),
                      headers,
                      context(request, response, headers, requestId)));
      write(response, result);
    } catch (FunctionException e) {
      FunctionHttpHandler.logFailure(method, path, requestId, e);
      problem(response, Problem.of(e, requestId));
    } catch (RuntimeException | LinkageError e) {
      LOG.log(
          System.Logger.Level.ERROR,
          "["
              + requestId
              + "] unexpected failure handling "
              + method
              + ": "
              + e.getClass().getName());
      problem(
          response,
          new Problem(500, "Internal error", "the request could not be handled", null, null, null));
    }
  }

  private static Headers headers(HttpRequest request) {
    Headers.Builder headers = Headers.builder();
    for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
      for (String value : header.getValue()) {
        headers.add(header.getKey(), value);
      }
    }
    return headers.build();
  }

  private InvocationContext context(
      HttpRequest request, HttpResponse response, Headers headers, String requestId) {
    InvocationContext.Builder context =
        InvocationContext.builder()
            .requestId(requestId)
            .platform(GcfEnvironment.PLATFORM)
            .trace(
                TraceContext.of(
                    headers.first("traceparent").orElse(null),
                    headers.first("tracestate").orElse(null),
                    headers.first("X-Cloud-Trace-Context").orElse(null)))
            .attribute("http.method", request.getMethod())
            .attribute("http.path", request.getPath())
            .raw(request)
            .raw(response);
    request.getQuery().ifPresent(query -> context.attribute("http.query", query));
    environment.attributes().forEach(context::attribute);
    return context.build();
  }

  private static void write(HttpResponse response, FunctionResult result) throws IOException {
    int status = result.httpStatus();
    response.setStatusCode(status);
    HttpExchanges.addReplyHeaders(
        response::appendHeader, result.headers(), name -> name.equalsIgnoreCase("Content-Type"));
    for (Cookie cookie : result.cookies()) {
      response.appendHeader("Set-Cookie", cookie.toSetCookieHeader());
    }
    String contentType = result.effectiveContentType();
    if (contentType != null) {
      response.setContentType(contentType);
    }
    byte[] body = result.bytes();
    if (body.length > 0 && status != 204 && status != 304 && status >= 200) {
      try (OutputStream out = response.getOutputStream()) {
        out.write(body);
      }
    }
  }

  private static void problem(HttpResponse response, Problem problem) throws IOException {
    response.setStatusCode(problem.status());
    response.setContentType(Problem.CONTENT_TYPE);
    response.appendHeader("X-Content-Type-Options", "nosniff");
    try (OutputStream out = response.getOutputStream()) {
      out.write(problem.toJson().getBytes(StandardCharsets.UTF_8));
    }
  }
}
