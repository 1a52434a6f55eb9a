package dev.fn4j.alibaba.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Unmodifiable copies for the records' collections: never null, null elements kept as sent. */
final class Copies {

  private Copies() {}

  static <T> List<T> list(List<T> list) {
    return list == null || list.isEmpty()
        ? List.of()
        : Collections.unmodifiableList(new ArrayList<>(list));
  }

  static <V> Map<String, V> map(Map<String, V> map) {
    return map == null || map.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** A map without the entries whose value is null (a JSON {@code null} member). */
  static Map<String, String> withoutNulls(Map<String, String> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    Map<String, String> copy = new LinkedHashMap<>();
    map.forEach(
        (name, value) -> {
          if (value != null) {
            copy.put(name, value);
          }
        });
    return Collections.unmodifiableMap(copy);
  }
}
