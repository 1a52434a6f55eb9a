package dev.fn4j.core.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.Composition;
import dev.fn4j.core.catalog.FunctionKind;
import dev.fn4j.core.convert.Payload;
import dev.fn4j.core.dispatch.FunctionException;
import dev.fn4j.core.dispatch.FunctionRequest;
import dev.fn4j.core.dispatch.FunctionResult;
import dev.fn4j.core.dispatch.RequestIds;
import dev.fn4j.function.Headers;
import dev.fn4j.function.InvocationContext;
import dev.fn4j.function.TraceContext;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Map;

/**
 * Serves functions over plain HTTP: {@code POST /{name}} calls a function or consumer, {@code GET
 * /{name}} a supplier, {@code /{a}|{b}} or {@code /{a},{b}} a composition, and {@code /} the
 * selected or only function. Failures answer with the status of DESIGN.md §6 and a problem body.
 *
 * <p>The local runner serves every request this way; the Knative adapter serves requests that are
 * not CloudEvents this way.
 */
public final class FunctionHttpHandler implements HttpHandler {

  private static final System.Logger LOG = dev.fn4j.core.logging.LazyLogger.of("dev.fn4j.http");

  /**
   * What a platform adds to plain-HTTP serving: its own request ids, context values and request
   * header filtering, and response headers that depend on the outcome. Every method has a neutral
   * default.
   */
  public interface Customizer {

    /**
     * Returns the request id of an exchange.
     *
     * @param exchange the exchange
     * @return the platform's id, by default a new fn4j id
     */
    default String requestId(HttpExchange exchange) {
      return RequestIds.next();
    }

    /**
     * Returns the path that routes the request; a platform that mounts functions under a prefix
     * strips it here.
     *
     * @param exchange the exchange
     * @return by default the request path
     */
    default String routingPath(HttpExchange exchange) {
      return exchange.getRequestURI().getPath();
    }

    /**
     * Returns the headers the function sees.
     *
     * @param exchange the exchange
     * @return by default every request header
     */
    default Headers headers(HttpExchange exchange) {
      return HttpExchanges.requestHeaders(exchange);
    }

    /**
     * Adds platform values to an invocation context.
     *
     * @param exchange the exchange
     * @param context the context being built
     */
    default void context(HttpExchange exchange, InvocationContext.Builder context) {}

    /**
     * Tells whether a reply header the function set must not reach the client, on top of the
     * headers every server controls.
     *
     * @param name the header name, as the function wrote it
     * @return true to drop it; by default none
     */
    default boolean dropsReplyHeader(String name) {
      return false;
    }

    /**
     * Runs just before the response is sent, when its status is known.
     *
     * @param exchange the exchange
     * @param status the status about to be sent
     */
    default void beforeResponse(HttpExchange exchange, int status) {}
  }

  private static final Customizer NEUTRAL = new Customizer() {};

  private final FunctionRuntime runtime;
  private final int maxBodyBytes;
  private final String platform;
  private final Map<String, String> attributes;
  private final Customizer customizer;

  /**
   * Creates a handler.
   *
   * @param runtime the functions
   * @param maxBodyBytes the largest request body accepted (larger ones get 413)
   * @param platform the platform id the invocation context reports
   * @param attributes platform attributes every invocation context carries, such as the service
   *     name
   */
  public FunctionHttpHandler(
      FunctionRuntime runtime, int maxBodyBytes, String platform, Map<String, String> attributes) {
    this(runtime, maxBodyBytes, platform, attributes, NEUTRAL);
  }

  /**
   * Creates a handler with a platform's customizations.
   *
   * @param runtime the functions
   * @param maxBodyBytes the largest request body accepted (larger ones get 413)
   * @param platform the platform id the invocation context reports
   * @param attributes platform attributes every invocation context carries
   * @param customizer the platform's request ids, context values, header filter and response
   *     headers
   */
  public FunctionHttpHandler(
      FunctionRuntime runtime,
      int maxBodyBytes,
      String platform,
      Map<String, String> attributes,
      Customizer customizer) {
    this.runtime = runtime;
    this.maxBodyBytes = maxBodyBytes;
    this.platform = platform;
    this.attributes = Map.copyOf(attributes);
    this.customizer = customizer;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    String requestId = customizer.requestId(exchange);
    try {
      Composition function = runtime.router().byPath(customizer.routingPath(exchange));
      checkMethod(function, method, exchange);
      byte[] body = HttpExchanges.readBody(exchange, maxBodyBytes, function.name());
      Headers headers = customizer.headers(exchange);
      FunctionRequest request =
          new FunctionRequest(
              Payload.ofBytes(body), headers, context(exchange, headers, requestId));
      FunctionResult result = runtime.dispatcher().call(function, request);
      customizer.beforeResponse(exchange, result.httpStatus());
      HttpExchanges.sendResult(exchange, result, customizer::dropsReplyHeader);
    } catch (FunctionException e) {
      logFailure(method, path, requestId, e);
      Problem problem = Problem.of(e, requestId);
      customizer.beforeResponse(exchange, problem.status());
      HttpExchanges.sendProblem(exchange, problem);
    }
  }

  private static void checkMethod(Composition function, String method, HttpExchange exchange) {
    if (!allowedMethod(function).equals(method)) {
      exchange.getResponseHeaders().set("Allow", allowedMethod(function));
    }
    requireMethod(function, method);
  }

  /**
   * Returns the one method a function is invoked with over HTTP: GET for a supplier, POST
   * otherwise.
   *
   * @param function the function
   * @return {@code GET} or {@code POST}
   */
  public static String allowedMethod(Composition function) {
    return function.kind() == FunctionKind.SUPPLIER ? "GET" : "POST";
  }

  /**
   * Checks a request's method against {@link #allowedMethod}.
   *
   * @param function the function
   * @param method the request's method
   * @throws FunctionException (405) when it is not the allowed one; answer with an {@code Allow}
   *     header
   */
  public static void requireMethod(Composition function, String method) {
    String allowed = allowedMethod(function);
    if (!allowed.equals(method)) {
      throw FunctionException.methodNotAllowed(
          function.name(),
          "a " + function.kind().label() + " is invoked with " + allowed + ", not " + method);
    }
  }

  private InvocationContext context(HttpExchange exchange, Headers headers, String requestId) {
    String query = exchange.getRequestURI().getRawQuery();
    InvocationContext.Builder context =
        InvocationContext.builder()
            .requestId(requestId)
            .platform(platform)
            .trace(
                TraceContext.of(
                    headers.first("traceparent").orElse(null),
                    headers.first("tracestate").orElse(null),
                    null))
            .attribute("http.method", exchange.getRequestMethod())
            .attribute("http.path", exchange.getRequestURI().getPath())
            .raw(exchange);
    attributes.forEach(context::attribute);
    if (query != null) {
      context.attribute("http.query", query);
    }
    customizer.context(exchange, context);
    return context.build();
  }

  /**
   * Logs a failed request on one line: WARNING for 5xx, INFO otherwise; never a stack trace or a
   * message of user code.
   *
   * @param method the request method
   * @param path the request path
   * @param requestId the request id
   * @param failure the failure
   */
  public static void logFailure(
      String method, String path, String requestId, FunctionException failure) {
    Level level = failure.httpStatus() >= 500 ? Level.WARNING : Level.INFO;
    if (LOG.isLoggable(level)) {
      LOG.log(
          level,
          "["
              + requestId
              + "] "
              + method
              + " "
              + path.replaceAll("[^\\x20-\\x7e]", "?")
              + " -> "
              + failure.httpStatus()
              + ": "
              + failure.toLogLine());
    }
  }
}
