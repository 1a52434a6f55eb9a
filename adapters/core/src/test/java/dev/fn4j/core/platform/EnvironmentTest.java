package dev.fn4j.core.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings read from a map, as tests and the launcher see them. */
class EnvironmentTest {

  @Test
  void returnsTrimmedValuesAndTreatsBlankAsUnset() {
    // given
    Environment environment = Environment.of(Map.of("A", "  x  ", "B", "   ", "C", ""));

    // when / then
    assertThat(environment.value("A")).contains("x");
    assertThat(environment.value("B")).isEmpty();
    assertThat(environment.value("C")).isEmpty();
    assertThat(environment.value("D")).isEmpty();
    assertThat(environment.get("B")).contains("   ");
  }

  @Test
  void copiesTheMapItIsGiven() {
    // given
    Map<String, String> variables = new HashMap<>(Map.of("A", "1"));
    Environment environment = Environment.of(variables);

    // when
    variables.put("A", "2");

    // then
    assertThat(environment.value("A")).contains("1");
  }

  @Test
  void readsIntegersWithAFallback() {
    // given
    Environment environment = Environment.of(Map.of("PORT", " 9090 "));

    // when / then
    assertThat(environment.intValue("PORT", 8080)).isEqualTo(9090);
    assertThat(environment.intValue("MISSING", 8080)).isEqualTo(8080);
  }

  @Test
  void namesTheVariableThatIsNotAnInteger() {
    // given
    Environment environment = Environment.of(Map.of("PORT", "eighty"));

    // when / then
    assertThatThrownBy(() -> environment.intValue("PORT", 8080))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PORT must be an integer, not 'eighty'");
  }

  @Test
  void mapsVariableNamesToSystemPropertyNames() {
    // when / then
    assertThat(Environment.propertyName("FN4J_FUNCTION")).isEqualTo("fn4j.function");
    assertThat(Environment.propertyName("FN4J_ROUTING_HEADER")).isEqualTo("fn4j.routing.header");
  }
}
