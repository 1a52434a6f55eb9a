package dev.fn4j.spring.autoconfigure;

import dev.fn4j.core.catalog.CatalogException;
import dev.fn4j.core.platform.Environment;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * fn4j's settings read through Spring: each variable the core asks for is answered from the bound
 * {@code fn4j.*} properties first, then from Spring's environment under the variable's own name
 * (environment variables and system properties, so {@code FN4J_FUNCTION} keeps working) and under
 * its property name ({@code FN4J_PLATFORM} as {@code fn4j.platform}).
 *
 * <p>{@code spring.cloud.function.definition} is an alias of {@code fn4j.function}, read only when
 * the latter is unset, so that a Spring Cloud Function application keeps its selection. Several
 * definitions ({@code a;b}) are refused with a message saying what to set instead.
 */
final class SpringEnvironment implements Environment {

  /** The Spring Cloud Function property read as an alias of {@code fn4j.function}. */
  static final String SCF_DEFINITION = "spring.cloud.function.definition";

  private final org.springframework.core.env.Environment spring;
  private final Fn4jProperties properties;

  SpringEnvironment(org.springframework.core.env.Environment spring, Fn4jProperties properties) {
    this.spring = Objects.requireNonNull(spring, "spring");
    this.properties = Objects.requireNonNull(properties, "properties");
  }

  @Override
  public Optional<String> get(String name) {
    String bound = fromProperties(name);
    if (bound != null) {
      return Optional.of(bound);
    }
    String value = spring.getProperty(name);
    if (value == null) {
      value = spring.getProperty(Environment.propertyName(name));
    }
    if (value == null && name.equals("FN4J_FUNCTION")) {
      value = definitionAlias();
    }
    return Optional.ofNullable(value);
  }

  /**
   * Spring Cloud Function's definition, when it names one function or composition. Several
   * definitions ({@code a;b}) mean "route among these" there, which fn4j does by path, CloudEvent
   * type or header instead: a silent pick of one would change what the application answers.
   */
  private String definitionAlias() {
    String definition = spring.getProperty(SCF_DEFINITION);
    if (definition == null || !definition.contains(";")) {
      return definition;
    }
    throw new CatalogException(
        SCF_DEFINITION
            + " lists several functions ('"
            + definition
            + "'); fn4j takes one function or composition: set fn4j.function to one of them, or"
            + " to an empty value to route among all functions by path, CloudEvent type or"
            + " header");
  }

  private String fromProperties(String name) {
    Fn4jProperties.Routing routing = properties.getRouting();
    Fn4jProperties.Http http = properties.getHttp();
    return switch (name) {
      case "FN4J_FUNCTION" -> properties.getFunction();
      case "FN4J_ROUTING_HEADER" -> routing.getHeader();
      case "FN4J_ROUTING_TYPES" -> pairs("fn4j.routing.types", routing.getTypes());
      case "FN4J_ROUTING_PATHS" -> pairs("fn4j.routing.paths", routing.getPaths());
      case "PORT" -> text(http.getPort());
      case "FN4J_HTTP_HOST" -> http.getHost();
      case "FN4J_HTTP_THREADS" -> text(http.getThreads());
      case "FN4J_MAX_BODY_BYTES" -> text(http.getMaxBodyBytes());
      case "FN4J_DRAIN_SECONDS" -> text(http.getDrainSeconds());
      default -> null;
    };
  }

  /** Writes a map the way the core reads it from a variable: {@code key=function,key=function}. */
  private static String pairs(String property, Map<String, String> map) {
    if (map == null || map.isEmpty()) {
      return null;
    }
    StringJoiner joined = new StringJoiner(",");
    map.forEach(
        (key, value) -> {
          if (key.contains(",") || key.contains("=") || value == null || value.contains(",")) {
            throw new IllegalArgumentException(
                property
                    + " entries need a key without ',' or '=' and one function, not '"
                    + key
                    + "="
                    + value
                    + "'");
          }
          joined.add(key + "=" + value);
        });
    return joined.toString();
  }

  private static String text(Integer value) {
    return value == null ? null : value.toString();
  }
}
