package dev.fn4j.knative.sdk;

import static dev.fn4j.knative.sdk.SdkEvents.assertReplyAttributes;
import static dev.fn4j.knative.sdk.SdkEvents.bytes;
import static dev.fn4j.knative.sdk.SdkEvents.json;
import static dev.fn4j.knative.sdk.SdkEvents.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.knative.sdk.SdkClient.Reply;
import dev.fn4j.knative.sdk.SdkFunctions.Order;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Attributes between the CloudEvents Java SDK and a function: extensions (string, boolean, integer)
 * reach the function as {@code ce-<name>} headers and {@code ce.<name>} context attributes, spec
 * 0.3 events from the SDK are accepted and answered in 1.0, and the {@code ce-} headers of a
 * returned message set the attributes of the reply the SDK reads.
 */
class SdkAttributesTest extends SdkServerTest {

  @Nested
  class Extensions {

    private CloudEvent withExtensions() {
      return CloudEventBuilder.v1()
          .withId("ext-1")
          .withSource(URI.create("/ext"))
          .withType("com.acme.ext")
          .withSubject("thing-1")
          .withExtension("astring", "aaa")
          .withExtension("aboolean", true)
          .withExtension("anumber", 10)
          .withData("text/plain", "x".getBytes(StandardCharsets.UTF_8))
          .build();
    }

    private void assertEchoed(Reply reply) {
      assertThat(reply.status()).isEqualTo(200);
      JsonNode echo = json(reply.event().getData().toBytes());
      for (String name : List.of("astring", "aboolean", "anumber", "subject", "id", "type")) {
        assertThat(echo.has("ce-" + name)).as("header ce-" + name).isTrue();
        assertThat(echo.has("ce." + name)).as("context attribute ce." + name).isTrue();
      }
      assertThat(echo.get("ce-astring").asText()).isEqualTo("aaa");
      assertThat(echo.get("ce-aboolean").asText()).isEqualTo("true");
      assertThat(echo.get("ce-anumber").asText()).isEqualTo("10");
      assertThat(echo.get("ce.astring").asText()).isEqualTo("aaa");
      assertThat(echo.get("ce.aboolean").asText()).isEqualTo("true");
      assertThat(echo.get("ce.anumber").asText()).isEqualTo("10");
      assertThat(echo.get("ce-subject").asText()).isEqualTo("thing-1");
      assertThat(echo.get("ce.id").asText()).isEqualTo("ext-1");
      assertThat(echo.get("ce.type").asText()).isEqualTo("com.acme.ext");
      assertThat(echo.get("ce.specversion").asText()).isEqualTo("1.0");
      assertThat(functions.described.get(0).payload()).isEqualTo("x");
    }

    @Test
    void binaryModeExtensionsReachTheFunctionAsHeadersAndContextAttributes() {
      assertEchoed(client.binary("/attributes", withExtensions()));
    }

    @Test
    void structuredModeExtensionsReachTheFunctionAsHeadersAndContextAttributes() {
      assertEchoed(
          client.structured(
              "/attributes", withExtensions(), new JsonFormat().withForceNonJsonDataToString()));
    }
  }

  @Nested
  class SpecVersion03 {

    private CloudEventBuilder v03Order() {
      return CloudEventBuilder.v03()
          .withId("old-1")
          .withSource(URI.create("/legacy/orders"))
          .withType("com.acme.order.created")
          .withData("application/json", bytes(new Order("tea", 5)));
    }

    @Test
    void aBinaryModeV03EventIsAcceptedAndAnsweredInV1() {
      // given
      CloudEvent request = v03Order().build();

      // when
      Reply reply = client.binary("/greet", request);

      // then
      assertThat(reply.status()).isEqualTo(200);
      assertThat(functions.greeted.get(0).payload()).isEqualTo(new Order("tea", 5));
      assertThat(functions.greeted.get(0).context().attributes())
          .containsEntry("ce.specversion", "0.3");
      assertReplyAttributes(reply.event(), request, "greet");
    }

    @Test
    void aStructuredModeV03EventIsAcceptedAndAnsweredInV1() {
      // given
      CloudEvent request = v03Order().build();

      // when
      Reply reply = client.structured("/greet", request);

      // then
      assertThat(reply.status()).isEqualTo(200);
      assertThat(functions.greeted.get(0).payload()).isEqualTo(new Order("tea", 5));
      assertThat(functions.greeted.get(0).headers().first("ce-specversion")).contains("0.3");
      CloudEvent event = new JsonFormat().deserialize(reply.body());
      assertReplyAttributes(event, request, "greet");
    }

    @Test
    void aStructuredV03EventWithBase64DataContentEncodingDecodesTheBytes() {
      // given
      byte[] data = {(byte) 0xca, (byte) 0xfe, 0, 7};
      CloudEvent request =
          CloudEventBuilder.v03()
              .withId("old-2")
              .withSource(URI.create("/legacy/sensors"))
              .withType("com.acme.reading")
              .withData("application/octet-stream", data)
              .build();
      assertThat(new String(new JsonFormat().serialize(request), StandardCharsets.UTF_8))
          .as("the SDK marks 0.3 binary data with datacontentencoding")
          .contains("\"datacontentencoding\":\"base64\"");

      // when
      Reply reply = client.structured("/reverse", request);

      // then
      assertThat(reply.status()).isEqualTo(200);
      assertThat(functions.reversed.get(0)).containsExactly(data);
      assertThat(reply.event().getData().toBytes()).containsExactly(7, 0, (byte) 0xfe, (byte) 0xca);
    }
  }

  @Nested
  class ReplyAttributesSetByTheFunction {

    private void assertRelabelled(CloudEvent event, CloudEvent request) {
      assertThat(event.getType()).isEqualTo("com.acme.receipt.issued");
      assertThat(event.getSubject()).isEqualTo("receipt-for-tea");
      assertThat(event.getExtension("channel")).isEqualTo("web");
      assertThat(event.getSource()).isEqualTo(URI.create("/svc/relabel"));
      assertThat(event.getId()).isNotEqualTo(request.getId());
      assertThat(json(event.getData().toBytes()).get("status").asText()).isEqualTo("relabelled");
    }

    @Test
    void ceHeadersOfAReturnedMessageSetTheBinaryReplysAttributes() {
      // given
      CloudEvent request = order("m-1", "tea", 1).build();

      // when
      Reply reply = client.binary("/relabel", request);

      // then
      assertThat(reply.status()).isEqualTo(200);
      assertRelabelled(reply.event(), request);
      assertThat(reply.header("X-Receipt")).contains("r-1");
    }

    @Test
    void ceHeadersOfAReturnedMessageSetTheStructuredReplysAttributes() {
      // given
      CloudEvent request = order("m-2", "tea", 1).build();

      // when
      Reply reply = client.structured("/relabel", request);

      // then
      assertThat(reply.status()).isEqualTo(200);
      assertRelabelled(new JsonFormat().deserialize(reply.body()), request);
      assertThat(reply.header("X-Receipt")).contains("r-1");
      assertThat(reply.header("ce-type")).as("attributes stay in the JSON document").isEmpty();
    }
  }
}
