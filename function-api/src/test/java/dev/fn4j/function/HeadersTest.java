package dev.fn4j.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadersTest {

  @Test
  void lookupIgnoresCase() {
    // given
    Headers headers = Headers.builder().add("Content-Type", "text/plain").build();

    // when / then
    assertThat(headers.first("content-type")).contains("text/plain");
    assertThat(headers.first("CONTENT-TYPE")).contains("text/plain");
    assertThat(headers.all("cOnTeNt-TyPe")).containsExactly("text/plain");
    assertThat(headers.contains("CONTENT-type")).isTrue();
  }

  @Test
  void namesThatDifferOnlyInCaseAreOneHeader() {
    // given
    Headers headers =
        Headers.builder().add("Accept", "text/plain").add("accept", "text/html").build();

    // when
    List<String> values = headers.all("ACCEPT");

    // then
    assertThat(values).containsExactly("text/plain", "text/html");
    assertThat(headers.names()).hasSize(1);
  }

  @Test
  void firstSpellingIsKept() {
    // given
    Headers headers = Headers.builder().add("X-Request-Id", "1").add("x-request-id", "2").build();

    // when / then
    assertThat(headers.names()).containsExactly("X-Request-Id");
    assertThat(headers.asMap()).containsOnlyKeys("X-Request-Id");
  }

  @Test
  void withKeepsTheFirstSpellingOfAnExistingHeader() {
    // given
    Headers headers = Headers.builder().add("Accept", "a").build();

    // when
    Headers more = headers.with("ACCEPT", "b");

    // then
    assertThat(more.names()).containsExactly("Accept");
    assertThat(more.all("accept")).containsExactly("a", "b");
  }

  @Test
  void valuesKeepTheirInsertionOrder() {
    // given
    Headers headers =
        Headers.builder().add("Via", "c").add("Via", "a").add("Via", "b").add("Via", "a").build();

    // when / then
    assertThat(headers.all("via")).containsExactly("c", "a", "b", "a");
    assertThat(headers.first("via")).contains("c");
  }

  @Test
  void namesKeepTheirInsertionOrder() {
    // given
    Headers headers =
        Headers.builder()
            .add("Zeta", "1")
            .add("Alpha", "2")
            .add("Mu", "3")
            .add("zeta", "4")
            .build();

    // when / then
    assertThat(headers.names()).containsExactly("Zeta", "Alpha", "Mu");
    assertThat(headers.asMap().keySet()).containsExactly("Zeta", "Alpha", "Mu");
  }

  @Test
  void absentHeaderHasNoValue() {
    // given
    Headers headers = Headers.builder().add("Accept", "text/plain").build();

    // when / then
    assertThat(headers.first("Authorization")).isEmpty();
    assertThat(headers.all("Authorization")).isNotNull().isEmpty();
    assertThat(headers.contains("Authorization")).isFalse();
  }

  @Test
  void emptyHeadersHaveNothing() {
    // given
    Headers headers = Headers.empty();

    // when / then
    assertThat(headers.isEmpty()).isTrue();
    assertThat(headers.names()).isEmpty();
    assertThat(headers.asMap()).isEmpty();
    assertThat(headers.first("Accept")).isEmpty();
    assertThat(headers.all("Accept")).isEmpty();
  }

  @Test
  void headersWithAValueAreNotEmpty() {
    // given
    Headers headers = Headers.empty().with("Accept", "text/plain");

    // when / then
    assertThat(headers.isEmpty()).isFalse();
  }

  @Test
  void ofCopiesAMapAndMergesNamesThatDifferOnlyInCase() {
    // given
    Map<String, List<String>> source = new LinkedHashMap<>();
    source.put("Accept", List.of("text/plain", "text/html"));
    source.put("ACCEPT", List.of("application/json"));
    source.put("X-Empty", List.of());

    // when
    Headers headers = Headers.of(source);

    // then
    assertThat(headers.names()).containsExactly("Accept");
    assertThat(headers.all("accept"))
        .containsExactly("text/plain", "text/html", "application/json");
    assertThat(headers.contains("X-Empty")).isFalse();
  }

  @Test
  void ofIsNotAffectedByLaterChangesToTheMap() {
    // given
    List<String> values = new ArrayList<>(List.of("a"));
    Map<String, List<String>> source = new LinkedHashMap<>();
    source.put("X-A", values);
    Headers headers = Headers.of(source);

    // when
    values.add("b");
    source.put("X-B", List.of("c"));

    // then
    assertThat(headers.all("X-A")).containsExactly("a");
    assertThat(headers.contains("X-B")).isFalse();
  }

  @Test
  void ofSingleHoldsOneValuePerName() {
    // given
    Map<String, String> source = new LinkedHashMap<>();
    source.put("Accept", "text/plain");
    source.put("Host", "example.com");

    // when
    Headers headers = Headers.ofSingle(source);

    // then
    assertThat(headers.names()).containsExactly("Accept", "Host");
    assertThat(headers.all("accept")).containsExactly("text/plain");
    assertThat(headers.all("host")).containsExactly("example.com");
  }

  @Test
  void withReturnsACopyAndLeavesTheOriginalUnchanged() {
    // given
    Headers original = Headers.builder().add("Accept", "text/plain").build();

    // when
    Headers copy = original.with("accept", "text/html").with("Host", "example.com");

    // then
    assertThat(copy).isNotSameAs(original);
    assertThat(copy.all("Accept")).containsExactly("text/plain", "text/html");
    assertThat(copy.first("Host")).contains("example.com");
    assertThat(original.all("Accept")).containsExactly("text/plain");
    assertThat(original.contains("Host")).isFalse();
  }

  @Test
  void withOnlyReplacesEveryValueOfAHeader() {
    // given
    Headers original = Headers.builder().add("Accept", "a").add("Accept", "b").build();

    // when
    Headers copy = original.withOnly("accept", "c", "d");

    // then
    assertThat(copy.all("Accept")).containsExactly("c", "d");
    assertThat(original.all("Accept")).containsExactly("a", "b");
  }

  @Test
  void withOnlyLeavesOtherHeadersAlone() {
    // given
    Headers original = Headers.builder().add("Accept", "a").add("Host", "h").build();

    // when
    Headers copy = original.withOnly("Accept", "b");

    // then
    assertThat(copy.all("Host")).containsExactly("h");
    assertThat(copy.names()).containsExactlyInAnyOrder("Accept", "Host");
  }

  @Test
  void withOnlyAddsAnAbsentHeader() {
    // given
    Headers original = Headers.empty();

    // when
    Headers copy = original.withOnly("X-New", "1", "2");

    // then
    assertThat(copy.all("x-new")).containsExactly("1", "2");
    assertThat(original.isEmpty()).isTrue();
  }

  @Test
  void withOnlyWithoutValuesRemovesTheHeader() {
    // given
    Headers original = Headers.builder().add("Accept", "a").add("Host", "h").build();

    // when
    Headers copy = original.withOnly("ACCEPT");

    // then
    assertThat(copy.contains("Accept")).isFalse();
    assertThat(copy.names()).containsExactly("Host");
    assertThat(original.contains("Accept")).isTrue();
  }

  @Test
  void withOnlyKeepsTheSpellingAndPositionOfAnExistingHeader() {
    // given
    Headers original = Headers.builder().add("Accept", "a").add("Host", "h").build();

    // when
    Headers copy = original.withOnly("ACCEPT", "b");

    // then
    assertThat(copy.names()).containsExactly("Accept", "Host");
    assertThat(copy.all("accept")).containsExactly("b");
  }

  @Test
  void withoutRemovesAHeaderInAnyCaseAndLeavesTheOriginalUnchanged() {
    // given
    Headers original = Headers.builder().add("Accept", "a").add("Host", "h").build();

    // when
    Headers copy = original.without("ACCEPT");

    // then
    assertThat(copy.contains("Accept")).isFalse();
    assertThat(copy.names()).containsExactly("Host");
    assertThat(original.all("Accept")).containsExactly("a");
    assertThat(original.names()).containsExactly("Accept", "Host");
  }

  @Test
  void withoutAnAbsentHeaderChangesNothing() {
    // given
    Headers original = Headers.builder().add("Accept", "a").build();

    // when
    Headers copy = original.without("Host");

    // then
    assertThat(copy).isEqualTo(original);
  }

  @Test
  void withoutTheLastHeaderLeavesEmptyHeaders() {
    // given
    Headers original = Headers.builder().add("Accept", "a").add("accept", "b").build();

    // when
    Headers copy = original.without("accept");

    // then
    assertThat(copy.isEmpty()).isTrue();
    assertThat(copy).isEqualTo(Headers.empty());
  }

  @Test
  void asMapIsUnmodifiable() {
    // given
    Headers headers = Headers.builder().add("Accept", "a").build();
    Map<String, List<String>> map = headers.asMap();

    // when / then
    assertThatThrownBy(() -> map.put("Host", List.of("h")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.remove("Accept"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.get("Accept").add("b"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(headers.all("Accept")).containsExactly("a");
  }

  @Test
  void asMapHoldsEveryHeaderWithItsValues() {
    // given
    Headers headers =
        Headers.builder().add("Accept", "a").add("Host", "h").add("ACCEPT", "b").build();

    // when
    Map<String, List<String>> map = headers.asMap();

    // then
    assertThat(map)
        .containsExactly(Map.entry("Accept", List.of("a", "b")), Map.entry("Host", List.of("h")));
  }

  @Test
  void allAndNamesAreUnmodifiable() {
    // given
    Headers headers = Headers.builder().add("Accept", "a").build();

    // when / then
    assertThatThrownBy(() -> headers.all("Accept").add("b"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> headers.names().add("Host"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> headers.all("Missing").add("b"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void builderReuseDoesNotAffectBuiltHeaders() {
    // given
    Headers.Builder builder = Headers.builder().add("Accept", "a");
    Headers first = builder.build();

    // when
    builder.add("Accept", "b").add("Host", "h");
    Headers second = builder.build();
    builder.set("Accept", "z");

    // then
    assertThat(first.all("Accept")).containsExactly("a");
    assertThat(first.contains("Host")).isFalse();
    assertThat(second.all("Accept")).containsExactly("a", "b");
    assertThat(second.all("Host")).containsExactly("h");
  }

  @Test
  void builderSetReplacesValues() {
    // given
    Headers.Builder builder = Headers.builder().add("Accept", "a").add("Accept", "b");

    // when
    Headers headers = builder.set("accept", "c").build();

    // then
    assertThat(headers.all("Accept")).containsExactly("c");
  }

  @Test
  void builderAddAllAppendsEveryValueOfOtherHeaders() {
    // given
    Headers other = Headers.builder().add("accept", "b").add("Host", "h").build();

    // when
    Headers headers = Headers.builder().add("Accept", "a").addAll(other).build();

    // then
    assertThat(headers.names()).containsExactly("Accept", "Host");
    assertThat(headers.all("Accept")).containsExactly("a", "b");
    assertThat(headers.all("Host")).containsExactly("h");
  }

  @Test
  void emptyBuilderBuildsEmptyHeaders() {
    // given
    Headers.Builder builder = Headers.builder();

    // when
    Headers headers = builder.build();

    // then
    assertThat(headers.isEmpty()).isTrue();
    assertThat(headers).isEqualTo(Headers.empty());
  }

  @Test
  void builderThatRejectedANullValueBuildsNoEmptyHeader() {
    // given
    Headers.Builder builder = Headers.builder();
    assertThatNullPointerException().isThrownBy(() -> builder.add("X-A", null));

    // when
    Headers headers = builder.build();

    // then
    assertThat(headers.contains("X-A")).isFalse();
    assertThat(headers.first("X-A")).isEmpty();
    assertThat(headers.isEmpty()).isTrue();
  }

  @Test
  void headersWithTheSameEntriesAreEqual() {
    // given
    Headers built =
        Headers.builder().add("Accept", "a").add("Accept", "b").add("Host", "h").build();
    Headers copied = Headers.empty().with("Accept", "a").with("Accept", "b").with("Host", "h");

    // when / then
    assertThat(built).isEqualTo(copied);
    assertThat(built.hashCode()).isEqualTo(copied.hashCode());
  }

  @Test
  void headersWithDifferentValuesAreNotEqual() {
    // given
    Headers headers = Headers.builder().add("Accept", "a").add("Accept", "b").build();

    // when / then
    assertThat(headers).isNotEqualTo(Headers.builder().add("Accept", "a").build());
    assertThat(headers)
        .isNotEqualTo(Headers.builder().add("Accept", "b").add("Accept", "a").build());
    assertThat(headers).isNotEqualTo(headers.with("Host", "h"));
    assertThat(headers).isNotEqualTo(Headers.empty());
  }

  @Test
  void nullNameIsRejected() {
    // given
    Headers headers = Headers.builder().add("Accept", "a").build();

    // when / then
    assertThatNullPointerException().isThrownBy(() -> headers.first(null));
    assertThatNullPointerException().isThrownBy(() -> headers.all(null));
    assertThatNullPointerException().isThrownBy(() -> headers.contains(null));
    assertThatNullPointerException().isThrownBy(() -> headers.with(null, "v"));
    assertThatNullPointerException().isThrownBy(() -> headers.withOnly(null, "v"));
    assertThatNullPointerException().isThrownBy(() -> headers.without(null));
    assertThatNullPointerException().isThrownBy(() -> Headers.builder().add(null, "v"));
    assertThatNullPointerException().isThrownBy(() -> Headers.builder().set(null, "v"));
  }

  @Test
  void nullValueIsRejected() {
    // given
    Headers headers = Headers.empty();

    // when / then
    assertThatNullPointerException().isThrownBy(() -> headers.with("Accept", null));
    assertThatNullPointerException().isThrownBy(() -> headers.withOnly("Accept", "a", null));
  }
}
