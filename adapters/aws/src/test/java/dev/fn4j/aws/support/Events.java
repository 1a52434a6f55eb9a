package dev.fn4j.aws.support;

import dev.fn4j.core.convert.JsonTree;
import dev.fn4j.testkit.EventFiles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The project's own AWS event files ({@code src/test/resources/events/aws}), as they are or with a
 * documented edit applied to their parsed tree (never built by string concatenation).
 */
public final class Events {

  /** The class path folder of the event files. */
  public static final String FOLDER = "events/aws";

  private Events() {}

  /**
   * Reads an event file.
   *
   * @param name the file below {@value #FOLDER}, for example {@code apigw-v2/post-json.json}
   * @return its bytes
   */
  public static byte[] bytes(String name) {
    return EventFiles.bytes(FOLDER + "/" + name);
  }

  /**
   * Reads an event file and applies an edit to its JSON tree.
   *
   * @param name the file below {@value #FOLDER}
   * @param edit changes the (mutable) top-level object
   * @return the edited event as JSON bytes
   */
  public static byte[] edited(String name, Consumer<Map<String, Object>> edit) {
    Map<String, Object> tree = mutableTree(bytes(name));
    edit.accept(tree);
    return JsonTree.write(tree).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Parses JSON into mutable maps and lists.
   *
   * @param json a JSON object
   * @return the object
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> mutableTree(byte[] json) {
    return (Map<String, Object>) mutableCopy(JsonTree.parse(json));
  }

  /**
   * Copies a parsed JSON value into mutable maps and lists.
   *
   * @param value a value as {@link JsonTree#parse(byte[])} returns it
   * @return the copy
   */
  public static Object mutableCopy(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((key, child) -> copy.put((String) key, mutableCopy(child)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(child -> copy.add(mutableCopy(child)));
      return copy;
    }
    return value;
  }

  /**
   * Walks into nested objects and array elements of a mutable tree.
   *
   * @param tree the top-level object
   * @param path field names, or element indices as decimal strings
   * @return the object at the end of the path
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> at(Map<String, Object> tree, String... path) {
    Object current = tree;
    for (String step : path) {
      current =
          current instanceof List<?> list
              ? list.get(Integer.parseInt(step))
              : ((Map<String, Object>) current).get(step);
    }
    return (Map<String, Object>) current;
  }

  /**
   * Returns the {@code Records} array's element of a records event.
   *
   * @param tree the top-level object
   * @param index the record's position
   * @return the record
   */
  public static Map<String, Object> record(Map<String, Object> tree, int index) {
    return at(tree, "Records", Integer.toString(index));
  }
}
