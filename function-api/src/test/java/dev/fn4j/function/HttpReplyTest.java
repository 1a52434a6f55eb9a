package dev.fn4j.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpReplyTest {

  @Test
  void okIsA200WithTheBody() {
    // given / when
    HttpReply<String> reply = HttpReply.ok("hello");

    // then
    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(reply.body()).contains("hello");
    assertThat(reply.headers().isEmpty()).isTrue();
    assertThat(reply.cookies()).isEmpty();
  }

  @Test
  void ofKeepsStatusAndBody() {
    // given / when
    HttpReply<Integer> reply = HttpReply.of(201, 42);

    // then
    assertThat(reply.statusCode()).isEqualTo(201);
    assertThat(reply.body()).contains(42);
  }

  @Test
  void statusHasNoBody() {
    // given / when
    HttpReply<String> reply = HttpReply.status(204);

    // then
    assertThat(reply.statusCode()).isEqualTo(204);
    assertThat(reply.body()).isEmpty();
    assertThat(reply.headers()).isNotNull();
    assertThat(reply.cookies()).isNotNull().isEmpty();
  }

  @Test
  void nullBodyMeansNoBody() {
    // given / when
    HttpReply<String> reply = HttpReply.of(200, null);

    // then
    assertThat(reply.body()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {100, 101, 200, 302, 404, 599})
  void statusFrom100To599IsAccepted(int status) {
    assertThat(HttpReply.status(status).statusCode()).isEqualTo(status);
    assertThat(HttpReply.of(status, "b").statusCode()).isEqualTo(status);
    assertThat(HttpReply.ok("b").withStatus(status).statusCode()).isEqualTo(status);
  }

  @ParameterizedTest
  @ValueSource(ints = {Integer.MIN_VALUE, -200, 0, 1, 99, 600, 999, Integer.MAX_VALUE})
  void statusOutside100To599IsRejected(int status) {
    assertThatIllegalArgumentException().isThrownBy(() -> HttpReply.status(status));
    assertThatIllegalArgumentException().isThrownBy(() -> HttpReply.of(status, "b"));
    assertThatIllegalArgumentException().isThrownBy(() -> HttpReply.ok("b").withStatus(status));
  }

  @Test
  void withStatusReturnsACopyKeepingEverythingElse() {
    // given
    Cookie cookie = Cookie.of("a", "b");
    HttpReply<String> original = HttpReply.ok("body").withHeader("X-A", "1").withCookie(cookie);

    // when
    HttpReply<String> changed = original.withStatus(404);

    // then
    assertThat(changed.statusCode()).isEqualTo(404);
    assertThat(changed.body()).contains("body");
    assertThat(changed.headers()).isEqualTo(original.headers());
    assertThat(changed.cookies()).containsExactly(cookie);
    assertThat(original.statusCode()).isEqualTo(200);
  }

  @Test
  void withHeaderAppendsAValue() {
    // given
    HttpReply<String> reply = HttpReply.ok("b");

    // when
    HttpReply<String> changed =
        reply.withHeader("Vary", "Accept").withHeader("vary", "Origin").withHeader("X-A", "1");

    // then
    assertThat(changed.headers().all("Vary")).containsExactly("Accept", "Origin");
    assertThat(changed.headers().first("x-a")).contains("1");
    assertThat(reply.headers().isEmpty()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Set-Cookie", "set-cookie", "SET-COOKIE", "sEt-CoOkIe"})
  void withHeaderRejectsSetCookieInAnyCase(String name) {
    // given
    HttpReply<String> reply = HttpReply.ok("b");

    // when / then
    assertThatIllegalArgumentException().isThrownBy(() -> reply.withHeader(name, "a=b"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\rb", "a\nb", "a\r\nSet-Cookie: x=y", "\n", "a\u0000b"})
  void withHeaderRejectsLineBreaksInTheValue(String value) {
    // given
    HttpReply<String> reply = HttpReply.ok("b");

    // when / then
    assertThatIllegalArgumentException().isThrownBy(() -> reply.withHeader("X-A", value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"X-A\r", "X-A\nX-B", "X\r\nSet-Cookie", ""})
  void withHeaderRejectsLineBreaksInTheNameAndAnEmptyName(String name) {
    // given
    HttpReply<String> reply = HttpReply.ok("b");

    // when / then
    assertThatIllegalArgumentException().isThrownBy(() -> reply.withHeader(name, "v"));
  }

  @Test
  void withHeaderRejectsNulls() {
    // given
    HttpReply<String> reply = HttpReply.ok("b");

    // when / then
    assertThatNullPointerException().isThrownBy(() -> reply.withHeader(null, "v"));
    assertThatNullPointerException().isThrownBy(() -> reply.withHeader("X-A", null));
  }

  @Test
  void withContentTypeSetsTheHeader() {
    // given
    HttpReply<byte[]> reply = HttpReply.ok(new byte[] {1, 2});

    // when
    HttpReply<byte[]> changed = reply.withContentType("image/png");

    // then
    assertThat(changed.headers().all("content-type")).containsExactly("image/png");
    assertThat(reply.headers().contains("Content-Type")).isFalse();
  }

  @Test
  void withContentTypeReplacesAnEarlierOne() {
    // given
    HttpReply<String> reply =
        HttpReply.ok("b").withHeader("content-type", "text/plain").withContentType("text/html");

    // when
    HttpReply<String> changed = reply.withContentType("application/json");

    // then
    assertThat(changed.headers().all("Content-Type")).containsExactly("application/json");
    assertThat(reply.headers().all("Content-Type")).containsExactly("text/html");
  }

  @Test
  void withContentTypeLeavesOtherHeadersAlone() {
    // given
    HttpReply<String> reply = HttpReply.ok("b").withHeader("X-A", "1");

    // when
    HttpReply<String> changed = reply.withContentType("text/plain");

    // then
    assertThat(changed.headers().all("X-A")).containsExactly("1");
  }

  @Test
  void withContentTypeRejectsLineBreaksAndNull() {
    // given
    HttpReply<String> reply = HttpReply.ok("b");

    // when / then
    assertThatIllegalArgumentException()
        .isThrownBy(() -> reply.withContentType("text/plain\r\nX-Evil: 1"));
    assertThatNullPointerException().isThrownBy(() -> reply.withContentType(null));
  }

  @Test
  void cookiesKeepTheirOrder() {
    // given
    Cookie first = Cookie.of("b", "1");
    Cookie second = Cookie.of("a", "2");
    Cookie third = Cookie.of("b", "3");

    // when
    HttpReply<String> reply =
        HttpReply.ok("x").withCookie(first).withCookie(second).withCookie(third);

    // then
    assertThat(reply.cookies()).containsExactly(first, second, third);
  }

  @Test
  void withCookieReturnsACopyAndLeavesTheOriginalUnchanged() {
    // given
    HttpReply<String> original = HttpReply.ok("x").withCookie(Cookie.of("a", "1"));

    // when
    HttpReply<String> changed = original.withCookie(Cookie.of("b", "2"));

    // then
    assertThat(original.cookies()).extracting(Cookie::name).containsExactly("a");
    assertThat(changed.cookies()).extracting(Cookie::name).containsExactly("a", "b");
  }

  @Test
  void cookiesAreNotHeaders() {
    // given / when
    HttpReply<String> reply = HttpReply.ok("x").withCookie(Cookie.of("a", "1"));

    // then
    assertThat(reply.headers().contains("Set-Cookie")).isFalse();
  }

  @Test
  void nullCookieIsRejected() {
    assertThatNullPointerException().isThrownBy(() -> HttpReply.ok("x").withCookie(null));
  }

  @Test
  void cookiesAreUnmodifiable() {
    // given
    HttpReply<String> reply = HttpReply.ok("x").withCookie(Cookie.of("a", "1"));
    List<Cookie> cookies = reply.cookies();

    // when / then
    assertThatThrownBy(() -> cookies.add(Cookie.of("b", "2")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> HttpReply.ok("x").cookies().add(Cookie.of("b", "2")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(reply.cookies()).hasSize(1);
  }

  @Test
  void withBodyChangesTheTypeAndKeepsStatusHeadersAndCookies() {
    // given
    Cookie cookie = Cookie.of("a", "1");
    HttpReply<String> original =
        HttpReply.<String>status(201)
            .withHeader("Location", "/orders/1")
            .withContentType("text/plain")
            .withCookie(cookie);
    byte[] bytes = "pdf".getBytes(StandardCharsets.US_ASCII);

    // when
    HttpReply<byte[]> changed = original.withBody(bytes);

    // then
    assertThat(changed.body()).containsSame(bytes);
    assertThat(changed.statusCode()).isEqualTo(201);
    assertThat(changed.headers()).isEqualTo(original.headers());
    assertThat(changed.headers().first("location")).contains("/orders/1");
    assertThat(changed.cookies()).containsExactly(cookie);
    assertThat(original.body()).isEmpty();
  }

  @Test
  void withNullBodyRemovesTheBody() {
    // given
    HttpReply<String> original = HttpReply.ok("x");

    // when
    HttpReply<Object> changed = original.withBody(null);

    // then
    assertThat(changed.body()).isEmpty();
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(original.body()).contains("x");
  }

  @Test
  void everyWitherLeavesTheOriginalUnchanged() {
    // given
    HttpReply<String> original = HttpReply.ok("x");

    // when
    original
        .withStatus(500)
        .withHeader("X-A", "1")
        .withContentType("text/plain")
        .withCookie(Cookie.of("a", "1"))
        .withBody("y");

    // then
    assertThat(original.statusCode()).isEqualTo(200);
    assertThat(original.headers().isEmpty()).isTrue();
    assertThat(original.cookies()).isEmpty();
    assertThat(original.body()).contains("x");
  }
}
