package dev.fn4j.alibaba;

import dev.fn4j.core.dispatch.RequestIds;
import dev.fn4j.function.Headers;
import dev.fn4j.function.InvocationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What FC says about one invocation in its {@code x-fc-*} request headers: the request id, the
 * function's settings, the region and account, the qualifier and version, the log project, the
 * retry count, and the role's credentials. Context attributes get all but the credentials, which
 * only {@code context.unwrap(FcCredentials.class)} reaches; functions never see {@code x-fc-*}
 * headers.
 *
 * @param requestId FC's request id ({@code x-fc-request-id}), or a new fn4j id when absent
 * @param attributes the {@code fc.*} context attributes
 * @param credentials the role's credentials
 * @param deadline when FC stops the invocation (now plus the function's timeout, taken once when
 *     the request arrives), or null when FC sent no timeout
 */
record FcRequest(
    String requestId, Map<String, String> attributes, FcCredentials credentials, Instant deadline) {

  private static final String[][] ATTRIBUTES = {
    {"x-fc-function-name", "fc.function.name"},
    {"x-fc-function-handler", "fc.function.handler"},
    {"x-fc-function-memory", "fc.function.memory"},
    {"x-fc-function-timeout", "fc.function.timeout"},
    {"x-fc-region", "fc.region"},
    {"x-fc-account-id", "fc.account.id"},
    {"x-fc-qualifier", "fc.qualifier"},
    {"x-fc-version-id", "fc.version.id"},
    {"x-fc-service-name", "fc.service.name"},
    {"x-fc-service-logproject", "fc.log.project"},
    {"x-fc-service-logstore", "fc.log.store"},
    {"x-fc-retry-count", "fc.retry.count"},
  };

  FcRequest {
    attributes = Map.copyOf(attributes);
  }

  /**
   * Reads the {@code x-fc-*} headers.
   *
   * @param headers the request headers
   * @return the invocation's values
   */
  static FcRequest of(Headers headers) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (String[] attribute : ATTRIBUTES) {
      headers
          .first(attribute[0])
          .filter(value -> !value.isEmpty())
          .ifPresent(value -> attributes.put(attribute[1], value));
    }
    Duration timeout = null;
    String seconds = attributes.get("fc.function.timeout");
    if (seconds != null) {
      try {
        timeout = Duration.ofSeconds(Long.parseLong(seconds.trim()));
      } catch (NumberFormatException e) {
        timeout = null;
      }
    }
    return new FcRequest(
        headers.first("x-fc-request-id").filter(id -> !id.isEmpty()).orElseGet(RequestIds::next),
        attributes,
        new FcCredentials(
            headers.first("x-fc-access-key-id").orElse(""),
            headers.first("x-fc-access-key-secret").orElse(""),
            headers.first("x-fc-security-token").orElse("")),
        timeout == null ? null : Instant.now().plus(timeout));
  }

  /**
   * Returns the request headers a function may see: all but FC's {@code x-fc-*} ones.
   *
   * @param headers the request headers
   * @return the headers without {@code x-fc-*}
   */
  static Headers functionHeaders(Headers headers) {
    boolean any = false;
    for (String name : headers.names()) {
      if (isFcHeader(name)) {
        any = true;
        break;
      }
    }
    if (!any) {
      return headers;
    }
    Headers.Builder visible = Headers.builder();
    for (Map.Entry<String, List<String>> header : headers.asMap().entrySet()) {
      if (!isFcHeader(header.getKey())) {
        header.getValue().forEach(value -> visible.add(header.getKey(), value));
      }
    }
    return visible.build();
  }

  static boolean isFcHeader(String name) {
    return name.length() > 5 && name.toLowerCase(Locale.ROOT).startsWith("x-fc-");
  }

  /**
   * Adds this invocation's values to a context.
   *
   * @param context the context being built
   * @return the same builder
   */
  InvocationContext.Builder describe(InvocationContext.Builder context) {
    context.requestId(requestId).platform(FcPlatform.ID).raw(credentials);
    attributes.forEach(context::attribute);
    if (deadline != null) {
      context.deadline(deadline);
    }
    return context;
  }
}
