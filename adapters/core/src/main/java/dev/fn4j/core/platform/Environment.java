package dev.fn4j.core.platform;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where settings come from: environment variables, with a system property of the same meaning
 * taking precedence ({@code FN4J_FUNCTION} or {@code -Dfn4j.function}). Tests pass a map instead of
 * touching the process's environment.
 */
@FunctionalInterface
public interface Environment {

  /**
   * Returns the process's environment and system properties.
   *
   * @return the system environment
   */
  static Environment system() {
    return SystemEnvironment.INSTANCE;
  }

  /**
   * Returns an environment holding exactly the given variables.
   *
   * @param variables variable names (as in the process environment) and values
   * @return the environment
   */
  static Environment of(Map<String, String> variables) {
    Map<String, String> copy = Map.copyOf(variables);
    return name -> Optional.ofNullable(copy.get(name));
  }

  /**
   * Returns the system property name for a variable: {@code FN4J_FUNCTION} becomes {@code
   * fn4j.function}.
   *
   * @param variable the variable name
   * @return the property name
   */
  static String propertyName(String variable) {
    return variable.toLowerCase(Locale.ROOT).replace('_', '.');
  }

  /**
   * Returns a variable's value.
   *
   * @param name the variable name, as in the process environment
   * @return the value, or empty when unset
   */
  Optional<String> get(String name);

  /**
   * Returns a variable's value when it is set and not blank.
   *
   * @param name the variable name
   * @return the trimmed value, or empty
   */
  default Optional<String> value(String name) {
    Optional<String> value = get(name);
    if (value.isEmpty()) {
      return value;
    }
    String trimmed = value.get().trim();
    return trimmed.isEmpty() ? Optional.empty() : Optional.of(trimmed);
  }

  /**
   * Returns a variable as an integer.
   *
   * @param name the variable name
   * @param fallback the value when unset
   * @return the value
   * @throws IllegalArgumentException when set but not an integer
   */
  default int intValue(String name, int fallback) {
    Optional<String> text = value(name);
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(text.get());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer, not '" + text.get() + "'");
    }
  }

  /** The process's environment, system properties first; no lambda, for cold start. */
  final class SystemEnvironment implements Environment {
    static final SystemEnvironment INSTANCE = new SystemEnvironment();

    private SystemEnvironment() {}

    @Override
    public Optional<String> get(String name) {
      String property = System.getProperty(propertyName(name));
      return Optional.ofNullable(property != null ? property : System.getenv(name));
    }
  }
}
