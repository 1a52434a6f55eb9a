package dev.fn4j.knative;

import dev.fn4j.core.http.HttpServerSettings;
import dev.fn4j.core.platform.Environment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the Knative adapter reads from the environment.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><th>variable</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code K_SERVICE}, {@code K_REVISION}, {@code K_CONFIGURATION}</td><td>set by
 *       Knative Serving</td><td>reported in every invocation context as {@code knative.service},
 *       {@code knative.revision}, {@code knative.configuration}</td></tr>
 *   <tr><td>{@code PORT}</td><td>8080</td><td>the port, on all interfaces ({@code
 *       FN4J_HTTP_HOST} overrides the address)</td></tr>
 *   <tr><td>{@code FN4J_CE_REPLY_TYPE}</td><td>{@code {function}.output}</td><td>the {@code type}
 *       of reply events; {@code {function}} is the function's name</td></tr>
 *   <tr><td>{@code FN4J_CE_REPLY_SOURCE}</td><td>{@code /{service}/{function}}</td><td>the {@code
 *       source} of reply events; {@code {service}} is {@code K_SERVICE}, else {@code fn4j}</td></tr>
 * </table>
 *
 * <p>The embedded server's own settings ({@code FN4J_HTTP_THREADS}, {@code FN4J_MAX_BODY_BYTES},
 * {@code FN4J_DRAIN_SECONDS}) apply as everywhere.
 *
 * @param http the embedded server's settings
 * @param service the service name ({@code K_SERVICE}), or {@code fn4j} outside Knative Serving
 * @param serviceAttributes the {@code knative.*} context attributes
 * @param replyType the template of reply types
 * @param replySource the template of reply sources
 */
record KnativeSettings(
    HttpServerSettings http,
    String service,
    Map<String, String> serviceAttributes,
    String replyType,
    String replySource) {

  static final String DEFAULT_REPLY_TYPE = "{function}.output";
  static final String DEFAULT_REPLY_SOURCE = "/{service}/{function}";

  KnativeSettings {
    Objects.requireNonNull(http, "http");
    serviceAttributes = Map.copyOf(serviceAttributes);
    if (replyType.isBlank()) {
      throw new IllegalArgumentException("FN4J_CE_REPLY_TYPE must not be blank");
    }
    if (replySource.isBlank()) {
      throw new IllegalArgumentException("FN4J_CE_REPLY_SOURCE must not be blank");
    }
  }

  static KnativeSettings from(Environment environment) {
    Map<String, String> attributes = new LinkedHashMap<>();
    environment.value("K_SERVICE").ifPresent(value -> attributes.put("knative.service", value));
    environment.value("K_REVISION").ifPresent(value -> attributes.put("knative.revision", value));
    environment
        .value("K_CONFIGURATION")
        .ifPresent(value -> attributes.put("knative.configuration", value));
    return new KnativeSettings(
        HttpServerSettings.from(environment, "0.0.0.0", 8080),
        environment.value("K_SERVICE").orElse("fn4j"),
        attributes,
        environment.value("FN4J_CE_REPLY_TYPE").orElse(DEFAULT_REPLY_TYPE),
        environment.value("FN4J_CE_REPLY_SOURCE").orElse(DEFAULT_REPLY_SOURCE));
  }
}
