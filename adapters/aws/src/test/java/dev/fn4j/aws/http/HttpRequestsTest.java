package dev.fn4j.aws.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.aws.LambdaAdapter;
import dev.fn4j.aws.support.CapturedLogs;
import dev.fn4j.aws.support.Events;
import dev.fn4j.aws.support.HttpResponse;
import dev.fn4j.aws.support.HttpTrigger;
import dev.fn4j.aws.support.Lambda;
import dev.fn4j.aws.testfunctions.EchoBytes;
import dev.fn4j.aws.testfunctions.Fortune;
import dev.fn4j.aws.testfunctions.Greet;
import dev.fn4j.aws.testfunctions.Greeting;
import dev.fn4j.aws.testfunctions.Probe;
import dev.fn4j.aws.testfunctions.Uppercase;
import dev.fn4j.core.convert.JsonTree;
import dev.fn4j.function.Message;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTP triggers (API Gateway REST and HTTP APIs, function URLs, ALB): the request each format
 * carries reaches the function routed by its path, converted by the declared type.
 */
@ExtendWith(CapturedLogs.class)
class HttpRequestsTest {

  private final Greet greet = new Greet();
  private final Uppercase uppercase = new Uppercase();
  private final Fortune fortune = new Fortune();
  private final EchoBytes echo = new EchoBytes();
  private final LambdaAdapter adapter =
      Lambda.adapter(
          registry ->
              registry
                  .add("greet", greet)
                  .add("uppercase", uppercase)
                  .add("fortune", fortune)
                  .add("echo", echo));

  private HttpResponse handle(byte[] event) {
    return HttpResponse.parse(Lambda.handle(adapter, event));
  }

  @Nested
  class Routing {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "apigw-v1/post-json.json",
          "apigw-v2/post-json.json",
          "function-url/post-json.json",
          "alb/multi-value.json"
        })
    void aJsonPostToGreetReachesTheGreetFunctionAsARecord(String file) {
      // given
      byte[] event = Events.bytes(file);

      // when
      HttpResponse response = handle(event);

      // then
      assertThat(greet.received()).containsExactly(new Greeting("Ada", "de"));
      assertThat(uppercase.received()).isEmpty();
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.header("Content-Type")).containsExactly("application/json");
      assertThat(JsonTree.parse(response.body())).isEqualTo(Map.of("text", "Hallo, Ada"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "apigw-v1/post-text.json",
          "apigw-v2/post-text.json",
          "function-url/post-text.json",
          "alb/single-value.json"
        })
    void aTextPostToUppercaseReachesTheUppercaseFunctionAsText(String file) {
      // given
      byte[] event = Events.bytes(file);

      // when
      HttpResponse response = handle(event);

      // then
      assertThat(uppercase.received()).containsExactly("hello");
      assertThat(greet.received()).isEmpty();
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.header("Content-Type")).containsExactly("text/plain; charset=UTF-8");
      assertThat(response.body()).isEqualTo("HELLO");
      assertThat(response.base64()).isFalse();
    }

    @Test
    void aGetWithoutBodyCallsASupplier() {
      // given
      byte[] event = Events.bytes("apigw-v2/get-no-body.json");

      // when
      HttpResponse response = handle(event);

      // then
      assertThat(fortune.calls()).isEqualTo(1);
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.body()).isEqualTo(Fortune.TEXT);
    }

    @Test
    void theStageOfANamedHttpApiStageIsNotPartOfTheRoute() {
      // given
      byte[] event =
          Events.edited(
              "apigw-v2/post-text.json",
              tree -> {
                tree.put("rawPath", "/prod/uppercase");
                Events.at(tree, "requestContext").put("stage", "prod");
              });

      // when
      HttpResponse response = handle(event);

      // then
      assertThat(response.status()).isEqualTo(200);
      assertThat(uppercase.received()).containsExactly("hello");
    }

    @Test
    void aConfiguredPathPrefixRoutesToItsFunction() {
      // given
      LambdaAdapter routed =
          Lambda.adapter(
              registry -> registry.add("greet", greet).add("uppercase", uppercase),
              Map.of("FN4J_ROUTING_PATHS", "/v1/shout=uppercase"));
      byte[] event = HttpTrigger.HTTP_API.request("/v1/shout/now", "text/plain", "hi");

      // when
      HttpResponse response = HttpResponse.parse(Lambda.handle(routed, event));

      // then
      assertThat(response.body()).isEqualTo("HI");
      assertThat(uppercase.received()).containsExactly("hi");
    }

    @Test
    void aSelectedFunctionGetsEveryPathAndAStringInputGetsTheRawJsonText() {
      // given
      LambdaAdapter selected =
          Lambda.adapter(
              registry -> registry.add("greet", greet).add("uppercase", uppercase),
              Map.of("FN4J_FUNCTION", "uppercase"));
      byte[] event = Events.bytes("apigw-v2/post-json.json");

      // when
      HttpResponse response = HttpResponse.parse(Lambda.handle(selected, event));

      // then
      assertThat(greet.received()).isEmpty();
      assertThat(uppercase.received()).containsExactly("{\"name\":\"Ada\",\"language\":\"de\"}");
      assertThat(response.body()).isEqualTo("{\"NAME\":\"ADA\",\"LANGUAGE\":\"DE\"}");
    }
  }

  @Nested
  class Base64Bodies {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"apigw-v1/base64-body.json", "apigw-v2/base64-body.json"})
    void aBase64BodyIsDecodedBeforeConversion(String file) {
      // given
      byte[] event = Events.bytes(file);

      // when
      HttpResponse response = handle(event);

      // then
      assertThat(uppercase.received()).containsExactly("hello");
      assertThat(response.body()).isEqualTo("HELLO");
    }

    @Test
    void aBase64JsonBodyBindsToTheDeclaredRecord() {
      // given
      String json = "{\"name\":\"Grace\",\"language\":\"en\"}";
      byte[] event =
          Events.edited(
              "apigw-v1/post-json.json",
              tree -> {
                tree.put("body", base64(json.getBytes(StandardCharsets.UTF_8)));
                tree.put("isBase64Encoded", true);
              });

      // when
      HttpResponse response = handle(event);

      // then
      assertThat(greet.received()).containsExactly(new Greeting("Grace", "en"));
      assertThat(JsonTree.parse(response.body())).isEqualTo(Map.of("text", "Hello, Grace"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"apigw-v2/base64-body.json", "apigw-v1/base64-body.json"})
    void binaryBytesReachAByteArrayFunctionUntouchedAndGoBackAsBase64(String file) {
      // given
      byte[] binary = {0, (byte) 0xff, (byte) 0xfe, (byte) 0x80, 0x7f, '\n'};
      byte[] event =
          Events.edited(
              file,
              tree -> {
                tree.put(tree.containsKey("rawPath") ? "rawPath" : "path", "/echo");
                tree.put("body", base64(binary));
                HttpTrigger.setHeader(tree, "Content-Type", "application/octet-stream");
              });

      // when
      HttpResponse response = handle(event);

      // then
      assertThat(echo.received()).containsExactly(binary);
      assertThat(response.base64()).isTrue();
      assertThat(response.bodyBytes()).isEqualTo(binary);
      assertThat(response.header("Content-Type")).containsExactly("application/octet-stream");
    }
  }

  /** What the function sees of the request: headers, cookies, query, method and path. */
  @Nested
  class RequestView {

    private final Probe probe = new Probe();
    private final LambdaAdapter probed =
        Lambda.adapter(registry -> registry.add("greet", probe).add("uppercase", probe));

    private Message<String> receive(byte[] event) {
      HttpResponse response = HttpResponse.parse(Lambda.handle(probed, event));
      assertThat(response.status()).isEqualTo(200);
      return probe.only();
    }

    @Test
    void aRestApiRequestKeepsEveryValueOfItsMultiValueHeadersAndQuery() {
      // when
      Message<String> message = receive(Events.bytes("apigw-v1/post-json.json"));

      // then
      assertThat(message.headers().all("X-Fn4j-Tag")).containsExactly("blue", "green");
      assertThat(message.context().attributes())
          .containsEntry("http.method", "POST")
          .containsEntry("http.path", "/greet")
          .containsEntry("http.query", "tag=intro&tag=formal&debug=false");
      assertThat(message.payload()).isEqualTo("{\"name\":\"Ada\",\"language\":\"de\"}");
    }

    @Test
    void anHttpApiRequestPassesItsCookiesAsACookieHeaderAndItsRawQuery() {
      // when
      Message<String> message = receive(Events.bytes("apigw-v2/post-json.json"));

      // then
      assertThat(message.headers().first("Cookie")).contains("session=fn4j-7c1e0a52; theme=dark");
      assertThat(message.headers().first("x-fn4j-tag")).contains("blue,green");
      assertThat(message.context().attributes())
          .containsEntry("http.query", "tag=intro&tag=formal&debug=false")
          .containsEntry("aws.event.kind", "api-gateway-http");
    }

    @Test
    void aFunctionUrlRequestPassesItsCookies() {
      // when
      Message<String> message = receive(Events.bytes("function-url/post-json.json"));

      // then
      assertThat(message.headers().first("Cookie")).contains("session=fn4j-7c1e0a52");
      assertThat(message.context().attributes())
          .containsEntry("http.query", "tag=intro&tag=formal")
          .containsEntry("aws.event.kind", "function-url");
    }

    @Test
    void anAlbMultiValueRequestKeepsEveryValueOfItsHeadersAndQuery() {
      // when
      Message<String> message = receive(Events.bytes("alb/multi-value.json"));

      // then
      assertThat(message.headers().all("x-fn4j-tag")).containsExactly("blue", "green");
      assertThat(message.headers().first("cookie")).contains("session=fn4j-7c1e0a52; theme=dark");
      assertThat(message.context().attributes())
          .containsEntry("http.query", "tag=intro&tag=formal&debug=false")
          .containsEntry("aws.event.kind", "alb");
    }

    @Test
    void anAlbSingleValueRequestPassesItsHeadersAndQuery() {
      // when
      Message<String> message = receive(Events.bytes("alb/single-value.json"));

      // then
      assertThat(message.headers().first("content-type")).contains("text/plain");
      assertThat(message.context().attributes()).containsEntry("http.query", "lang=en");
      assertThat(message.payload()).isEqualTo("hello");
    }

    @Test
    void aRestApiQueryValueIsDecodedByApiGatewayAndReEncodedOnce() {
      // given: API Gateway hands over decoded values
      byte[] event =
          Events.edited(
              "apigw-v1/post-text.json",
              tree -> {
                tree.put("queryStringParameters", Map.of("q", "a b&c"));
                tree.put(
                    "multiValueQueryStringParameters", Map.of("q", java.util.List.of("a b&c")));
              });

      // when
      Message<String> message = receive(event);

      // then
      assertThat(message.context().attributes()).containsEntry("http.query", "q=a+b%26c");
    }

    @Test
    void anAlbQueryValueIsPassedAsTheClientEncodedIt() {
      // given: the ALB passes the value as the client sent it, still URL-encoded
      byte[] event =
          Events.edited(
              "alb/single-value.json",
              tree -> tree.put("queryStringParameters", Map.of("q", "a%20b")));

      // when
      Message<String> message = receive(event);

      // then
      assertThat(message.context().attributes()).containsEntry("http.query", "q=a%20b");
    }
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
