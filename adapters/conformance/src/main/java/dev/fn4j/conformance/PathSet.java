package dev.fn4j.conformance;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A set of paths chosen by name, in order: looked up by name, iterated, and closed together (every
 * path is closed even when one fails).
 *
 * @param <P> the kind of path
 */
public abstract class PathSet<P extends NamedPath> implements AutoCloseable, Iterable<P> {

  private final Map<String, P> paths;

  /**
   * Creates the set of the named paths.
   *
   * @param names the names, in order
   * @param create makes the path of a name; throws {@link IllegalArgumentException} for an unknown
   *     one
   * @throws IllegalArgumentException when a name is unknown or given twice
   */
  protected PathSet(String[] names, Function<String, P> create) {
    Map<String, P> chosen = new LinkedHashMap<>();
    for (String name : names) {
      Objects.requireNonNull(name, "name");
      if (chosen.containsKey(name)) {
        throw new IllegalArgumentException("The path '" + name + "' is named twice");
      }
      chosen.put(name, create.apply(name));
    }
    this.paths = chosen;
  }

  /**
   * Returns a path.
   *
   * @param name its name
   * @return the path
   * @throws IllegalArgumentException when this set has no such path
   */
  public P get(String name) {
    P path = paths.get(name);
    if (path == null) {
      throw new IllegalArgumentException("No path '" + name + "' here; the paths: " + names());
    }
    return path;
  }

  /**
   * Returns the names of the paths in this set.
   *
   * @return the names, in order
   */
  public List<String> names() {
    return List.copyOf(paths.keySet());
  }

  /**
   * Returns the paths.
   *
   * @return the paths, in order
   */
  public List<P> list() {
    return List.copyOf(paths.values());
  }

  @Override
  public Iterator<P> iterator() {
    return list().iterator();
  }

  /**
   * Stops every server and fake the paths started. Every path is closed even when one fails.
   *
   * @throws RuntimeException the first failure to stop, with the others suppressed
   */
  @Override
  public void close() {
    List<RuntimeException> failures = new ArrayList<>();
    for (P path : paths.values()) {
      try {
        path.close();
      } catch (RuntimeException e) {
        failures.add(e);
      }
    }
    if (!failures.isEmpty()) {
      RuntimeException first = failures.get(0);
      failures.subList(1, failures.size()).forEach(first::addSuppressed);
      throw first;
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + names();
  }
}
