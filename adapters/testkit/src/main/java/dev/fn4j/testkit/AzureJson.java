package dev.fn4j.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON for the Azure host fake: payloads written from maps and lists, answers read into
 * unmodifiable maps, lists and plain values. Stateless; thread-safe.
 */
final class AzureJson {

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  /** Stands for a JSON {@code null} read at the top level, which Optional cannot hold. */
  static final Object NULL = new Object();

  private AzureJson() {}

  /**
   * Writes a value as JSON text.
   *
   * @param value maps, lists, strings, numbers, booleans and nulls
   * @return the JSON text
   */
  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write " + value.getClass().getName() + " as JSON", e);
    }
  }

  /**
   * Reads JSON text.
   *
   * @param bytes UTF-8 JSON
   * @return the value, deeply unmodifiable (objects as maps in order, arrays as lists; a top-level
   *     {@code null} as {@link #NULL}); empty when the bytes are not one well-formed JSON value
   */
  static Optional<Object> read(byte[] bytes) {
    if (bytes.length == 0) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(frozen(JSON.readValue(bytes, Object.class)))
          .or(() -> Optional.of(NULL));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads JSON text.
   *
   * @param text JSON
   * @return as {@link #read(byte[])}
   */
  static Optional<Object> read(String text) {
    return read(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Returns a member of a JSON object as a map.
   *
   * @param json the object's text; may be empty
   * @param name the member's name, matched exactly
   * @return the member's value when it is an object; otherwise an empty map
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> member(String json, String name) {
    Optional<Object> parsed = json.isEmpty() ? Optional.empty() : read(json);
    if (parsed.isPresent() && parsed.get() instanceof Map<?, ?> object) {
      Object value = object.get(name);
      if (value instanceof Map<?, ?> map) {
        return (Map<String, Object>) map;
      }
    }
    return Map.of();
  }

  /**
   * Finds a member of an object ignoring the case of its name, as the host's JSON binding does: an
   * exact match first, then the first one that differs only in case.
   *
   * @param object the object
   * @param name the member's name
   * @return the member's name as written and its value; empty when there is none
   */
  static Optional<Map.Entry<String, Object>> memberIgnoringCase(
      Map<String, Object> object, String name) {
    if (object.containsKey(name)) {
      return Optional.of(new AbstractMap.SimpleImmutableEntry<>(name, object.get(name)));
    }
    for (Map.Entry<String, Object> member : object.entrySet()) {
      if (member.getKey().equalsIgnoreCase(name)) {
        return Optional.of(
            new AbstractMap.SimpleImmutableEntry<>(member.getKey(), member.getValue()));
      }
    }
    return Optional.empty();
  }

  /**
   * Copies a parsed value into unmodifiable maps and lists (which, unlike {@code Map.copyOf}, keep
   * nulls and order).
   *
   * @param value a value as Jackson reads it untyped
   * @return the frozen copy
   */
  static Object frozen(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((key, member) -> copy.put(String.valueOf(key), frozen(member)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(element -> copy.add(frozen(element)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}
