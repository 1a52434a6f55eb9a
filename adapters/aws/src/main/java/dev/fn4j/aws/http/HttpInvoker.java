package dev.fn4j.aws.http;

import dev.fn4j.aws.LambdaInvocation;
import dev.fn4j.aws.batch.WholeEvent;
import dev.fn4j.aws.event.EventKind;
import dev.fn4j.aws.event.LambdaEvent;
import dev.fn4j.aws.event.MalformedEventException;
import dev.fn4j.aws.event.VendorEvents;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.Composition;
import dev.fn4j.core.convert.Payload;
import dev.fn4j.core.dispatch.FunctionException;
import dev.fn4j.core.dispatch.FunctionRequest;
import dev.fn4j.core.dispatch.FunctionResult;
import dev.fn4j.core.http.HttpExchanges;
import dev.fn4j.core.http.Problem;
import dev.fn4j.function.Cookie;
import dev.fn4j.function.Headers;
import dev.fn4j.function.InvocationContext;
import dev.fn4j.function.TraceContext;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Serves HTTP events: routes by path, dispatches, and answers in the event's own response format.
 * Every failure becomes an HTTP response with the status of DESIGN.md §6 and a problem body; none
 * becomes a Lambda function error, which API Gateway would turn into a bare 502.
 */
public final class HttpInvoker {

  private static final System.Logger LOG = dev.fn4j.core.logging.LazyLogger.of("dev.fn4j.aws");

  private final FunctionRuntime runtime;

  /**
   * Creates the invoker.
   *
   * @param runtime the functions
   */
  public HttpInvoker(FunctionRuntime runtime) {
    this.runtime = runtime;
  }

  /**
   * Handles an HTTP event.
   *
   * @param event an API Gateway, function URL or ALB event
   * @param invocation the invocation
   * @return the response JSON
   */
  public byte[] handle(LambdaEvent event, LambdaInvocation invocation) {
    HttpEvent request;
    try {
      request = HttpEventReader.read(event);
    } catch (MalformedEventException e) {
      String detail = "Malformed " + event.kind().id() + " event: " + e.getMessage();
      LOG.log(Level.INFO, "[" + invocation.requestId() + "] " + detail);
      HttpEvent fallback =
          new HttpEvent(
              event.kind(), isMultiValue(event), "", "/", null, Headers.empty(), Payload.EMPTY);
      return problem(
          fallback, new Problem(400, "Bad input", detail, null, "DECODE", invocation.requestId()));
    }
    try {
      Composition function = runtime.router().byPath(request.path());
      Class<?> eventClass = VendorEvents.declaredEventClass(function);
      FunctionRequest functionRequest =
          eventClass != null
              ? WholeEvent.request(event, invocation, eventClass)
              : functionRequest(event, request, invocation);
      FunctionResult result = runtime.dispatcher().call(function, functionRequest);
      if (VendorEvents.returnsEventClass(function)) {
        // The function returned AWS's own response class: it is the whole response.
        return result.bytes();
      }
      return respond(request, result);
    } catch (FunctionException e) {
      Level level = e.httpStatus() >= 500 ? Level.WARNING : Level.INFO;
      LOG.log(level, "[" + invocation.requestId() + "] " + e.toLogLine());
      return problem(request, Problem.of(e, invocation.requestId()));
    } catch (MalformedEventException e) {
      String detail = "Malformed " + event.kind().id() + " event: " + e.getMessage();
      return problem(
          request, new Problem(400, "Bad input", detail, null, "DECODE", invocation.requestId()));
    }
  }

  private static boolean isMultiValue(LambdaEvent event) {
    return event.kind() == EventKind.ALB && event.json().get("multiValueHeaders") instanceof Map;
  }

  private static FunctionRequest functionRequest(
      LambdaEvent event, HttpEvent request, LambdaInvocation invocation) {
    Headers headers = request.headers();
    InvocationContext.Builder context =
        invocation
            .contextBuilder(event.kind().id())
            .trace(
                TraceContext.of(
                    headers.first("traceparent").orElse(null),
                    headers.first("tracestate").orElse(null),
                    headers.first("X-Amzn-Trace-Id").orElse(invocation.traceId())))
            .attribute("http.method", request.method())
            .attribute("http.path", request.path())
            .raw(event)
            .raw(event.json());
    if (request.rawQuery() != null) {
      context.attribute("http.query", request.rawQuery());
    }
    return new FunctionRequest(request.body(), headers, context.build());
  }

  private static byte[] respond(HttpEvent request, FunctionResult result) {
    Headers.Builder headers = Headers.builder();
    List<String> cookies = new ArrayList<>();
    for (Map.Entry<String, List<String>> header : result.headers().asMap().entrySet()) {
      String name = header.getKey();
      if (name.equalsIgnoreCase("Set-Cookie")) {
        cookies.addAll(header.getValue());
      } else if (!HttpExchanges.isServerControlled(name)) {
        header.getValue().forEach(value -> headers.add(name, value));
      }
    }
    String contentType = result.effectiveContentType();
    if (contentType != null) {
      headers.set("Content-Type", contentType);
    }
    for (Cookie cookie : result.cookies()) {
      cookies.add(cookie.toSetCookieHeader());
    }
    return HttpResponseWriter.write(
        request, result.httpStatus(), headers.build(), cookies, result.payload());
  }

  private static byte[] problem(HttpEvent request, Problem problem) {
    Headers headers =
        Headers.builder()
            .add("Content-Type", Problem.CONTENT_TYPE)
            .add("X-Content-Type-Options", "nosniff")
            .build();
    return HttpResponseWriter.write(
        request, problem.status(), headers, List.of(), Payload.ofText(problem.toJson()));
  }
}
