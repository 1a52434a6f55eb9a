package dev.fn4j.azure;

import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.Composition;
import dev.fn4j.core.convert.JsonTree;
import dev.fn4j.core.convert.MediaTypes;
import dev.fn4j.core.convert.Payload;
import dev.fn4j.core.dispatch.BatchMode;
import dev.fn4j.core.dispatch.BatchOutcome;
import dev.fn4j.core.dispatch.FunctionException;
import dev.fn4j.core.dispatch.FunctionRequest;
import dev.fn4j.core.dispatch.FunctionResult;
import dev.fn4j.core.http.HttpExchanges;
import dev.fn4j.core.http.Problem;
import dev.fn4j.function.Cookie;
import dev.fn4j.function.Headers;
import dev.fn4j.function.InvocationContext;
import dev.fn4j.function.TraceContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one invocation the Functions host sends a custom handler ({@code POST /{FunctionName}} with
 * {@code Data} and {@code Metadata}) and builds the answer's {@code Outputs} and {@code
 * ReturnValue}.
 *
 * <p>The function is {@code FN4J_FUNCTION}, else the one named like the Azure function, else (for
 * an HTTP trigger) the one the request path names below the route prefix, else the only function.
 * The trigger's value is the one entry of {@code Data} (or {@code FN4J_AZURE_TRIGGER_BINDING}):
 *
 * <ul>
 *   <li>an HTTP request ({@code Url}, {@code Method}, {@code Headers}, {@code Query}, {@code Body})
 *       becomes a neutral HTTP request; the answer is the HTTP output binding ({@code res}: {@code
 *       statusCode}, {@code headers}, {@code body}), failures included (DESIGN.md §6 status and a
 *       problem body), and Event Grid's validation handshake is answered here;
 *   <li>an Event Grid event, in the Event Grid schema or the CloudEvents schema, single or an
 *       array: its {@code data} by the function's declared type, its attributes as {@code ce-*}
 *       headers and {@code ce.*} context attributes (the Event Grid schema's names mapped to
 *       CloudEvents' ones);
 *   <li>anything else (queue and Service Bus messages, timer, blob): the value itself, text as text
 *       and JSON as JSON, with the trigger metadata as {@code azure.*} context attributes.
 * </ul>
 *
 * <p>A non-HTTP failure fails the invocation (the handler answers 500) so the host retries the
 * message; an array of events is all or nothing.
 */
final class HostInvocations {

  /** What an invocation answers: the HTTP status for the host, and the response's parts. */
  record Answer(int status, Map<String, Object> outputs, Object returnValue) {}

  private final FunctionRuntime runtime;
  private final CustomHandlerSettings settings;

  HostInvocations(FunctionRuntime runtime, CustomHandlerSettings settings) {
    this.runtime = runtime;
    this.settings = settings;
  }

  Answer invoke(HostRequest request, String requestId) {
    Map.Entry<String, Object> trigger = trigger(request);
    InvocationContext.Builder context = context(request, requestId);
    if (trigger.getValue() instanceof Map<?, ?> http
        && http.get("Url") instanceof String
        && http.get("Method") instanceof String) {
      return http(request, http, context, requestId);
    }
    Composition function = route(request.functionName(), null);
    Object value = HostValues.unwrap(trigger.getValue());
    List<FunctionRequest> items = eventGrid(value, context);
    if (items.isEmpty()) {
      items = List.of(value(value, HostValues.isBlob(request.metadata()), context));
    }
    if (items.size() == 1) {
      FunctionResult result = runtime.dispatcher().call(function, items.get(0));
      return new Answer(200, Map.of(), returnValue(result));
    }
    BatchOutcome outcome = runtime.dispatcher().callBatch(function, items, BatchMode.INDEPENDENT);
    if (!outcome.allSucceeded()) {
      throw FunctionException.batchFailed(
          function.name(), "events " + outcome.failedIndices() + " of " + items.size() + " failed");
    }
    return new Answer(200, Map.of(), null);
  }

  private Map.Entry<String, Object> trigger(HostRequest request) {
    Map<String, Object> data = request.data();
    if (settings.triggerBinding() != null && data.containsKey(settings.triggerBinding())) {
      return Map.entry(settings.triggerBinding(), data.get(settings.triggerBinding()));
    }
    for (Map.Entry<String, Object> entry : data.entrySet()) {
      if (entry.getValue() instanceof Map<?, ?> value
          && value.get("Url") instanceof String
          && value.get("Method") instanceof String) {
        return entry;
      }
    }
    if (data.size() == 1) {
      return data.entrySet().iterator().next();
    }
    throw FunctionException.badInput(
        request.functionName(),
        data.isEmpty()
            ? "the host sent no binding data"
            : "the host sent "
                + data.size()
                + " bindings "
                + data.keySet()
                + ": set FN4J_AZURE_TRIGGER_BINDING to the trigger's");
  }

  private Composition route(String azureFunction, String path) {
    if (runtime.router().selected().isPresent()) {
      return runtime.router().selected().get();
    }
    if (runtime.catalog().find(azureFunction).isPresent()) {
      return runtime.router().byName(azureFunction);
    }
    if (path != null && !path.equals("/")) {
      return runtime.router().byPath(path);
    }
    return runtime.router().defaultFunction();
  }

  private InvocationContext.Builder context(HostRequest request, String requestId) {
    InvocationContext.Builder context =
        InvocationContext.builder()
            .requestId(requestId)
            .platform(CustomHandlerPlatform.ID)
            .attribute("azure.function.name", request.functionName());
    request
        .metadata()
        .forEach(
            (name, value) -> {
              Object plain = HostValues.unwrap(value);
              if (plain instanceof String || plain instanceof Number || plain instanceof Boolean) {
                context.attribute("azure." + name, String.valueOf(plain));
              }
            });
    if (request.metadata().get("sys") instanceof Map<?, ?> sys) {
      sys.forEach(
          (name, value) -> {
            if (value != null) {
              context.attribute("azure.sys." + name, String.valueOf(value));
            }
          });
    }
    return context;
  }

  private Answer http(
      HostRequest host, Map<?, ?> http, InvocationContext.Builder context, String requestId) {
    Headers.Builder headers = Headers.builder();
    if (http.get("Headers") instanceof Map<?, ?> map) {
      map.forEach(
          (name, values) -> {
            if (values instanceof List<?> list) {
              list.forEach(value -> headers.add(String.valueOf(name), String.valueOf(value)));
            } else if (values != null) {
              headers.add(String.valueOf(name), String.valueOf(values));
            }
          });
    }
    Headers requestHeaders = headers.build();
    byte[] body;
    String badBody = null;
    try {
      body = HostValues.httpBody(http.get("Body"), requestHeaders.first("Content-Type"));
    } catch (IllegalArgumentException e) {
      body = new byte[0];
      badBody = e.getMessage();
    }
    String method = String.valueOf(http.get("Method"));
    URI url = URI.create(String.valueOf(http.get("Url")));
    String path = strip(url.getPath());
    Composition function = null;
    try {
      String validation = EventGridValidation.answer(requestHeaders, body).orElse(null);
      if (validation == null && EventGridValidation.isValidation(requestHeaders)) {
        throw FunctionException.badInput(
            "", "an Event Grid subscription validation without data.validationCode");
      }
      if (validation != null) {
        return httpAnswer(200, Map.of("Content-Type", List.of(MediaTypes.JSON)), validation);
      }
      if (method.equals("OPTIONS") && requestHeaders.contains("WebHook-Request-Origin")) {
        String origin = requestHeaders.first("WebHook-Request-Origin").orElse("*");
        return httpAnswer(200, Map.of("WebHook-Allowed-Origin", List.of(origin)), "");
      }
      function = route(host.functionName(), path);
      context
          .attribute("http.method", method)
          .attribute("http.path", path)
          .trace(
              TraceContext.of(
                  requestHeaders.first("traceparent").orElse(null),
                  requestHeaders.first("tracestate").orElse(null),
                  null));
      if (url.getRawQuery() != null) {
        context.attribute("http.query", url.getRawQuery());
      }
      dev.fn4j.core.http.FunctionHttpHandler.requireMethod(function, method);
      if (badBody != null) {
        throw FunctionException.badInput(function.name(), badBody);
      }
      FunctionResult result =
          runtime
              .dispatcher()
              .call(
                  function,
                  new FunctionRequest(Payload.ofBytes(body), requestHeaders, context.build()));
      return httpAnswer(result);
    } catch (FunctionException e) {
      AzureLog.failure(method + " " + path, requestId, e);
      Problem problem = Problem.of(e, requestId);
      Map<String, List<String>> answerHeaders = new LinkedHashMap<>();
      answerHeaders.put("Content-Type", List.of(Problem.CONTENT_TYPE));
      if (e.kind() == FunctionException.Kind.METHOD_NOT_ALLOWED && function != null) {
        answerHeaders.put(
            "Allow", List.of(dev.fn4j.core.http.FunctionHttpHandler.allowedMethod(function)));
      }
      return httpAnswer(problem.status(), answerHeaders, problem.toJson());
    }
  }

  private String strip(String path) {
    String prefix = "/" + settings.routePrefix();
    if (!settings.routePrefix().isEmpty()
        && (path.equals(prefix) || path.startsWith(prefix + "/"))) {
      String rest = path.substring(prefix.length());
      return rest.isEmpty() ? "/" : rest;
    }
    return path;
  }

  private Answer httpAnswer(FunctionResult result) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    HttpExchanges.addReplyHeaders(
        (name, value) -> headers.computeIfAbsent(name, key -> new ArrayList<>()).add(value),
        result.headers(),
        name -> name.equalsIgnoreCase("Content-Type"));
    for (Cookie cookie : result.cookies()) {
      headers
          .computeIfAbsent("Set-Cookie", key -> new ArrayList<>())
          .add(cookie.toSetCookieHeader());
    }
    String contentType = result.effectiveContentType();
    if (contentType != null) {
      headers.put("Content-Type", List.of(contentType));
    }
    byte[] bytes = result.bytes();
    String body =
        contentType == null || isText(contentType)
            ? new String(bytes, StandardCharsets.UTF_8)
            : Base64.getEncoder().encodeToString(bytes);
    return httpAnswer(result.httpStatus(), headers, body);
  }

  /** The HTTP output: one header value as a string, several as a list (cookies too). */
  private Answer httpAnswer(int status, Map<String, List<String>> headers, String body) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("statusCode", (long) status);
    // Some host versions require "status" beside "statusCode"; both hold the same code.
    response.put("status", (long) status);
    Map<String, Object> written = new LinkedHashMap<>();
    headers.forEach(
        (name, values) -> written.put(name, values.size() == 1 ? values.get(0) : values));
    response.put("headers", written);
    response.put("body", body);
    if (settings.httpOutput().equals("$return")) {
      return new Answer(200, Map.of(), response);
    }
    return new Answer(200, Map.of(settings.httpOutput(), response), null);
  }

  private static boolean isText(String contentType) {
    String essence = MediaTypes.essence(contentType);
    return essence.startsWith("text/")
        || MediaTypes.acceptsJson(contentType)
        || essence.endsWith("+xml")
        || essence.equals("application/xml")
        || essence.equals("application/x-www-form-urlencoded");
  }

  /** Event Grid events (either schema; one or an array) become one request per event. */
  private static List<FunctionRequest> eventGrid(Object value, InvocationContext.Builder context) {
    List<?> events = value instanceof List<?> list ? list : List.of(value);
    List<FunctionRequest> requests = new ArrayList<>(events.size());
    for (Object event : events) {
      if (!(event instanceof Map<?, ?> map)) {
        return List.of();
      }
      Map<String, String> attributes = EventGridEvents.attributes(map);
      if (attributes.isEmpty()) {
        return List.of();
      }
      requests.add(EventGridEvents.request(map, attributes, context));
    }
    return requests;
  }

  private static FunctionRequest value(
      Object value, boolean blob, InvocationContext.Builder context) {
    if (blob && value instanceof String base64) {
      try {
        return new FunctionRequest(
            Payload.ofBytes(Base64.getDecoder().decode(base64)), Headers.empty(), context.build());
      } catch (IllegalArgumentException notBase64) {
        return new FunctionRequest(Payload.ofText(base64), Headers.empty(), context.build());
      }
    }
    if (value instanceof String text) {
      return new FunctionRequest(Payload.ofText(text), Headers.empty(), context.build());
    }
    return new FunctionRequest(
        Payload.ofBytes(JsonTree.write(value).getBytes(StandardCharsets.UTF_8)),
        Headers.builder().add("Content-Type", MediaTypes.JSON).build(),
        context.build());
  }

  private static Object returnValue(FunctionResult result) {
    if (result.payload().isEmpty() && result.contentType() == null) {
      return null;
    }
    return new String(result.bytes(), StandardCharsets.UTF_8);
  }
}
