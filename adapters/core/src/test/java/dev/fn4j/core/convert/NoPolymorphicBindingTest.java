package dev.fn4j.core.convert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JavaType;
import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Request data never chooses a Java class (DESIGN.md principle 6): the mapper has no default
 * typing, so type hints in a body are plain data and the declared type alone decides what is built.
 * A gadget chain needs a class chosen by the attacker; there is none to choose.
 */
class NoPolymorphicBindingTest {

  /**
   * A record with an untyped field, where default typing would instantiate a named class.
   *
   * @param name a name
   * @param extra anything
   */
  record Loose(String name, Object extra) {}

  private static Payload json(String text) {
    return Payload.ofBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void the_mapper_has_no_default_typing_for_any_declared_type() {
    var mapper = JsonCodec.instance().mapper();
    for (Class<?> declared : List.of(Object.class, Map.class, List.class, Loose.class)) {
      JavaType type = mapper.constructType(declared);

      assertThat(mapper.getDeserializationConfig().getDefaultTyper(type))
          .as("%s", declared)
          .isNull();
    }
  }

  @Test
  void a_class_hint_in_an_object_stays_data() {
    Object read =
        JsonCodec.instance()
            .read(json("{\"@class\":\"java.io.File\",\"path\":\"/etc/passwd\"}"), Object.class);

    assertThat(read).isInstanceOf(Map.class).isNotInstanceOf(File.class);
    assertThat(((Map<?, ?>) read).get("@class")).isEqualTo("java.io.File");
  }

  @Test
  void the_array_form_of_a_type_hint_in_an_untyped_field_stays_data() {
    Object read =
        JsonCodec.instance()
            .read(
                json(
                    "{\"name\":\"x\",\"extra\":[\"java.net.URL\",\"http://attacker.example/\"],"
                        + "\"@type\":\"java.lang.ProcessBuilder\"}"),
                Loose.class);

    Loose loose = (Loose) read;
    assertThat(loose.extra()).isInstanceOf(List.class).isNotInstanceOf(URL.class);
    assertThat(loose.extra()).isEqualTo(List.of("java.net.URL", "http://attacker.example/"));
  }
}
