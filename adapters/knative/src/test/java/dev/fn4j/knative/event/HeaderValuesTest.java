package dev.fn4j.knative.event;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class HeaderValuesTest {

  @Test
  void space_quote_percent_and_non_ascii_are_escaped_as_utf8_bytes() {
    assertThat(HeaderValues.encode("a b\"c%d€")).isEqualTo("a%20b%22c%25d%E2%82%AC");
    assertThat(HeaderValues.encode("/plain-value_1.0")).isEqualTo("/plain-value_1.0");
  }

  @Test
  void escapes_are_decoded_and_malformed_ones_kept_as_they_are() {
    assertThat(HeaderValues.decode("Hello%20World%21%E2%82%AC")).isEqualTo("Hello World!€");
    assertThat(HeaderValues.decode("100%")).isEqualTo("100%");
    assertThat(HeaderValues.decode("%zz")).isEqualTo("%zz");
    assertThat(HeaderValues.decode("%FF")).as("not UTF-8").isEqualTo("%FF");
  }

  @Property
  void every_string_survives_a_header(@ForAll String value) {
    String encoded = HeaderValues.encode(value);
    assertThat(encoded).matches("[\\x21-\\x7e]*");
    if (value.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF)) {
      assertThat(HeaderValues.decode(encoded)).isEqualTo(value);
    }
  }
}
