package dev.fn4j.aws.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.aws.LambdaAdapter;
import dev.fn4j.aws.support.CapturedLogs;
import dev.fn4j.aws.support.HttpResponse;
import dev.fn4j.aws.support.HttpTrigger;
import dev.fn4j.aws.support.Lambda;
import dev.fn4j.aws.testfunctions.Replying;
import dev.fn4j.aws.testfunctions.Salutation;
import dev.fn4j.core.convert.JsonTree;
import dev.fn4j.function.Cookie;
import dev.fn4j.function.HttpReply;
import dev.fn4j.function.TypeRef;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a function answers is written in the exact response format of the trigger that called it:
 * status, multi-value headers, cookies and binary bodies for an {@link HttpReply}, a fitting status
 * and content type for a plain value.
 */
@ExtendWith(CapturedLogs.class)
class HttpRepliesTest {

  private static final byte[] PNG_START = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};
  private static final String SESSION = "session=abc123; Path=/; HttpOnly";
  private static final String THEME = "theme=dark; Max-Age=86400; SameSite=Lax";

  /** A 201 with a binary body, a header with two values, a plain header and two cookies. */
  private static HttpReply<Object> fullReply() {
    return HttpReply.<Object>of(201, PNG_START.clone())
        .withContentType("image/png")
        .withHeader("X-Tag", "blue")
        .withHeader("X-Tag", "green")
        .withHeader("Cache-Control", "no-store")
        .withCookie(Cookie.of("session", "abc123").withPath("/").withHttpOnly(true))
        .withCookie(Cookie.of("theme", "dark").withMaxAge(Duration.ofDays(1)).withSameSite("Lax"));
  }

  private static LambdaAdapter answering(HttpReply<Object> reply) {
    return Lambda.adapter(
        registry -> registry.add("reply", new Replying(reply)), Map.of("FN4J_FUNCTION", "reply"));
  }

  private static HttpResponse call(LambdaAdapter adapter, HttpTrigger trigger) {
    return HttpResponse.parse(Lambda.handle(adapter, trigger.request("/reply")));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = HttpTrigger.class,
      names = {"HTTP_API", "FUNCTION_URL"})
  void payloadFormat2PutsCookiesInTheirArrayAndJoinsHeaderValues(HttpTrigger trigger) {
    // when
    HttpResponse response = call(answering(fullReply()), trigger);

    // then
    assertThat(response.fields())
        .containsExactlyInAnyOrder("statusCode", "headers", "cookies", "body", "isBase64Encoded");
    assertThat(response.status()).isEqualTo(201);
    assertThat(response.headers())
        .isEqualTo(
            Map.of(
                "Content-Type", "image/png", "X-Tag", "blue,green", "Cache-Control", "no-store"));
    assertThat(response.cookies()).containsExactly(SESSION, THEME);
    assertThat(response.base64()).isTrue();
    assertThat(response.bodyBytes()).isEqualTo(PNG_START);
  }

  @Test
  void aRestApiResponseKeepsSingleHeadersApartFromMultiValueOnesAndSetCookie() {
    // when
    HttpResponse response = call(answering(fullReply()), HttpTrigger.REST_API);

    // then
    assertThat(response.fields())
        .containsExactlyInAnyOrder(
            "statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded");
    assertThat(response.status()).isEqualTo(201);
    assertThat(response.headers())
        .isEqualTo(Map.of("Content-Type", "image/png", "Cache-Control", "no-store"));
    assertThat(response.multiValueHeaders())
        .isEqualTo(
            Map.of("X-Tag", List.of("blue", "green"), "Set-Cookie", List.of(SESSION, THEME)));
    assertThat(response.base64()).isTrue();
    assertThat(response.bodyBytes()).isEqualTo(PNG_START);
  }

  @Test
  void anAlbSingleValueResponseIsARestResponseWithAStatusDescription() {
    // when
    HttpResponse response = call(answering(fullReply()), HttpTrigger.ALB_SINGLE_VALUE);

    // then
    assertThat(response.fields())
        .containsExactlyInAnyOrder(
            "statusCode",
            "statusDescription",
            "headers",
            "multiValueHeaders",
            "body",
            "isBase64Encoded");
    assertThat(response.statusDescription()).isEqualTo("201 Created");
    assertThat(response.headers())
        .isEqualTo(Map.of("Content-Type", "image/png", "Cache-Control", "no-store"));
    assertThat(response.multiValueHeaders())
        .isEqualTo(
            Map.of("X-Tag", List.of("blue", "green"), "Set-Cookie", List.of(SESSION, THEME)));
    assertThat(response.bodyBytes()).isEqualTo(PNG_START);
  }

  @Test
  void anAlbMultiValueResponsePutsEveryHeaderInMultiValueHeadersOnly() {
    // when
    HttpResponse response = call(answering(fullReply()), HttpTrigger.ALB_MULTI_VALUE);

    // then
    assertThat(response.fields())
        .containsExactlyInAnyOrder(
            "statusCode", "statusDescription", "multiValueHeaders", "body", "isBase64Encoded");
    assertThat(response.statusDescription()).isEqualTo("201 Created");
    assertThat(response.multiValueHeaders())
        .isEqualTo(
            Map.of(
                "Content-Type", List.of("image/png"),
                "X-Tag", List.of("blue", "green"),
                "Cache-Control", List.of("no-store"),
                "Set-Cookie", List.of(SESSION, THEME)));
    assertThat(response.bodyBytes()).isEqualTo(PNG_START);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(HttpTrigger.class)
  void aTextReplyIsWrittenAsIsWithItsOwnContentType(HttpTrigger trigger) {
    // given
    HttpReply<Object> reply =
        HttpReply.<Object>of(202, "<p>queued</p>").withContentType("text/html");

    // when
    HttpResponse response = call(answering(reply), trigger);

    // then
    assertThat(response.fields()).isEqualTo(trigger.plainFields());
    assertThat(response.status()).isEqualTo(202);
    assertThat(response.header("Content-Type")).containsExactly("text/html");
    assertThat(response.body()).isEqualTo("<p>queued</p>");
    assertThat(response.base64()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(HttpTrigger.class)
  void headersTheGatewayOwnsAreNotPassedOn(HttpTrigger trigger) {
    // given
    HttpReply<Object> reply =
        HttpReply.<Object>ok("done")
            .withHeader("Content-Length", "999")
            .withHeader("Transfer-Encoding", "chunked")
            .withHeader("X-Request-Cost", "3");

    // when
    HttpResponse response = call(answering(reply), trigger);

    // then
    assertThat(response.header("Content-Length")).isEmpty();
    assertThat(response.header("Transfer-Encoding")).isEmpty();
    assertThat(response.header("X-Request-Cost")).containsExactly("3");
  }

  /** A function that returns a plain value of a declared type, whatever the request. */
  private static <O> LambdaAdapter returning(TypeRef<O> type, O value) {
    return Lambda.adapter(
        registry -> registry.function("reply", TypeRef.of(String.class), type, input -> value));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(HttpTrigger.class)
  void aStringIsA200WithPlainText(HttpTrigger trigger) {
    // given
    LambdaAdapter adapter = returning(TypeRef.of(String.class), "Grüße");

    // when
    HttpResponse response = call(adapter, trigger);

    // then
    assertThat(response.fields()).isEqualTo(trigger.plainFields());
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type")).containsExactly("text/plain; charset=UTF-8");
    assertThat(response.body()).isEqualTo("Grüße");
    assertThat(response.base64()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(HttpTrigger.class)
  void aRecordIsA200WithJson(HttpTrigger trigger) {
    // given
    LambdaAdapter adapter = returning(TypeRef.of(Salutation.class), new Salutation("Hallo, Ada"));

    // when
    HttpResponse response = call(adapter, trigger);

    // then
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type")).containsExactly("application/json");
    assertThat(JsonTree.parse(response.body())).isEqualTo(Map.of("text", "Hallo, Ada"));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(HttpTrigger.class)
  void bytesAreA200WithOctetStreamAsBase64(HttpTrigger trigger) {
    // given
    LambdaAdapter adapter = returning(TypeRef.of(byte[].class), PNG_START.clone());

    // when
    HttpResponse response = call(adapter, trigger);

    // then
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type")).containsExactly("application/octet-stream");
    assertThat(response.base64()).isTrue();
    assertThat(response.bodyBytes()).isEqualTo(PNG_START);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(HttpTrigger.class)
  void nothingIsA204WithAnEmptyBodyAndNoContentType(HttpTrigger trigger) {
    // given
    LambdaAdapter adapter =
        Lambda.adapter(
            registry -> registry.consumer("reply", TypeRef.of(String.class), text -> {}));

    // when
    HttpResponse response = call(adapter, trigger);

    // then
    assertThat(response.status()).isEqualTo(204);
    assertThat(response.header("Content-Type")).isEmpty();
    assertThat(response.body()).isEmpty();
    assertThat(response.base64()).isFalse();
    if (trigger == HttpTrigger.ALB_SINGLE_VALUE || trigger == HttpTrigger.ALB_MULTI_VALUE) {
      assertThat(response.statusDescription()).isEqualTo("204 No Content");
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(HttpTrigger.class)
  void cookiesAloneAreWrittenWhereTheFormatKeepsCookies(HttpTrigger trigger) {
    // given
    HttpReply<Object> reply =
        HttpReply.<Object>ok("welcome")
            .withCookie(Cookie.of("a", "1"))
            .withCookie(Cookie.of("b", "2").withSecure(true));

    // when
    HttpResponse response = call(answering(reply), trigger);

    // then
    Set<String> cookies = new HashSet<>(response.cookies());
    cookies.addAll(response.multiValueHeaders().getOrDefault("Set-Cookie", List.of()));
    assertThat(cookies).containsExactlyInAnyOrder("a=1", "b=2; Secure");
    if (trigger.cookiesArray()) {
      assertThat(response.cookies()).containsExactly("a=1", "b=2; Secure");
      assertThat(response.json()).doesNotContainKey("multiValueHeaders");
    } else {
      assertThat(response.json()).doesNotContainKey("cookies");
    }
    assertThat(response.headers()).doesNotContainKey("Set-Cookie");
  }
}
