package dev.fn4j.core.convert;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The immutable map a {@link JsonTree} object becomes: keys and values in two arrays, in document
 * order, looked up by a linear scan. Event envelopes have small objects (a few to a few dozen
 * fields), for which this is as fast as hashing and allocates a fraction of a {@code
 * LinkedHashMap}: the hot path of every adapter parses one per invocation.
 */
final class JsonObject extends AbstractMap<String, Object> {

  private final String[] keys;
  private final Object[] values;
  private final int size;

  private JsonObject(String[] keys, Object[] values, int size) {
    this.keys = keys;
    this.values = values;
    this.size = size;
  }

  /** Collects fields; a later field with the same name replaces the earlier one, as in JSON. */
  static final class Builder {
    private String[] keys = new String[8];
    private Object[] values = new Object[8];
    private int size;

    void put(String key, Object value) {
      for (int i = 0; i < size; i++) {
        if (keys[i].equals(key)) {
          values[i] = value;
          return;
        }
      }
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      keys[size] = key;
      values[size] = value;
      size++;
    }

    JsonObject build() {
      return new JsonObject(keys, values, size);
    }
  }

  private int indexOf(Object key) {
    for (int i = 0; i < size; i++) {
      if (keys[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public Object get(Object key) {
    int index = indexOf(key);
    return index < 0 ? null : values[index];
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Entry<String, Object> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            int index = next++;
            return new SimpleImmutableEntry<>(keys[index], values[index]);
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }
}
