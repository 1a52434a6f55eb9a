package dev.fn4j.knative.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.knative.sdk.SdkClient.Reply;
import dev.fn4j.knative.sdk.SdkFunctions.Order;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What the adapter answers an SDK client when there is nothing to reply with, or when something
 * fails: 202 for a consumer, 500 when the function throws (Knative retries it), 400 for data the
 * function cannot decode (not retried), 404 when no function is routed (retried, then
 * dead-lettered); each failure with a problem body that names the function and the phase and shows
 * neither a stack trace nor the function's own message.
 */
class SdkFailuresTest extends SdkServerTest {

  private static CloudEventBuilder event(String type, String contentType, String data) {
    return CloudEventBuilder.v1()
        .withId("fail-1")
        .withSource(URI.create("/failures"))
        .withType(type)
        .withData(contentType, data.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode assertProblem(Reply reply, int status, String function, String phase) {
    assertThat(reply.status()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).contains("application/problem+json");
    assertThat(reply.header("ce-id")).as("a failure is not a reply event").isEmpty();
    assertThat(reply.text())
        .doesNotContain("\tat ")
        .doesNotContain("at dev.fn4j.")
        .doesNotContain(SdkFunctions.SECRET);
    JsonNode problem = reply.json();
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("requestId").asText()).isNotBlank();
    if (function == null) {
      assertThat(problem.has("function")).isFalse();
    } else {
      assertThat(problem.get("function").asText()).isEqualTo(function);
    }
    assertThat(problem.get("phase").asText()).isEqualTo(phase);
    return problem;
  }

  @Test
  void aConsumerIsAnswered202WithAnEmptyBody() {
    // given
    CloudEvent request =
        event("com.acme.order.created", "application/json", "{\"item\":\"tea\",\"quantity\":4}")
            .build();

    // when
    Reply binary = client.binary("/record", request);
    Reply structured = client.structured("/record", request);

    // then
    for (Reply reply : new Reply[] {binary, structured}) {
      assertThat(reply.status()).isEqualTo(202);
      assertThat(reply.body()).isEmpty();
      assertThat(reply.header("ce-id")).isEmpty();
    }
    assertThat(functions.recorded).containsExactly(new Order("tea", 4), new Order("tea", 4));
  }

  @Test
  void aFunctionThatThrowsIsAnswered500InTheInvokePhase() {
    // given
    CloudEvent request = event("com.acme.note", "text/plain", "boom").build();

    // when
    Reply binary = client.binary("/explode", request);
    Reply structured = client.structured("/explode", request);

    // then
    assertThat(assertProblem(binary, 500, "explode", "INVOKE").get("detail").asText())
        .contains("'explode'");
    assertThat(assertProblem(structured, 500, "explode", "INVOKE").get("detail").asText())
        .contains("'explode'");
  }

  @Test
  void undecodableJsonForARecordFunctionIs400() {
    // given: truncated JSON, and JSON of the wrong shape
    CloudEvent truncated =
        event("com.acme.order.created", "application/json", "{\"item\":").build();
    CloudEvent wrongShape =
        event("com.acme.order.created", "application/json", "{\"item\":[\"tea\"],\"quantity\":1}")
            .build();

    // when
    Reply truncatedReply = client.binary("/greet", truncated);
    Reply wrongShapeReply = client.structured("/greet", wrongShape);

    // then
    assertProblem(truncatedReply, 400, "greet", "DECODE");
    assertProblem(wrongShapeReply, 400, "greet", "DECODE");
    assertThat(functions.greeted).isEmpty();
  }

  @Test
  void anHttpReplyWithANon2xxStatusIsAnsweredAsPlainHttp() {
    // given
    CloudEvent request = event("com.acme.note", "text/plain", "please").build();

    // when
    Reply binary = client.binary("/refuse", request);
    Reply structured = client.structured("/refuse", request);

    // then
    for (Reply reply : new Reply[] {binary, structured}) {
      assertThat(reply.status()).isEqualTo(409);
      assertThat(reply.text()).isEqualTo("busy, try again");
      assertThat(reply.header("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
      assertThat(reply.header("ce-id")).as("not a reply event").isEmpty();
    }
  }

  @Test
  void anUnknownTypeWithSeveralFunctionsIs404() {
    // given
    CloudEvent request = event("com.acme.unheard.of", "application/json", "{}").build();

    // when
    Reply binary = client.binary("/", request);
    Reply structured = client.structured("/", request);

    // then
    for (Reply reply : new Reply[] {binary, structured}) {
      assertThat(reply.status()).isEqualTo(404);
      assertThat(reply.header("Content-Type")).contains("application/problem+json");
      assertThat(reply.json().get("detail").asText()).contains("com.acme.unheard.of");
    }
    assertThat(functions.greeted).isEmpty();
    assertThat(functions.described).isEmpty();
  }
}
