package dev.fn4j.maven;

import java.util.LinkedHashMap;
import java.util.Map;

/** How the writers spell names and build the ordered maps their documents are made of. */
final class Names {

  private Names() {}

  /**
   * Returns a name in upper camel case, ASCII letters and digits only, as AWS logical ids need
   * them: {@code order-created} and {@code orderCreated} both give {@code OrderCreated}.
   *
   * @param name the name
   * @return the name in upper camel case
   */
  static String upperCamel(String name) {
    StringBuilder camel = new StringBuilder();
    boolean upper = true;
    for (char c : name.toCharArray()) {
      if (Character.isLetterOrDigit(c) && c < 128) {
        camel.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = true;
      }
    }
    return camel.toString();
  }

  /**
   * Returns an ordered map of alternating keys and values: a YAML or JSON object in the order its
   * platform's documentation shows it.
   *
   * @param keysAndValues key, value, key, value...
   * @return the map
   */
  static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
