package dev.fn4j.testkit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a custom handler's answers as the Functions host does and lists where they break the
 * contract ({@link AzureReply#violations()}). Stateless; thread-safe.
 */
final class AzureContract {

  /** A Java stack frame, also after a JSON-escaped tab or line feed. */
  private static final Pattern STACK_FRAME =
      Pattern.compile(
          "(?:^|\\s|\\\\[tn])at [\\w$]+(?:\\.[\\w$<>]+)+"
              + "\\((?:[\\w$]+\\.java:\\d+|Native Method|Unknown Source)\\)",
          Pattern.MULTILINE);

  private AzureContract() {}

  /**
   * Tells whether the host would count the invocation as done.
   *
   * @param reply the answer
   * @return as {@link AzureReply#succeeded()}
   */
  static boolean succeeded(AzureReply reply) {
    if (!reply.invocation().kind().hasPayload()) {
      return true;
    }
    return is2xx(reply.status()) && isJson(reply) && answer(reply).isPresent();
  }

  /**
   * Reads the answer's {@code Outputs}.
   *
   * @param reply the answer
   * @return as {@link AzureReply#outputs()}
   */
  static Map<String, Object> outputs(AzureReply reply) {
    return answer(reply)
        .flatMap(answer -> AzureJson.memberIgnoringCase(answer, "Outputs"))
        .map(Map.Entry::getValue)
        .filter(Map.class::isInstance)
        .map(AzureContract::asObject)
        .orElse(Map.of());
  }

  /**
   * Reads the answer's {@code Logs}.
   *
   * @param reply the answer
   * @return as {@link AzureReply#logs()}
   */
  static List<String> logs(AzureReply reply) {
    Object logs =
        answer(reply)
            .flatMap(answer -> AzureJson.memberIgnoringCase(answer, "Logs"))
            .map(Map.Entry::getValue)
            .orElse(null);
    if (!(logs instanceof List<?> lines)) {
      return List.of();
    }
    List<String> text = new ArrayList<>(lines.size());
    for (Object line : lines) {
      text.add(line instanceof String string ? string : AzureJson.write(line));
    }
    return List.copyOf(text);
  }

  /**
   * Reads the answer's {@code ReturnValue}.
   *
   * @param reply the answer
   * @return as {@link AzureReply#returnValue()}
   */
  static Optional<Object> returnValue(AzureReply reply) {
    return answer(reply)
        .flatMap(answer -> AzureJson.memberIgnoringCase(answer, "ReturnValue"))
        .map(Map.Entry::getValue);
  }

  /**
   * Reads the HTTP response the client gets.
   *
   * @param reply the answer
   * @return as {@link AzureReply#httpResponse()}
   */
  static Optional<AzureHttpResponse> httpResponse(AzureReply reply) {
    AzureInvocation invocation = reply.invocation();
    if (invocation.kind() == AzureInvocation.Kind.PROXIED_HTTP) {
      return Optional.of(
          new AzureHttpResponse(reply.status(), reply.headers(), reply.response().body()));
    }
    return httpOutputValue(reply).flatMap(value -> readHttpResponse(value, new ArrayList<>()));
  }

  /**
   * Checks an answer against the contract.
   *
   * @param reply the answer and its request
   * @return the problems found, in a fixed order; empty when there are none
   */
  static List<String> violations(AzureReply reply) {
    AzureInvocation invocation = reply.invocation();
    AzureInvocation.Kind kind = invocation.kind();
    List<String> problems = new ArrayList<>();
    if (kind == AzureInvocation.Kind.READINESS) {
      return List.of();
    }
    if (kind.hasPayload()) {
      checkInvocationAnswer(reply, problems);
    }
    String text = new String(reply.bytes(), StandardCharsets.UTF_8);
    if (STACK_FRAME.matcher(text).find()) {
      problems.add("the answer carries a Java stack trace");
    }
    if (text.contains(AzureFunctionsHostFake.FAKE_STORAGE_ACCOUNT_KEY)) {
      problems.add("the answer carries the storage account key from AzureWebJobsStorage");
    }
    return List.copyOf(problems);
  }

  private static void checkInvocationAnswer(AzureReply reply, List<String> problems) {
    AzureInvocation invocation = reply.invocation();
    boolean http = invocation.trigger().orElse(null) == AzureTrigger.HTTP;
    int status = reply.status();
    if (!is2xx(status)) {
      if (http) {
        problems.add(
            "status "
                + status
                + " fails the invocation, so the HTTP client gets a bare 500 instead of the"
                + " function's response (answer 200 and put the status in the HTTP output)");
      }
      return;
    }
    if (reply.bytes().length == 0) {
      problems.add(
          "empty body with status "
              + status
              + ": the host reads no result and never completes the invocation");
      return;
    }
    if (!isJson(reply)) {
      problems.add(
          reply
                  .response()
                  .contentType()
                  .map(type -> "Content-Type '" + type + "' is not application/json")
                  .orElse("no Content-Type")
              + ": the host reads the answer as JSON and fails the invocation");
    }
    Optional<Map<String, Object>> answer = answer(reply);
    if (answer.isEmpty()) {
      problems.add("the body is not a JSON object with Outputs, Logs and ReturnValue");
      return;
    }
    AzureJson.memberIgnoringCase(answer.get(), "Outputs")
        .filter(outputs -> outputs.getValue() != null && !(outputs.getValue() instanceof Map))
        .ifPresent(outputs -> problems.add(outputs.getKey() + " is not a JSON object"));
    AzureJson.memberIgnoringCase(answer.get(), "Logs")
        .filter(logs -> logs.getValue() != null)
        .ifPresent(logs -> checkLogs(logs.getKey(), logs.getValue(), problems));
    if (http && !invocation.httpOutput().isEmpty()) {
      checkHttpOutput(reply, problems);
    }
  }

  private static void checkLogs(String name, Object logs, List<String> problems) {
    if (!(logs instanceof List<?> lines)) {
      problems.add(name + " is not an array of strings");
      return;
    }
    for (int i = 0; i < lines.size(); i++) {
      if (!(lines.get(i) instanceof String)) {
        problems.add(name + "[" + i + "] is not a string");
      }
    }
  }

  private static void checkHttpOutput(AzureReply reply, List<String> problems) {
    AzureInvocation invocation = reply.invocation();
    String where = where(invocation);
    Optional<Object> value = httpOutputValue(reply);
    if (value.isEmpty()) {
      problems.add(
          "no "
              + where
              + ": the HTTP output binding '"
              + invocation.httpOutput()
              + "' gets no value, so the client does not get the function's response");
      return;
    }
    Optional<AzureHttpResponse> response = readHttpResponse(value.get(), problems);
    if (response.isEmpty()) {
      return;
    }
    switch (invocation.kind()) {
      case SUBSCRIPTION_VALIDATION ->
          checkValidationResponse(where, response.get(), invocation, problems);
      case ABUSE_PROTECTION -> checkAbuseProtection(where, response.get(), invocation, problems);
      default -> {
        // an ordinary HTTP invocation: any well-formed response will do
      }
    }
  }

  private static void checkValidationResponse(
      String where, AzureHttpResponse response, AzureInvocation invocation, List<String> problems) {
    if (response.statusCode() != 200) {
      problems.add(
          where
              + ".statusCode "
              + response.statusCode()
              + ": Event Grid accepts only 200 for a subscription validation");
    }
    Object body = response.body();
    if (body instanceof String text) {
      body = AzureJson.read(text).orElse(null);
    }
    Object echoed = body instanceof Map<?, ?> object ? object.get("validationResponse") : null;
    if (!invocation.challenge().equals(echoed)) {
      problems.add(
          where
              + ".body does not echo the validation code as {\"validationResponse\": \""
              + invocation.challenge()
              + "\"}");
    }
  }

  private static void checkAbuseProtection(
      String where, AzureHttpResponse response, AzureInvocation invocation, List<String> problems) {
    Optional<String> allowed = response.header("WebHook-Allowed-Origin");
    if (allowed.isEmpty()) {
      problems.add(
          where + " has no WebHook-Allowed-Origin header, so Event Grid does not deliver events");
    } else if (!allowed.get().equals("*") && !allowed.get().equals(invocation.challenge())) {
      problems.add(
          where
              + " allows the origin '"
              + allowed.get()
              + "', not '"
              + invocation.challenge()
              + "' (or *)");
    }
  }

  private static Optional<Object> httpOutputValue(AzureReply reply) {
    AzureInvocation invocation = reply.invocation();
    if (!invocation.kind().hasPayload()
        || invocation.trigger().orElse(null) != AzureTrigger.HTTP
        || invocation.httpOutput().isEmpty()) {
      return Optional.empty();
    }
    if (invocation.httpOutput().equals(AzureBindings.RETURN)) {
      return returnValue(reply);
    }
    return Optional.ofNullable(outputs(reply).get(invocation.httpOutput()));
  }

  private static String where(AzureInvocation invocation) {
    return invocation.httpOutput().equals(AzureBindings.RETURN)
        ? "ReturnValue"
        : "Outputs." + invocation.httpOutput();
  }

  /**
   * Reads an HTTP output value as the host does: an object with {@code statusCode} (or {@code
   * status}), {@code headers} and {@code body}, names in any case.
   */
  private static Optional<AzureHttpResponse> readHttpResponse(Object value, List<String> problems) {
    if (!(value instanceof Map<?, ?>)) {
      problems.add("the HTTP output is not a JSON object {statusCode, headers, body}");
      return Optional.empty();
    }
    Map<String, Object> object = asObject(value);
    Optional<Map.Entry<String, Object>> statusMember =
        AzureJson.memberIgnoringCase(object, "statusCode")
            .or(() -> AzureJson.memberIgnoringCase(object, "status"));
    int status = 200;
    if (statusMember.isPresent() && statusMember.get().getValue() != null) {
      Optional<Integer> parsed = status(statusMember.get().getValue());
      if (parsed.isEmpty()) {
        problems.add(
            "the HTTP output's "
                + statusMember.get().getKey()
                + " '"
                + statusMember.get().getValue()
                + "' is not an HTTP status (100 to 599)");
        return Optional.empty();
      }
      status = parsed.get();
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    Object rawHeaders =
        AzureJson.memberIgnoringCase(object, "headers").map(Map.Entry::getValue).orElse(null);
    if (rawHeaders != null) {
      if (!(rawHeaders instanceof Map<?, ?> headerObject)) {
        problems.add("the HTTP output's headers are not a JSON object");
        return Optional.empty();
      }
      for (Map.Entry<?, ?> header : headerObject.entrySet()) {
        Optional<List<String>> values = headerValues(header.getValue());
        if (values.isEmpty()) {
          problems.add(
              "the HTTP output's header "
                  + header.getKey()
                  + " is neither a string nor an array of strings");
          return Optional.empty();
        }
        headers.put(String.valueOf(header.getKey()), values.get());
      }
    }
    Object body =
        AzureJson.memberIgnoringCase(object, "body").map(Map.Entry::getValue).orElse(null);
    return Optional.of(new AzureHttpResponse(status, headers, body));
  }

  private static Optional<Integer> status(Object value) {
    BigDecimal number;
    try {
      if (value instanceof String text) {
        number = new BigDecimal(text.strip());
      } else if (value instanceof BigDecimal decimal) {
        number = decimal;
      } else if (value instanceof BigInteger integer) {
        number = new BigDecimal(integer);
      } else if (value instanceof Integer || value instanceof Long) {
        number = BigDecimal.valueOf(((Number) value).longValue());
      } else {
        return Optional.empty();
      }
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    try {
      int status = number.intValueExact();
      return status >= 100 && status <= 599 ? Optional.of(status) : Optional.empty();
    } catch (ArithmeticException e) {
      return Optional.empty();
    }
  }

  private static Optional<List<String>> headerValues(Object value) {
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return Optional.of(List.of(String.valueOf(value)));
    }
    if (value instanceof List<?> list) {
      List<String> values = new ArrayList<>();
      for (Object element : list) {
        if (!(element instanceof String)) {
          return Optional.empty();
        }
        values.add((String) element);
      }
      return Optional.of(values);
    }
    return Optional.empty();
  }

  private static Optional<Map<String, Object>> answer(AzureReply reply) {
    if (!reply.invocation().kind().hasPayload()) {
      return Optional.empty();
    }
    return AzureJson.read(reply.bytes()).filter(Map.class::isInstance).map(AzureContract::asObject);
  }

  private static boolean isJson(AzureReply reply) {
    String media = reply.response().mediaType().orElse("");
    return media.equals("application/json") || media.equals("text/json");
  }

  private static boolean is2xx(int status) {
    return status >= 200 && status <= 299;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asObject(Object value) {
    return (Map<String, Object>) value;
  }
}
