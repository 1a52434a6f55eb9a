package dev.fn4j.core.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTreeTest {

  @Test
  void objectsKeepDocumentOrderAndEqualAnyMapWithTheSameEntries() {
    // when
    Object tree = JsonTree.parse("{\"b\":1,\"a\":\"x\",\"c\":[true,null,2.5]}");

    // then
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("b", 1L);
    expected.put("a", "x");
    expected.put("c", java.util.Arrays.asList(true, null, new BigDecimal("2.5")));
    assertThat(tree).isEqualTo(expected);
    assertThat(List.<Object>copyOf(((Map<?, ?>) tree).keySet())).containsExactly("b", "a", "c");
    assertThat(tree.hashCode()).isEqualTo(expected.hashCode());
  }

  @Test
  void aRepeatedNameKeepsItsFirstPositionAndTheLastValue() {
    Map<?, ?> tree = (Map<?, ?>) JsonTree.parse("{\"a\":1,\"b\":2,\"a\":3}");

    assertThat(List.<Object>copyOf(tree.keySet())).containsExactly("a", "b");
    assertThat(tree.get("a")).isEqualTo(3L);
    assertThat(tree.containsKey("b")).isTrue();
    assertThat(tree.containsKey("z")).isFalse();
    assertThat(tree.get("z")).isNull();
  }

  @Test
  void parsedObjectsAndArraysCannotBeChanged() {
    @SuppressWarnings("unchecked")
    Map<String, Object> tree = (Map<String, Object>) JsonTree.parse("{\"a\":[1]}");

    assertThatThrownBy(() -> tree.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> tree.remove("a")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((List<?>) tree.get("a")).clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void bigObjectsAndBigNumbersSurviveARoundTrip() {
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < 40; i++) {
      json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
    }
    json.append(",\"big\":123456789012345678901234567890}");

    Map<?, ?> tree = (Map<?, ?>) JsonTree.parse(json.toString());

    assertThat(tree).hasSize(41);
    assertThat(tree.get("k39")).isEqualTo(39L);
    assertThat(tree.get("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(JsonTree.parse(JsonTree.write(tree))).isEqualTo(tree);
  }

  @Test
  void malformedOrTrailingInputIsADecodeError() {
    assertThatThrownBy(() -> JsonTree.parse("{\"a\":"))
        .isInstanceOf(JsonCodec.JsonDecodeException.class);
    assertThatThrownBy(() -> JsonTree.parse("{} {}"))
        .isInstanceOf(JsonCodec.JsonDecodeException.class)
        .hasMessageContaining("trailing content");
    assertThatThrownBy(() -> JsonTree.parse("")).isInstanceOf(JsonCodec.JsonDecodeException.class);
  }
}
