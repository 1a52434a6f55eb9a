package dev.fn4j.core.dispatch;

import dev.fn4j.core.platform.Environment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How requests find their function. Read once from the environment:
 *
 * <table>
 *   <caption>Routing settings</caption>
 *   <tr><th>variable</th><th>meaning</th></tr>
 *   <tr><td>{@code FN4J_FUNCTION}</td><td>every invocation goes to this function or
 *       composition; routing below is off</td></tr>
 *   <tr><td>{@code FN4J_ROUTING_HEADER}</td><td>names the one request header whose value may
 *       select the function (off by default)</td></tr>
 *   <tr><td>{@code FN4J_ROUTING_TYPES}</td><td>CloudEvent type to function:
 *       {@code com.acme.order.created=ship,com.acme.order.paid=bill}</td></tr>
 *   <tr><td>{@code FN4J_ROUTING_PATHS}</td><td>path prefix to function:
 *       {@code /orders=createOrder,/v1/greet=greet}; without an entry the first path segment
 *       names the function</td></tr>
 * </table>
 *
 * @param selection the function every invocation goes to, or null
 * @param header the allow-listed routing header, or null
 * @param eventTypes CloudEvent type to function definition
 * @param paths path prefix to function definition, longest first
 */
public record RoutingSettings(
    String selection, String header, Map<String, String> eventTypes, Map<String, String> paths) {

  /** Routing with nothing configured. */
  public static final RoutingSettings DEFAULT = new RoutingSettings(null, null, Map.of(), Map.of());

  public RoutingSettings {
    eventTypes = Map.copyOf(eventTypes);
    paths = longestFirst(paths);
  }

  /**
   * Reads the settings.
   *
   * @param environment where to read
   * @return the settings
   * @throws IllegalArgumentException when a map setting is malformed
   */
  public static RoutingSettings from(Environment environment) {
    return new RoutingSettings(
        environment.value("FN4J_FUNCTION").orElse(null),
        environment.value("FN4J_ROUTING_HEADER").orElse(null),
        pairs("FN4J_ROUTING_TYPES", environment.value("FN4J_ROUTING_TYPES")),
        pairs("FN4J_ROUTING_PATHS", environment.value("FN4J_ROUTING_PATHS")));
  }

  /**
   * Returns a copy with a selection.
   *
   * @param definition the function or composition every invocation goes to
   * @return the new settings
   */
  public RoutingSettings withSelection(String definition) {
    return new RoutingSettings(
        Objects.requireNonNull(definition, "definition"), header, eventTypes, paths);
  }

  /**
   * Returns the selection.
   *
   * @return the selected definition, or empty
   */
  public Optional<String> selected() {
    return Optional.ofNullable(selection);
  }

  private static Map<String, String> pairs(String variable, Optional<String> text) {
    Map<String, String> pairs = new LinkedHashMap<>();
    if (text.isEmpty()) {
      return pairs;
    }
    for (String entry : text.get().split(",")) {
      int equals = entry.indexOf('=');
      if (equals <= 0 || equals == entry.length() - 1) {
        throw new IllegalArgumentException(
            variable + " entries look like key=function, not '" + entry.trim() + "'");
      }
      pairs.put(entry.substring(0, equals).trim(), entry.substring(equals + 1).trim());
    }
    return pairs;
  }

  private static Map<String, String> longestFirst(Map<String, String> paths) {
    if (paths.isEmpty()) {
      return Map.of();
    }
    List<String> keys = new java.util.ArrayList<>(paths.keySet());
    keys.sort(java.util.Comparator.comparingInt(String::length).reversed());
    Map<String, String> sorted = new LinkedHashMap<>();
    for (String key : keys) {
      sorted.put(key, paths.get(key));
    }
    return java.util.Collections.unmodifiableMap(sorted);
  }
}
