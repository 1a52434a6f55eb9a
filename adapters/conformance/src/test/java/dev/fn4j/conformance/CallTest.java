package dev.fn4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallTest {

  @Test
  void the_factories_set_method_path_type_and_body() {
    Call post = Call.post("uppercase", "text/plain", "hé");
    Call json = Call.json("greet", "{}");
    Call get = Call.get("fortune");

    assertThat(post.method()).isEqualTo("POST");
    assertThat(post.path()).isEqualTo("/uppercase");
    assertThat(post.contentType()).hasValue("text/plain");
    assertThat(post.body()).isEqualTo("hé".getBytes(StandardCharsets.UTF_8));
    assertThat(json.contentType()).hasValue("application/json");
    assertThat(get.method()).isEqualTo("GET");
    assertThat(get.hasBody()).isFalse();
    assertThat(get.contentType()).isEmpty();
    assertThat(get.allHeaders()).isEmpty();
  }

  @Test
  void text_and_binary_bodies_are_told_apart_by_the_content_type() {
    assertThat(Call.post("f", "text/csv; charset=UTF-8", "a").hasTextBody()).isTrue();
    assertThat(Call.post("f", "application/vnd.api+json", "{}").hasTextBody()).isTrue();
    assertThat(Call.post("f", "application/octet-stream", new byte[] {1}).hasTextBody()).isFalse();
    assertThat(Call.post("f", null, "a").hasTextBody()).isFalse();
  }

  @Test
  void headers_keep_their_order_and_values_and_the_content_type_comes_last() {
    Call call =
        Call.post("f", "text/plain", "x")
            .withHeader("X-One", "1")
            .withHeader("X-Two", "2")
            .withHeader("x-one", "3");

    assertThat(call.headers())
        .containsExactly(
            java.util.Map.entry("X-One", List.of("1", "3")),
            java.util.Map.entry("X-Two", List.of("2")));
    assertThat(call.allHeaders().keySet()).containsExactly("X-One", "X-Two", "Content-Type");
  }

  @Test
  void headers_the_client_or_the_platform_owns_are_refused() {
    Call call = Call.get("f");
    for (String name :
        List.of("Host", "content-length", "Content-Type", "ce-type", "x-fc-status")) {
      assertThatThrownBy(() -> call.withHeader(name, "v"))
          .as(name)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> call.withHeader("X-Split", "a\r\nInjected: yes"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void names_are_function_names_or_compositions_and_the_raw_path_encodes_the_pipe() {
    assertThat(Call.get("uppercase|reverse").rawPath()).isEqualTo("/uppercase%7Creverse");
    assertThat(Call.get("uppercase,reverse").rawPath()).isEqualTo("/uppercase,reverse");
    for (String bad : List.of("", "a/b", "a?b", "a b", "|a")) {
      assertThatThrownBy(() -> Call.get(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void calls_with_the_same_parts_are_equal_and_the_body_is_copied() {
    byte[] body = {1, 2};
    Call call = Call.post("f", "application/octet-stream", body);
    body[0] = 9;

    assertThat(call).isEqualTo(Call.post("f", "application/octet-stream", new byte[] {1, 2}));
    assertThat(call)
        .hasSameHashCodeAs(Call.post("f", "application/octet-stream", new byte[] {1, 2}));
    assertThat(call).isNotEqualTo(Call.post("f", "application/octet-stream", new byte[] {1, 3}));
    assertThat(call.toString()).isEqualTo("POST /f (application/octet-stream, 2 bytes)");
  }
}
