package dev.fn4j.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CookieTest {

  /** Every RFC 6265 cookie-octet: US-ASCII except CTLs, whitespace, DQUOTE, comma, ; and \. */
  private static final String ALL_COOKIE_OCTETS =
      "!#$%&'()*+-./0123456789:<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";

  /** Every RFC 2616 token character: visible US-ASCII except the separators. */
  private static final String ALL_TOKEN_CHARS =
      "!#$%&'*+-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ^_`abcdefghijklmnopqrstuvwxyz|~";

  @Test
  void ofKeepsNameAndValueAndSetsNoAttribute() {
    // given / when
    Cookie cookie = Cookie.of("session", "abc123");

    // then
    assertThat(cookie.name()).isEqualTo("session");
    assertThat(cookie.value()).isEqualTo("abc123");
    assertThat(cookie.path()).isEmpty();
    assertThat(cookie.domain()).isEmpty();
    assertThat(cookie.maxAge()).isEmpty();
    assertThat(cookie.secure()).isFalse();
    assertThat(cookie.httpOnly()).isFalse();
    assertThat(cookie.sameSite()).isEmpty();
    assertThat(cookie.toSetCookieHeader()).isEqualTo("session=abc123");
  }

  @Test
  void nameMayHoldEveryTokenCharacter() {
    // given / when
    Cookie cookie = Cookie.of(ALL_TOKEN_CHARS, "v");

    // then
    assertThat(cookie.name()).isEqualTo(ALL_TOKEN_CHARS);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "(", ")", "<", ">", "@", ",", ";", ":", "\\", "\"", "/", "[", "]", "?", "=", "{", "}", " ",
        "\t", "\r", "\n", "\u0000", "\u001f", "\u007f", "é", "\u00a0"
      })
  void nameWithASeparatorControlOrNonAsciiCharacterIsRejected(String bad) {
    // given
    String name = "a" + bad + "b";

    // when / then
    assertThatIllegalArgumentException().isThrownBy(() -> Cookie.of(name, "v"));
  }

  @Test
  void emptyOrNullNameIsRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> Cookie.of("", "v"));
    assertThatIllegalArgumentException().isThrownBy(() -> Cookie.of(null, "v"));
  }

  @Test
  void valueMayHoldEveryCookieOctet() {
    // given / when
    Cookie cookie = Cookie.of("a", ALL_COOKIE_OCTETS);

    // then
    assertThat(cookie.value()).isEqualTo(ALL_COOKIE_OCTETS);
    assertThat(cookie.toSetCookieHeader()).isEqualTo("a=" + ALL_COOKIE_OCTETS);
  }

  @Test
  void valueMayBeEmpty() {
    // given / when
    Cookie cookie = Cookie.of("a", "");

    // then
    assertThat(cookie.toSetCookieHeader()).isEqualTo("a=");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"abc\"", "\"\"", "\"a=b/c\""})
  void quotedValueIsAcceptedAndKeptWithItsQuotes(String quoted) {
    // given / when
    Cookie cookie = Cookie.of("a", quoted);

    // then
    assertThat(cookie.value()).isEqualTo(quoted);
    assertThat(cookie.toSetCookieHeader()).isEqualTo("a=" + quoted);
  }

  static Stream<String> invalidValues() {
    return Stream.concat(
        Stream.of(
            "a b",
            "a;b",
            "a,b",
            "a\\b",
            "a\"b",
            "\"",
            "\"abc",
            "abc\"",
            "\"a b\"",
            "\"a;b\"",
            "\"\"\"",
            "a\tb",
            "a\rb",
            "a\nb",
            "a\u007fb",
            "é",
            "a\u00a0b"),
        IntStream.range(0, 0x20).mapToObj(c -> "a" + (char) c + "b"));
  }

  @ParameterizedTest
  @MethodSource("invalidValues")
  void valueOutsideCookieOctetsIsRejected(String value) {
    assertThatIllegalArgumentException().isThrownBy(() -> Cookie.of("a", value));
  }

  @Test
  void nullValueIsRejected() {
    assertThatNullPointerException().isThrownBy(() -> Cookie.of("a", null));
  }

  @Test
  void everyAttributeIsWrittenInTheSetCookieHeader() {
    // given
    Cookie cookie =
        Cookie.of("session", "abc")
            .withPath("/app")
            .withDomain("example.com")
            .withMaxAge(Duration.ofHours(1))
            .withSecure(true)
            .withHttpOnly(true)
            .withSameSite("Lax");

    // when
    String header = cookie.toSetCookieHeader();

    // then
    assertThat(header)
        .isEqualTo(
            "session=abc; Path=/app; Domain=example.com; Max-Age=3600; Secure; HttpOnly;"
                + " SameSite=Lax");
  }

  @Test
  void attributesAreReadBack() {
    // given / when
    Cookie cookie =
        Cookie.of("session", "abc")
            .withPath("/")
            .withDomain("example.com")
            .withMaxAge(Duration.ofMinutes(5))
            .withSecure(true)
            .withHttpOnly(true)
            .withSameSite("Strict");

    // then
    assertThat(cookie.name()).isEqualTo("session");
    assertThat(cookie.value()).isEqualTo("abc");
    assertThat(cookie.path()).contains("/");
    assertThat(cookie.domain()).contains("example.com");
    assertThat(cookie.maxAge()).contains(Duration.ofMinutes(5));
    assertThat(cookie.secure()).isTrue();
    assertThat(cookie.httpOnly()).isTrue();
    assertThat(cookie.sameSite()).contains("Strict");
  }

  @Test
  void attributesAreWrittenInAFixedOrderWhateverTheOrderTheyWereSet() {
    // given
    Cookie cookie =
        Cookie.of("a", "b")
            .withSameSite("None")
            .withHttpOnly(true)
            .withSecure(true)
            .withMaxAge(Duration.ofSeconds(10))
            .withDomain("d.example")
            .withPath("/p");

    // when / then
    assertThat(cookie.toSetCookieHeader())
        .isEqualTo("a=b; Path=/p; Domain=d.example; Max-Age=10; Secure; HttpOnly; SameSite=None");
  }

  @Test
  void onlyTheSetAttributesAreWritten() {
    // given
    Cookie cookie = Cookie.of("id", "7").withPath("/").withHttpOnly(true);

    // when / then
    assertThat(cookie.toSetCookieHeader()).isEqualTo("id=7; Path=/; HttpOnly");
  }

  @Test
  void withReturnsACopyAndLeavesTheOriginalUnchanged() {
    // given
    Cookie original = Cookie.of("a", "b");

    // when
    Cookie changed =
        original
            .withPath("/")
            .withDomain("example.com")
            .withMaxAge(Duration.ZERO)
            .withSecure(true)
            .withHttpOnly(true)
            .withSameSite("Lax");

    // then
    assertThat(changed).isNotSameAs(original);
    assertThat(original.toSetCookieHeader()).isEqualTo("a=b");
    assertThat(original.path()).isEmpty();
    assertThat(original.secure()).isFalse();
  }

  @Test
  void laterAttributeValueReplacesTheEarlierOne() {
    // given
    Cookie cookie = Cookie.of("a", "b").withPath("/old").withPath("/new").withSameSite("Strict");

    // when
    Cookie changed = cookie.withSameSite("Lax");

    // then
    assertThat(changed.toSetCookieHeader()).isEqualTo("a=b; Path=/new; SameSite=Lax");
  }

  @Test
  void flagsCanBeCleared() {
    // given
    Cookie cookie = Cookie.of("a", "b").withSecure(true).withHttpOnly(true);

    // when
    Cookie cleared = cookie.withSecure(false).withHttpOnly(false);

    // then
    assertThat(cleared.secure()).isFalse();
    assertThat(cleared.httpOnly()).isFalse();
    assertThat(cleared.toSetCookieHeader()).isEqualTo("a=b");
  }

  @Test
  void zeroMaxAgeExpiresTheCookie() {
    // given / when
    Cookie cookie = Cookie.of("a", "b").withMaxAge(Duration.ZERO);

    // then
    assertThat(cookie.maxAge()).contains(Duration.ZERO);
    assertThat(cookie.toSetCookieHeader()).isEqualTo("a=b; Max-Age=0");
  }

  @Test
  void maxAgeIsWrittenInWholeSeconds() {
    // given / when
    Cookie cookie = Cookie.of("a", "b").withMaxAge(Duration.ofMillis(90_999));

    // then
    assertThat(cookie.toSetCookieHeader()).isEqualTo("a=b; Max-Age=90");
  }

  @Test
  void negativeMaxAgeIsRejected() {
    // given
    Cookie cookie = Cookie.of("a", "b");

    // when / then
    assertThatIllegalArgumentException()
        .isThrownBy(() -> cookie.withMaxAge(Duration.ofSeconds(-1)));
    assertThatIllegalArgumentException().isThrownBy(() -> cookie.withMaxAge(Duration.ofMillis(-1)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Strict", "Lax", "None"})
  void sameSiteAcceptsStrictLaxAndNone(String sameSite) {
    // given / when
    Cookie cookie = Cookie.of("a", "b").withSameSite(sameSite);

    // then
    assertThat(cookie.sameSite()).contains(sameSite);
    assertThat(cookie.toSetCookieHeader()).isEqualTo("a=b; SameSite=" + sameSite);
  }

  @ParameterizedTest
  @ValueSource(strings = {"strict", "LAX", "none", "", "Unknown", "Lax; Secure", " Lax"})
  void sameSiteRejectsAnyOtherValue(String sameSite) {
    // given
    Cookie cookie = Cookie.of("a", "b");

    // when / then
    assertThatIllegalArgumentException().isThrownBy(() -> cookie.withSameSite(sameSite));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/a;b", "/a\r\nSet-Cookie: x=y", "/a\nb", "/a\u0000", "/a\u007f"})
  void pathWithSemicolonOrControlCharacterIsRejected(String path) {
    // given
    Cookie cookie = Cookie.of("a", "b");

    // when / then
    assertThatIllegalArgumentException().isThrownBy(() -> cookie.withPath(path));
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com;HttpOnly", "example.com\r\n", "exa\tmple.com"})
  void domainWithSemicolonOrControlCharacterIsRejected(String domain) {
    // given
    Cookie cookie = Cookie.of("a", "b");

    // when / then
    assertThatIllegalArgumentException().isThrownBy(() -> cookie.withDomain(domain));
  }

  @Test
  void nullAttributesAreRejected() {
    // given
    Cookie cookie = Cookie.of("a", "b");

    // when / then
    assertThatNullPointerException().isThrownBy(() -> cookie.withPath(null));
    assertThatNullPointerException().isThrownBy(() -> cookie.withDomain(null));
    assertThatNullPointerException().isThrownBy(() -> cookie.withMaxAge(null));
  }

  @Test
  void cookiesWithTheSameContentAreEqual() {
    // given
    Cookie one = Cookie.of("a", "b").withPath("/").withSecure(true);
    Cookie two = Cookie.of("a", "b").withSecure(true).withPath("/");

    // when / then
    assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
    assertThat(one).isNotEqualTo(two.withPath("/other"));
  }
}
