package dev.fn4j.knative.sink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.fn4j.core.platform.Environment;
import dev.fn4j.knative.event.Attributes;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how a supplier's events go.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><th>variable</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code K_SINK}</td><td>none: no events are sent</td><td>the sink's URL, set by a
 *       SinkBinding or ContainerSource</td></tr>
 *   <tr><td>{@code K_CE_OVERRIDES}</td><td>none</td><td>{@code {"extensions":{"name":"value"}}}:
 *       extension attributes added to every event sent</td></tr>
 *   <tr><td>{@code FN4J_SINK_FUNCTION}</td><td>the selected function if it is a supplier, else the
 *       only supplier</td><td>the supplier (or supplier composition) whose output is sent</td></tr>
 *   <tr><td>{@code FN4J_SINK_INTERVAL_SECONDS}</td><td>0: once, at start</td><td>send an event
 *       this often</td></tr>
 *   <tr><td>{@code FN4J_SINK_RETRIES}</td><td>5</td><td>retries of a send that failed with a
 *       retryable status (404, 408, 409, 425, 429, 5xx) or no connection</td></tr>
 * </table>
 *
 * @param sink the sink's URL
 * @param extensions extension attributes added to every event
 * @param function the supplier to call, or null to choose by selection or uniqueness
 * @param interval how often to send; zero to send once
 * @param retries how many times a failed send is retried
 * @param backoff the first wait before a retry; it doubles each time, up to 30 s
 */
public record SinkSettings(
    URI sink,
    Map<String, String> extensions,
    String function,
    Duration interval,
    int retries,
    Duration backoff) {

  private static final JsonFactory JSON = new JsonFactory();

  public SinkSettings {
    Objects.requireNonNull(sink, "sink");
    extensions = Map.copyOf(extensions);
    if (interval.isNegative()) {
      throw new IllegalArgumentException("FN4J_SINK_INTERVAL_SECONDS must not be negative");
    }
    if (retries < 0) {
      throw new IllegalArgumentException("FN4J_SINK_RETRIES must not be negative");
    }
  }

  /**
   * Reads the settings.
   *
   * @param environment the environment
   * @return the settings, or empty when {@code K_SINK} is unset
   * @throws IllegalArgumentException when a value is malformed
   */
  public static Optional<SinkSettings> from(Environment environment) {
    Optional<String> sink = environment.value("K_SINK");
    if (sink.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new SinkSettings(
            sinkUri(sink.get()),
            overrides(environment.value("K_CE_OVERRIDES").orElse(null)),
            environment.value("FN4J_SINK_FUNCTION").orElse(null),
            Duration.ofSeconds(environment.intValue("FN4J_SINK_INTERVAL_SECONDS", 0)),
            environment.intValue("FN4J_SINK_RETRIES", 5),
            Duration.ofMillis(200)));
  }

  private static URI sinkUri(String text) {
    try {
      URI uri = new URI(text.trim());
      String scheme = uri.getScheme();
      if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
        throw new IllegalArgumentException(
            "K_SINK must be an http or https URL, not '" + Attributes.printable(text) + "'");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "K_SINK is not a URL: '" + Attributes.printable(text) + "'");
    }
  }

  /** Reads {@code {"extensions":{"name":"value",...}}}; other members are ignored. */
  static Map<String, String> overrides(String json) {
    Map<String, String> extensions = new LinkedHashMap<>();
    if (json == null || json.isBlank()) {
      return extensions;
    }
    try (JsonParser parser = JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw invalidOverrides("it is not a JSON object");
      }
      String member;
      while ((member = parser.nextFieldName()) != null) {
        JsonToken token = parser.nextToken();
        if (!member.equals("extensions")) {
          parser.skipChildren();
          continue;
        }
        if (token != JsonToken.START_OBJECT) {
          throw invalidOverrides("'extensions' is not a JSON object");
        }
        String name;
        while ((name = parser.nextFieldName()) != null) {
          JsonToken value = parser.nextToken();
          if (!Attributes.isValidName(name) || Attributes.isRequired(name)) {
            throw invalidOverrides(
                "'" + Attributes.printable(name) + "' is not a valid extension attribute name");
          }
          if (!value.isScalarValue() || value == JsonToken.VALUE_NULL) {
            throw invalidOverrides("the value of '" + name + "' is not a string");
          }
          extensions.put(name, parser.getText());
        }
      }
      return extensions;
    } catch (JsonProcessingException e) {
      throw invalidOverrides("it is not valid JSON");
    } catch (IOException e) {
      throw invalidOverrides("it cannot be read");
    }
  }

  private static IllegalArgumentException invalidOverrides(String why) {
    return new IllegalArgumentException("K_CE_OVERRIDES is invalid: " + why);
  }
}
