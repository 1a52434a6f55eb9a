package dev.fn4j.aws.property;

import dev.fn4j.core.convert.JsonTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** One way of damaging an event, applied at a position chosen from a seed. */
enum Mutation {
  /** Removes one field of some object. */
  DROP_FIELD,
  /** Replaces one value by a value of another JSON type. */
  CHANGE_TYPE,
  /** Replaces one string by a number. */
  STRING_TO_NUMBER,
  /** Replaces one string by an array. */
  STRING_TO_ARRAY,
  /** Replaces one string by null. */
  STRING_TO_NULL,
  /** Marks a body as base64 and fills it (or Kinesis data) with text that is not base64. */
  CORRUPT_BASE64,
  /** Cuts the serialised event off at some byte. */
  TRUNCATE;

  /** A place in a tree: a map and one of its keys, or a list and one of its indices. */
  private record Slot(Object container, Object key) {

    @SuppressWarnings("unchecked")
    Object get() {
      return container instanceof Map<?, ?> map
          ? map.get(key)
          : ((List<Object>) container).get((Integer) key);
    }

    @SuppressWarnings("unchecked")
    void set(Object value) {
      if (container instanceof Map<?, ?> map) {
        ((Map<Object, Object>) map).put(key, value);
      } else {
        ((List<Object>) container).set((Integer) key, value);
      }
    }
  }

  /**
   * Applies mutations to a parsed event, in order; a truncation applies to the serialised result.
   *
   * @param tree the mutable event (changed in place)
   * @param mutations what to do
   * @param random where positions come from
   * @return the damaged event
   */
  static byte[] apply(Object tree, List<Mutation> mutations, Random random) {
    boolean truncate = false;
    for (Mutation mutation : mutations) {
      if (mutation == TRUNCATE) {
        truncate = true;
      } else {
        mutation.damage(tree, random);
      }
    }
    byte[] bytes = JsonTree.write(tree).getBytes(StandardCharsets.UTF_8);
    return truncate && bytes.length > 1
        ? Arrays.copyOf(bytes, random.nextInt(bytes.length - 1) + 1)
        : bytes;
  }

  @SuppressWarnings("unchecked")
  private void damage(Object tree, Random random) {
    List<Slot> slots = new ArrayList<>();
    collect(tree, slots);
    List<Slot> strings = slots.stream().filter(slot -> slot.get() instanceof String).toList();
    switch (this) {
      case DROP_FIELD -> {
        List<Slot> fields = slots.stream().filter(slot -> slot.container() instanceof Map).toList();
        if (!fields.isEmpty()) {
          Slot slot = fields.get(random.nextInt(fields.size()));
          ((Map<Object, Object>) slot.container()).remove(slot.key());
        }
      }
      case CHANGE_TYPE -> {
        if (!slots.isEmpty()) {
          Slot slot = slots.get(random.nextInt(slots.size()));
          slot.set(otherType(slot.get(), random));
        }
      }
      case STRING_TO_NUMBER -> pick(strings, random, (long) random.nextInt(1000) - 500);
      case STRING_TO_ARRAY -> pick(strings, random, new ArrayList<>(List.of("x", 1L)));
      case STRING_TO_NULL -> pick(strings, random, null);
      case CORRUPT_BASE64 -> corruptBase64(tree, strings, random);
      default -> throw new AssertionError(this);
    }
  }

  private static void pick(List<Slot> strings, Random random, Object replacement) {
    if (!strings.isEmpty()) {
      strings.get(random.nextInt(strings.size())).set(replacement);
    }
  }

  @SuppressWarnings("unchecked")
  private static void corruptBase64(Object tree, List<Slot> strings, Random random) {
    String garbage = "%%" + random.nextInt(1000) + "*not base64*==";
    if (tree instanceof Map<?, ?> map
        && (map.containsKey("body") || map.containsKey("httpMethod"))) {
      ((Map<Object, Object>) map).put("body", garbage);
      ((Map<Object, Object>) map).put("isBase64Encoded", true);
      return;
    }
    List<Slot> data = strings.stream().filter(slot -> "data".equals(slot.key())).toList();
    pick(data.isEmpty() ? strings : data, random, garbage);
  }

  private static Object otherType(Object value, Random random) {
    Object[] candidates = {
      "text", 42L, true, null, new ArrayList<>(List.of(1L, "two")), new java.util.LinkedHashMap<>()
    };
    Object chosen;
    do {
      chosen = candidates[random.nextInt(candidates.length)];
    } while (chosen == null
        ? value == null
        : value != null && chosen.getClass() == value.getClass());
    return chosen;
  }

  private static void collect(Object node, List<Slot> slots) {
    if (node instanceof Map<?, ?> map) {
      for (Object key : map.keySet()) {
        slots.add(new Slot(map, key));
        collect(map.get(key), slots);
      }
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        slots.add(new Slot(list, i));
        collect(list.get(i), slots);
      }
    }
  }
}
