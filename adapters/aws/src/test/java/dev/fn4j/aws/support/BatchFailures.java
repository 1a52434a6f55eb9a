package dev.fn4j.aws.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.core.convert.JsonTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a partial batch response, {@code {"batchItemFailures":[{"itemIdentifier":"…"}]}}. */
public final class BatchFailures {

  private BatchFailures() {}

  /**
   * Parses a partial batch response, checking its shape.
   *
   * @param response what the adapter returned
   * @return the reported item identifiers, in order
   */
  public static List<String> of(byte[] response) {
    Object parsed = JsonTree.parse(response);
    assertThat(parsed).isInstanceOf(Map.class);
    Map<?, ?> json = (Map<?, ?>) parsed;
    assertThat(List.copyOf(json.keySet())).isEqualTo(List.of("batchItemFailures"));
    assertThat(json.get("batchItemFailures")).isInstanceOf(List.class);
    List<String> ids = new ArrayList<>();
    for (Object item : (List<?>) json.get("batchItemFailures")) {
      assertThat(item).isInstanceOf(Map.class);
      assertThat(List.copyOf(((Map<?, ?>) item).keySet())).isEqualTo(List.of("itemIdentifier"));
      ids.add((String) ((Map<?, ?>) item).get("itemIdentifier"));
    }
    return ids;
  }
}
