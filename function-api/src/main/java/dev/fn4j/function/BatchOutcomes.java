package dev.fn4j.function;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** The one implementation of {@link BatchResult}. */
record BatchOutcomes(List<Integer> failedIndices) implements BatchResult {

  static final BatchOutcomes SUCCESS = new BatchOutcomes(List.of());

  static BatchOutcomes of(Collection<Integer> indices) {
    TreeSet<Integer> sorted = new TreeSet<>();
    for (Integer index : indices) {
      if (index == null || index < 0) {
        throw new IllegalArgumentException("Batch item index must be zero or more, not " + index);
      }
      sorted.add(index);
    }
    return sorted.isEmpty() ? SUCCESS : new BatchOutcomes(List.copyOf(sorted));
  }
}
