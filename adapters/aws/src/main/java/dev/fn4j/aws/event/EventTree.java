package dev.fn4j.aws.event;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed, checked access to one JSON object of an event, as read by {@code JsonTree}. A field of the
 * wrong type is a {@link MalformedEventException} naming the field by its path; an absent or null
 * field is empty.
 *
 * @param path where this object sits in the event, for messages (for example {@code
 *     Records[2].kinesis})
 * @param fields the object's fields
 */
public record EventTree(String path, Map<String, Object> fields) {

  /**
   * Wraps a parsed value that must be a JSON object.
   *
   * @param path where the value sits
   * @param value the parsed value
   * @return the tree
   * @throws MalformedEventException when the value is not an object
   */
  @SuppressWarnings("unchecked")
  public static EventTree of(String path, Object value) {
    if (!(value instanceof Map<?, ?>)) {
      throw new MalformedEventException(path + " must be a JSON object");
    }
    return new EventTree(path, (Map<String, Object>) value);
  }

  /**
   * Tells whether a field is present and not null.
   *
   * @param name the field name
   * @return true when present
   */
  public boolean has(String name) {
    return fields.get(name) != null;
  }

  /**
   * Returns a string field.
   *
   * @param name the field name
   * @return the value, or empty when absent or null
   * @throws MalformedEventException when the field is not a string
   */
  public Optional<String> string(String name) {
    Object value = fields.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof String text) {
      return Optional.of(text);
    }
    throw wrongType(name, "a string");
  }

  /**
   * Returns a required string field.
   *
   * @param name the field name
   * @return the value
   * @throws MalformedEventException when absent or not a string
   */
  public String requireString(String name) {
    Optional<String> value = string(name);
    if (value.isEmpty()) {
      throw missing(name, "a string");
    }
    return value.get();
  }

  /**
   * Returns a boolean field.
   *
   * @param name the field name
   * @return the value, false when absent or null
   * @throws MalformedEventException when the field is not a boolean
   */
  public boolean flag(String name) {
    Object value = fields.get(name);
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean flag) {
      return flag;
    }
    throw wrongType(name, "true or false");
  }

  /**
   * Returns an object field.
   *
   * @param name the field name
   * @return the object, or empty when absent or null
   * @throws MalformedEventException when the field is not an object
   */
  public Optional<EventTree> object(String name) {
    Object value = fields.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Map<?, ?>)) {
      throw wrongType(name, "a JSON object");
    }
    return Optional.of(of(child(name), value));
  }

  /**
   * Returns a required object field.
   *
   * @param name the field name
   * @return the object
   * @throws MalformedEventException when absent or not an object
   */
  public EventTree requireObject(String name) {
    Optional<EventTree> value = object(name);
    if (value.isEmpty()) {
      throw missing(name, "a JSON object");
    }
    return value.get();
  }

  /**
   * Returns an array field.
   *
   * @param name the field name
   * @return the elements, empty when absent or null
   * @throws MalformedEventException when the field is not an array
   */
  public List<Object> array(String name) {
    Object value = fields.get(name);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      @SuppressWarnings("unchecked")
      List<Object> elements = (List<Object>) list;
      return elements;
    }
    throw wrongType(name, "a JSON array");
  }

  /**
   * Returns an array of strings.
   *
   * @param name the field name
   * @return the strings, empty when absent or null
   * @throws MalformedEventException when it is not an array of strings
   */
  public List<String> strings(String name) {
    List<Object> elements = array(name);
    for (Object element : elements) {
      if (!(element instanceof String)) {
        throw wrongType(name, "an array of strings");
      }
    }
    @SuppressWarnings("unchecked")
    List<String> strings = (List<String>) (List<?>) elements;
    return strings;
  }

  /**
   * Returns a raw field value as parsed.
   *
   * @param name the field name
   * @return the value, or null
   */
  public Object raw(String name) {
    return fields.get(name);
  }

  /**
   * Returns the path of a field of this object.
   *
   * @param name the field name
   * @return for example {@code requestContext.http}
   */
  public String child(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private MalformedEventException wrongType(String name, String expected) {
    return new MalformedEventException("event field '" + child(name) + "' must be " + expected);
  }

  private MalformedEventException missing(String name, String expected) {
    return new MalformedEventException(
        "event field '" + child(name) + "' is missing; it must be " + expected);
  }
}
