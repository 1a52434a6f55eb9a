package dev.fn4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplyTest {

  @Test
  void header_names_are_looked_up_without_regard_to_case() {
    // given
    Reply reply = Reply.of(200, Map.of("content-type", List.of("application/json")), new byte[0]);

    // then
    assertThat(reply.header("Content-Type")).contains("application/json");
    assertThat(reply.headers()).containsKey("CONTENT-TYPE");
    assertThat(reply.header("X-Missing")).isEmpty();
    assertThat(reply.headerValues("X-Missing")).isEmpty();
  }

  @Test
  void headers_differing_only_in_case_are_merged_in_order() {
    // given
    Map<String, List<String>> headers = new HashMap<>();
    headers.put("Set-Cookie", List.of("a=1"));
    headers.put("set-cookie", List.of("b=2"));

    // when
    Reply reply = Reply.of(200, headers, new byte[0]);

    // then
    assertThat(reply.headerValues("SET-COOKIE")).containsExactlyInAnyOrder("a=1", "b=2");
  }

  @Test
  void a_null_header_name_is_dropped() {
    // given
    Map<String, List<String>> headers = new HashMap<>();
    headers.put(null, List.of("HTTP/1.1 200 OK"));

    // then
    assertThat(Reply.of(200, headers, new byte[0]).headers()).isEmpty();
  }

  @Test
  void the_body_text_is_decoded_with_the_content_types_charset() {
    // given
    byte[] latin1 = "Grüße".getBytes(StandardCharsets.ISO_8859_1);

    // when
    Reply reply =
        Reply.of(
            200, Map.of("Content-Type", List.of("text/plain; charset=\"ISO-8859-1\"")), latin1);

    // then
    assertThat(reply.body()).isEqualTo("Grüße");
  }

  @Test
  void the_body_text_is_utf_8_without_a_charset() {
    byte[] utf8 = "你好".getBytes(StandardCharsets.UTF_8);

    assertThat(Reply.of(200, Map.of(), utf8).body()).isEqualTo("你好");
  }

  @Test
  void the_body_bytes_are_copied_in_and_out() {
    // given
    byte[] body = {1, 2, 3};
    Reply reply = Reply.of(200, Map.of(), body);

    // when
    body[0] = 9;
    reply.bytes()[1] = 9;

    // then
    assertThat(reply.bytes()).containsExactly(1, 2, 3);
  }

  @Test
  void the_media_type_is_the_content_type_without_parameters_in_lower_case() {
    Reply reply =
        Reply.of(
            200, Map.of("Content-Type", List.of("Application/JSON; charset=utf-8")), new byte[0]);

    assertThat(reply.mediaType()).contains("application/json");
    assertThat(Reply.of(204, Map.of(), new byte[0]).mediaType()).isEmpty();
  }

  @Test
  void the_description_shows_status_content_type_and_body() {
    Reply reply =
        Reply.of(
            200,
            Map.of("Content-Type", List.of("text/plain")),
            "HELLO".getBytes(StandardCharsets.UTF_8));

    assertThat(reply).hasToString("200 text/plain: HELLO");
  }

  @Test
  void the_headers_cannot_be_changed() {
    Reply reply = Reply.of(200, Map.of("A", List.of("1")), new byte[0]);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> reply.headers().put("B", List.of()))
        .isInstanceOf(UnsupportedOperationException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> reply.headerValues("A").add("2"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
