package dev.fn4j.function;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The one implementation of {@link Headers}: a map keyed by lower-cased name. */
final class MultiValueHeaders implements Headers {

  static final MultiValueHeaders EMPTY = new MultiValueHeaders(Map.of());

  /** A header as stored: its first spelling and its values. */
  private record Entry(String name, List<String> values) {}

  private final Map<String, Entry> entries;

  private MultiValueHeaders(Map<String, Entry> entries) {
    this.entries = entries;
  }

  private static String key(String name) {
    return Objects.requireNonNull(name, "header name").toLowerCase(Locale.ROOT);
  }

  @Override
  public Optional<String> first(String name) {
    Entry entry = entries.get(key(name));
    return entry == null ? Optional.empty() : Optional.of(entry.values.get(0));
  }

  @Override
  public List<String> all(String name) {
    Entry entry = entries.get(key(name));
    return entry == null ? List.of() : entry.values;
  }

  @Override
  public boolean contains(String name) {
    return entries.containsKey(key(name));
  }

  @Override
  public Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    for (Entry entry : entries.values()) {
      names.add(entry.name);
    }
    return Collections.unmodifiableSet(names);
  }

  @Override
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  @Override
  public Map<String, List<String>> asMap() {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (Entry entry : entries.values()) {
      map.put(entry.name, entry.values);
    }
    return Collections.unmodifiableMap(map);
  }

  @Override
  public Headers with(String name, String value) {
    return toBuilder().add(name, value).build();
  }

  @Override
  public Headers withOnly(String name, String... values) {
    return toBuilder().set(name, values).build();
  }

  @Override
  public Headers without(String name) {
    if (!contains(name)) {
      return this;
    }
    Map<String, Entry> copy = new LinkedHashMap<>(entries);
    copy.remove(key(name));
    return copy.isEmpty() ? EMPTY : new MultiValueHeaders(Collections.unmodifiableMap(copy));
  }

  private Builder toBuilder() {
    Builder builder = new Builder();
    builder.addAll(this);
    return builder;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MultiValueHeaders headers
        && valuesByKey().equals(headers.valuesByKey());
  }

  @Override
  public int hashCode() {
    return valuesByKey().hashCode();
  }

  /** Names compare case-insensitively, so equality ignores their spelling. */
  private Map<String, List<String>> valuesByKey() {
    Map<String, List<String>> map = new LinkedHashMap<>();
    entries.forEach((key, entry) -> map.put(key, entry.values));
    return map;
  }

  @Override
  public String toString() {
    return asMap().toString();
  }

  /**
   * Mutable collector; each {@link #build()} takes a snapshot. One map entry per header; a header's
   * values stay an immutable list while it has one value (the common case), so that building copies
   * only what has several.
   */
  static final class Builder implements Headers.Builder {

    /** A header being collected: its first spelling and its values so far. */
    private static final class Slot {
      final String name;
      List<String> values;
      boolean growable;

      Slot(String name, List<String> values) {
        this.name = name;
        this.values = values;
      }
    }

    private final Map<String, Slot> slots = new LinkedHashMap<>();

    @Override
    public Builder add(String name, String value) {
      String key = key(name);
      Objects.requireNonNull(value, name);
      Slot slot = slots.get(key);
      if (slot == null) {
        slots.put(key, new Slot(name, List.of(value)));
      } else if (slot.growable) {
        slot.values.add(value);
      } else {
        List<String> more = new ArrayList<>(slot.values.size() + 4);
        more.addAll(slot.values);
        more.add(value);
        slot.values = more;
        slot.growable = true;
      }
      return this;
    }

    @Override
    public Builder set(String name, String... newValues) {
      String key = key(name);
      List<String> replacement = List.of(newValues); // rejects null values before any change
      if (replacement.isEmpty()) {
        slots.remove(key);
        return this;
      }
      Slot slot = slots.get(key);
      if (slot == null) {
        slots.put(key, new Slot(name, replacement));
      } else {
        slot.values = replacement;
        slot.growable = false;
      }
      return this;
    }

    @Override
    public Builder addAll(Headers headers) {
      for (Map.Entry<String, List<String>> header : headers.asMap().entrySet()) {
        for (String value : header.getValue()) {
          add(header.getKey(), value);
        }
      }
      return this;
    }

    @Override
    public Headers build() {
      if (slots.isEmpty()) {
        return EMPTY;
      }
      Map<String, Entry> entries = new LinkedHashMap<>((int) (slots.size() / 0.75f) + 1);
      for (Map.Entry<String, Slot> slot : slots.entrySet()) {
        Slot value = slot.getValue();
        entries.put(slot.getKey(), new Entry(value.name, List.copyOf(value.values)));
      }
      return new MultiValueHeaders(Collections.unmodifiableMap(entries));
    }
  }
}
