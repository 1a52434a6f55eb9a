package dev.fn4j.core.dispatch;

import dev.fn4j.core.catalog.CatalogException;
import dev.fn4j.core.catalog.Composition;
import dev.fn4j.core.catalog.FunctionCatalog;
import dev.fn4j.core.catalog.UnknownFunctionException;
import dev.fn4j.function.Headers;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Selects the function for a request by name, path, CloudEvent type or an allow-listed header —
 * lookups in the catalog, never an expression evaluated from request data. A selection ({@code
 * FN4J_FUNCTION}) wins over all of them.
 */
public final class Router {

  private static final int CACHE_LIMIT = 256;

  private final FunctionCatalog catalog;
  private final RoutingSettings settings;
  private final Composition selected;
  private final Map<String, Composition> resolved = new ConcurrentHashMap<>();

  /**
   * Creates a router; resolves the selection at once so a bad one fails start-up.
   *
   * @param catalog the functions
   * @param settings the routing settings
   * @throws CatalogException when the selection names an unknown function or does not compose
   */
  public Router(FunctionCatalog catalog, RoutingSettings settings) {
    this.catalog = catalog;
    this.settings = settings;
    try {
      this.selected = settings.selection() == null ? null : resolve(settings.selection());
    } catch (UnknownFunctionException e) {
      throw new CatalogException(
          "FN4J_FUNCTION is '" + settings.selection() + "': " + e.getMessage() + known());
    }
  }

  private String known() {
    StringBuilder names = new StringBuilder("; known functions: ");
    catalog.functions().forEach(f -> names.append(f.name()).append(' '));
    return catalog.size() == 0 ? "; no function is registered" : names.toString().trim();
  }

  /**
   * Returns the catalog.
   *
   * @return the functions
   */
  public FunctionCatalog catalog() {
    return catalog;
  }

  /**
   * Returns the function every invocation goes to, if one is selected.
   *
   * @return the selection
   */
  public Optional<Composition> selected() {
    return Optional.ofNullable(selected);
  }

  /**
   * Returns the function for a request that names none: the selection, else the only function.
   *
   * @return the function
   * @throws FunctionException (ROUTE) when there are several functions and none is selected
   */
  public Composition defaultFunction() {
    if (selected != null) {
      return selected;
    }
    if (catalog.size() == 1) {
      return byName(catalog.functions().iterator().next().name());
    }
    throw FunctionException.noSuchFunction(
        "",
        catalog.size() == 0
            ? "no function is registered"
            : "there are " + catalog.size() + " functions and none is selected: set FN4J_FUNCTION");
  }

  /**
   * Resolves a function or composition by name.
   *
   * @param definition for example {@code uppercase} or {@code uppercase|reverse}
   * @return the function
   * @throws FunctionException (ROUTE) when a name is unknown or the kinds do not compose
   */
  public Composition byName(String definition) {
    if (selected != null) {
      return selected;
    }
    try {
      return resolve(definition);
    } catch (UnknownFunctionException e) {
      throw FunctionException.noSuchFunction(e.functionName(), e.getMessage());
    } catch (CatalogException e) {
      throw FunctionException.noSuchFunction(definition, e.getMessage());
    }
  }

  /**
   * Resolves a request path: a configured prefix, else the first path segment as a definition.
   *
   * @param path the decoded path, for example {@code /uppercase} or {@code /uppercase|reverse}
   * @return the function
   * @throws FunctionException (ROUTE) when nothing matches
   */
  public Composition byPath(String path) {
    if (selected != null) {
      return selected;
    }
    for (Map.Entry<String, String> route : settings.paths().entrySet()) {
      if (matchesPrefix(path, route.getKey())) {
        return byName(route.getValue());
      }
    }
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    int slash = trimmed.indexOf('/');
    String segment = slash < 0 ? trimmed : trimmed.substring(0, slash);
    if (segment.isEmpty()) {
      return defaultFunction();
    }
    return byName(segment);
  }

  private static boolean matchesPrefix(String path, String prefix) {
    return path.equals(prefix)
        || (path.startsWith(prefix)
            && (prefix.endsWith("/") || path.charAt(prefix.length()) == '/'));
  }

  /**
   * Resolves a CloudEvent type: a configured mapping, else the function named like the type, else
   * the only function.
   *
   * @param type the event's {@code type} attribute
   * @return the function
   * @throws FunctionException (ROUTE) when nothing matches
   */
  public Composition byEventType(String type) {
    if (selected != null) {
      return selected;
    }
    String mapped = settings.eventTypes().get(type);
    if (mapped != null) {
      return byName(mapped);
    }
    if (catalog.find(type).isPresent()) {
      return byName(type);
    }
    if (catalog.size() == 1) {
      return defaultFunction();
    }
    throw FunctionException.noSuchFunction(
        type,
        "no function is routed for '"
            + type
            + "': name a function after it, map it in FN4J_ROUTING_TYPES, or set FN4J_FUNCTION");
  }

  /**
   * Resolves the allow-listed routing header, when one is configured and present.
   *
   * @param headers the request headers
   * @return the function, or empty when routing by header is off or the header is absent
   * @throws FunctionException (ROUTE) when the header names an unknown function
   */
  public Optional<Composition> byHeader(Headers headers) {
    if (selected != null) {
      return Optional.of(selected);
    }
    if (settings.header() == null) {
      return Optional.empty();
    }
    return headers.first(settings.header()).map(this::byName);
  }

  private Composition resolve(String definition) {
    Composition cached = resolved.get(definition);
    if (cached != null) {
      return cached;
    }
    Composition composition = Composition.resolve(catalog, definition);
    if (resolved.size() < CACHE_LIMIT) {
      resolved.put(definition, composition);
    }
    return composition;
  }
}
