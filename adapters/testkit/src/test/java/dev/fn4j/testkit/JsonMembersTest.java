package dev.fn4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The small JSON reader behind the error reports. */
class JsonMembersTest {

  @Test
  void keeps_each_members_raw_value_in_order() {
    assertThat(
            JsonMembers.of(
                " {\"a\": \"x\", \"n\": -1.5e3, \"o\": {\"k\": [1, {\"z\": null}]},"
                    + " \"t\": true, \"arr\": [ ] } "))
        .containsExactly(
            entry("a", "\"x\""),
            entry("n", "-1.5e3"),
            entry("o", "{\"k\": [1, {\"z\": null}]}"),
            entry("t", "true"),
            entry("arr", "[ ]"));
  }

  @Test
  void decodes_strings_with_escapes() {
    assertThat(JsonMembers.string("\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\ud83d\\ude00\""))
        .hasValue("a\"b\\c/d\n\té\uD83D\uDE00");
    assertThat(JsonMembers.string("42")).isEmpty();
    assertThat(JsonMembers.string("\"open")).isEmpty();
    assertThat(JsonMembers.string(null)).isEmpty();
  }

  @Test
  void decodes_arrays_of_strings_only() {
    assertThat(JsonMembers.strings("[\"a\", \"b\"]")).hasValue(List.of("a", "b"));
    assertThat(JsonMembers.strings("[]")).hasValue(List.of());
    assertThat(JsonMembers.strings("[\"a\", 1]")).isEmpty();
    assertThat(JsonMembers.strings("\"a\"")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "[]",
        "\"text\"",
        "{",
        "{\"a\"}",
        "{\"a\":}",
        "{\"a\":1,}",
        "{\"a\":1} trailing",
        "{\"a\":01}",
        "{\"a\":tru}",
        "{\"a\":\"\\x\"}",
        "{\"a\":\"\\u12g4\"}",
        "{a:1}"
      })
  void reads_nothing_from_text_that_is_not_one_json_object(String text) {
    assertThat(JsonMembers.of(text)).isEmpty();
  }

  @Test
  void quotes_what_it_can_read_back() {
    String tricky = "say \"hi\"\\\n\r\t\u0001 é";
    assertThat(JsonMembers.string(JsonMembers.quote(tricky))).hasValue(tricky);
    assertThat(JsonMembers.quote("a\u0001")).isEqualTo("\"a\\u0001\"");
  }

  private static java.util.Map.Entry<String, String> entry(String key, String value) {
    return java.util.Map.entry(key, value);
  }
}
