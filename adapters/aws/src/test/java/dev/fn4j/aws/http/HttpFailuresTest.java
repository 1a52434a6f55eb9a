package dev.fn4j.aws.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.aws.LambdaAdapter;
import dev.fn4j.aws.support.CapturedLogs;
import dev.fn4j.aws.support.Events;
import dev.fn4j.aws.support.HttpResponse;
import dev.fn4j.aws.support.HttpTrigger;
import dev.fn4j.aws.support.Lambda;
import dev.fn4j.aws.testfunctions.Greet;
import dev.fn4j.aws.testfunctions.Unencodable;
import dev.fn4j.aws.testfunctions.Uppercase;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * HTTP triggers never end in a Lambda function error (API Gateway would answer a bare 502): every
 * failure phase is an HTTP status with an {@code application/problem+json} body naming the function
 * and the phase, in the response format of the trigger, without a stack trace or the function's
 * exception message.
 */
@ExtendWith(CapturedLogs.class)
class HttpFailuresTest {

  private final Greet greet = new Greet();
  private final Uppercase uppercase = new Uppercase();
  private final LambdaAdapter adapter =
      Lambda.adapter(
          registry ->
              registry
                  .add("greet", greet)
                  .add("uppercase", uppercase)
                  .add("unencodable", new Unencodable()));

  private CapturedLogs logs;

  private HttpResponse handle(byte[] event, CapturedLogs logs) {
    this.logs = logs;
    byte[] response = Lambda.handle(adapter, event);
    String text = new String(response, StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("\tat ").doesNotContain(Uppercase.SECRET);
    return HttpResponse.parse(response);
  }

  @AfterEach
  void noLogLineCarriesAStackTrace() {
    if (logs != null) {
      for (LogRecord record : logs.records()) {
        assertThat(record.getThrown()).as(record.getMessage()).isNull();
        assertThat(record.getMessage()).doesNotContain("\tat ");
      }
    }
  }

  private static void assertProblem(
      HttpResponse response, HttpTrigger trigger, int status, String function, String phase) {
    assertThat(response.fields()).isEqualTo(trigger.plainFields());
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.header("X-Content-Type-Options")).containsExactly("nosniff");
    assertThat(response.base64()).isFalse();
    Map<String, Object> problem = response.problem();
    assertThat(((Number) problem.get("status")).intValue()).isEqualTo(status);
    assertThat(problem).containsEntry("phase", phase).containsEntry("requestId", Lambda.REQUEST_ID);
    assertThat(problem).containsKeys("type", "title", "detail");
    if (function != null) {
      assertThat(problem).containsEntry("function", function);
      assertThat((String) problem.get("detail")).contains("'" + function + "'");
    }
    if (trigger == HttpTrigger.ALB_SINGLE_VALUE || trigger == HttpTrigger.ALB_MULTI_VALUE) {
      assertThat(response.statusDescription()).startsWith(status + " ");
    }
  }

  @Nested
  class PerPhase {

    @ParameterizedTest(name = "{0}")
    @EnumSource(HttpTrigger.class)
    void anUnknownRouteIs404(HttpTrigger trigger, CapturedLogs logs) {
      // given
      byte[] event = trigger.request("/nowhere/near");

      // when
      HttpResponse response = handle(event, logs);

      // then
      assertProblem(response, trigger, 404, "nowhere", "ROUTE");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HttpTrigger.class)
    void aTruncatedJsonBodyIs400(HttpTrigger trigger, CapturedLogs logs) {
      // given
      byte[] event = trigger.request("/greet", "application/json", "{\"name\":");

      // when
      HttpResponse response = handle(event, logs);

      // then
      assertProblem(response, trigger, 400, "greet", "DECODE");
      assertThat(greet.received()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HttpTrigger.class)
    void aJsonBodyOfTheWrongShapeIs400(HttpTrigger trigger, CapturedLogs logs) {
      // given
      byte[] event = trigger.request("/greet", "application/json", "{\"name\":[\"Ada\"]}");

      // when
      HttpResponse response = handle(event, logs);

      // then
      assertProblem(response, trigger, 400, "greet", "DECODE");
      assertThat((String) response.problem().get("detail")).contains("Greeting");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HttpTrigger.class)
    void anEmptyBodyForARecordIs400(HttpTrigger trigger, CapturedLogs logs) {
      // given
      byte[] event = trigger.request("/greet", "application/json", "");

      // when
      HttpResponse response = handle(event, logs);

      // then
      assertProblem(response, trigger, 400, "greet", "DECODE");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HttpTrigger.class)
    void aTextBodyForARecordIsAnUnsupportedMediaTypeInTheDecodePhase(
        HttpTrigger trigger, CapturedLogs logs) {
      // given
      byte[] event = trigger.request("/greet", "text/plain", "Ada");

      // when
      HttpResponse response = handle(event, logs);

      // then
      assertProblem(response, trigger, 415, "greet", "DECODE");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HttpTrigger.class)
    void aFunctionThatThrowsIs500WithoutItsMessage(HttpTrigger trigger, CapturedLogs logs) {
      // given
      byte[] event = trigger.request("/uppercase", "text/plain", "boom");

      // when
      HttpResponse response = handle(event, logs);

      // then
      assertProblem(response, trigger, 500, "uppercase", "INVOKE");
      assertThat((String) response.problem().get("detail"))
          .contains("java.lang.IllegalStateException")
          .doesNotContain(Uppercase.SECRET);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HttpTrigger.class)
    void anOutputThatCannotBeEncodedIs500(HttpTrigger trigger, CapturedLogs logs) {
      // given
      byte[] event = trigger.request("/unencodable", "text/plain", "anything");

      // when
      HttpResponse response = handle(event, logs);

      // then
      assertProblem(response, trigger, 500, "unencodable", "ENCODE");
    }
  }

  /** Events that look like HTTP events but cannot be read: 400, before any function is chosen. */
  @Nested
  class MalformedEvents {

    @Test
    void anHttpApiEventWithWrongFieldTypesIs400NamingTheField(CapturedLogs logs) {
      // given
      byte[] event = Events.bytes("broken/wrong-types.json");

      // when
      HttpResponse response = handle(event, logs);

      // then
      assertProblem(response, HttpTrigger.HTTP_API, 400, null, "DECODE");
      assertThat((String) response.problem().get("detail"))
          .contains("api-gateway-http")
          .contains("'headers'");
      assertThat(uppercase.received()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HttpTrigger.class)
    void aBodyMarkedBase64ThatIsNotBase64Is400(HttpTrigger trigger, CapturedLogs logs) {
      // given
      byte[] event =
          Events.edited(
              trigger.file(),
              tree -> {
                tree.put("body", "%%% not base64 %%%");
                tree.put("isBase64Encoded", true);
              });

      // when
      HttpResponse response = handle(event, logs);

      // then
      assertProblem(response, trigger, 400, null, "DECODE");
      assertThat((String) response.problem().get("detail")).contains("base64");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HttpTrigger.class)
    void aBase64FlagThatIsAStringIs400(HttpTrigger trigger, CapturedLogs logs) {
      // given
      byte[] event = Events.edited(trigger.file(), tree -> tree.put("isBase64Encoded", "true"));

      // when
      HttpResponse response = handle(event, logs);

      // then
      assertProblem(response, trigger, 400, null, "DECODE");
      assertThat((String) response.problem().get("detail")).contains("'isBase64Encoded'");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HttpTrigger.class)
    void aBodyThatIsNotAStringIs400(HttpTrigger trigger, CapturedLogs logs) {
      // given
      byte[] event = Events.edited(trigger.file(), tree -> tree.put("body", Map.of("name", "Ada")));

      // when
      HttpResponse response = handle(event, logs);

      // then
      assertProblem(response, trigger, 400, null, "DECODE");
      assertThat((String) response.problem().get("detail")).contains("'body'");
    }

    @Test
    void aTextBodyThatIsNotValidUtf8Is400(CapturedLogs logs) {
      // given
      byte[] event =
          Events.edited(
              "apigw-v1/base64-body.json",
              tree ->
                  tree.put(
                      "body",
                      java.util.Base64.getEncoder()
                          .encodeToString(new byte[] {(byte) 0xc3, (byte) 0x28})));

      // when
      HttpResponse response = handle(event, logs);

      // then
      assertProblem(response, HttpTrigger.REST_API, 400, "uppercase", "DECODE");
      assertThat((String) response.problem().get("detail")).contains("UTF-8");
      assertThat(uppercase.received()).isEmpty();
    }
  }
}
