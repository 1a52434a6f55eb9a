package dev.fn4j.knative.sdk;

import static dev.fn4j.knative.sdk.SdkEvents.assertReplyAttributes;
import static dev.fn4j.knative.sdk.SdkEvents.json;
import static dev.fn4j.knative.sdk.SdkEvents.order;
import static dev.fn4j.knative.sdk.SdkEvents.receipt;
import static org.assertj.core.api.Assertions.assertThat;

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
 * The CloudEvents Java SDK, an independent implementation of the HTTP binding and the JSON format,
 * sends events to the adapter in binary, structured and batch mode and reads the replies back: what
 * the SDK writes must reach the function, and what the adapter answers must be an event the SDK can
 * read, with a new id, the reply type and source, and the function's output as its data.
 */
class SdkRoundTripTest extends SdkServerTest {

  private static final String TRACEPARENT =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @Nested
  class BinaryMode {

    @Test
    void jsonDataReachesARecordFunctionAndTheReplyIsABinaryEvent() {
      // given
      CloudEvent request = order("order-1", "tea", 3).build();

      // when
      Reply reply = client.binary("/greet", request);

      // then
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.header("ce-specversion")).contains("1.0");
      assertThat(reply.header("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
      CloudEvent event = reply.event();
      assertReplyAttributes(event, request, "greet");
      assertThat(event.getDataContentType()).startsWith("application/json");
      assertThat(json(event.getData().toBytes())).isEqualTo(receipt("tea", 3, "accepted"));
      assertThat(functions.greeted).hasSize(1);
      assertThat(functions.greeted.get(0).payload()).isEqualTo(new Order("tea", 3));
      assertThat(functions.greeted.get(0).context().platform()).isEqualTo("knative");
      assertThat(functions.greeted.get(0).context().attributes())
          .containsEntry("knative.service", "svc")
          .containsEntry("ce.id", "order-1")
          .containsEntry("ce.source", "/shop/orders")
          .containsEntry("ce.type", "com.acme.order.created");
    }

    @Test
    void aTraceparentHeaderReachesTheFunctionAndComesBackAsAHeader() {
      // given
      CloudEvent request = order("order-2", "tea", 1).build();

      // when
      Reply reply = client.binary("/greet", request, "traceparent", TRACEPARENT);

      // then
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.header("traceparent")).contains(TRACEPARENT);
      assertThat(functions.greeted.get(0).context().trace().traceparent()).contains(TRACEPARENT);
      // it came as an HTTP header, not as an attribute, so it stays one
      assertThat(reply.event().getExtension("traceparent")).isNull();
    }

    @Test
    void aTraceparentExtensionComesBackAsAnExtension() {
      // given
      CloudEvent request =
          order("order-3", "tea", 1).withExtension("traceparent", TRACEPARENT).build();

      // when
      Reply reply = client.binary("/greet", request);

      // then
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.event().getExtension("traceparent")).isEqualTo(TRACEPARENT);
      assertThat(functions.greeted.get(0).context().trace().traceparent()).contains(TRACEPARENT);
    }

    @Test
    void textDataReachesAStringFunction() {
      // given
      CloudEvent request =
          CloudEventBuilder.v1()
              .withId("text-1")
              .withSource(URI.create("/notes"))
              .withType("com.acme.note")
              .withData("text/plain", "grüß dich".getBytes(StandardCharsets.UTF_8))
              .build();

      // when
      Reply reply = client.binary("/shout", request);

      // then
      assertThat(reply.status()).isEqualTo(200);
      assertThat(functions.shouted).hasSize(1);
      assertThat(functions.shouted.get(0).payload()).isEqualTo("grüß dich");
      assertThat(functions.shouted.get(0).headers().first("Content-Type")).contains("text/plain");
      CloudEvent event = reply.event();
      assertReplyAttributes(event, request, "shout");
      assertThat(event.getDataContentType()).startsWith("text/plain");
      assertThat(new String(event.getData().toBytes(), StandardCharsets.UTF_8))
          .isEqualTo("GRÜSS DICH");
    }
  }

  @Nested
  class StructuredMode {

    @Test
    void jsonDataIsAnsweredWithAStructuredEvent() {
      // given
      CloudEvent request = order("order-10", "coffee", 2).withSubject("cart-9").build();

      // when
      Reply reply = client.structured("/greet", request);

      // then
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.header("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/cloudevents+json"));
      assertThat(reply.header("ce-id")).isEmpty();
      CloudEvent event = new JsonFormat().deserialize(reply.body());
      assertReplyAttributes(event, request, "greet");
      assertThat(json(event.getData().toBytes())).isEqualTo(receipt("coffee", 2, "accepted"));
      // JSON data is embedded as JSON, not as a string
      assertThat(reply.json().get("data").isObject()).isTrue();
      assertThat(functions.greeted.get(0).payload()).isEqualTo(new Order("coffee", 2));
      assertThat(functions.greeted.get(0).headers().first("ce-subject")).contains("cart-9");
    }

    @Test
    void xmlDataTravelsAsAJsonStringToAStringFunction() {
      // given
      String xml = "<order><item>tea &amp; cake</item></order>";
      CloudEvent request =
          CloudEventBuilder.v1()
              .withId("xml-1")
              .withSource(URI.create("/legacy"))
              .withType("com.acme.legacy.order")
              .withData("application/xml", xml.getBytes(StandardCharsets.UTF_8))
              .build();
      JsonFormat asString = new JsonFormat().withForceNonJsonDataToString();
      assertThat(new String(asString.serialize(request), StandardCharsets.UTF_8))
          .as("the SDK writes the XML as a JSON string")
          .contains("\"data\":\"<order>");

      // when
      Reply reply = client.structured("/shout", request, asString);

      // then
      assertThat(reply.status()).isEqualTo(200);
      assertThat(functions.shouted.get(0).payload()).isEqualTo(xml);
      assertThat(functions.shouted.get(0).headers().first("Content-Type"))
          .contains("application/xml");
      CloudEvent event = reply.event();
      assertReplyAttributes(event, request, "shout");
      assertThat(new String(event.getData().toBytes(), StandardCharsets.UTF_8))
          .isEqualTo(xml.toUpperCase(java.util.Locale.ROOT));
      // text data is a JSON string in a structured reply
      assertThat(reply.json().get("data").isTextual()).isTrue();
    }

    @Test
    void dataBase64ReachesAByteArrayFunctionAndComesBackAsDataBase64() {
      // given
      byte[] data = {0, 1, 2, (byte) 0xfe, (byte) 0xff};
      CloudEvent request =
          CloudEventBuilder.v1()
              .withId("bytes-1")
              .withSource(URI.create("/sensors/7"))
              .withType("com.acme.reading")
              .withData("application/octet-stream", data)
              .build();
      assertThat(new String(new JsonFormat().serialize(request), StandardCharsets.UTF_8))
          .as("the SDK writes binary data as data_base64")
          .contains("\"data_base64\"");

      // when
      Reply reply = client.structured("/reverse", request);

      // then
      assertThat(reply.status()).isEqualTo(200);
      assertThat(functions.reversed).hasSize(1);
      assertThat(functions.reversed.get(0)).containsExactly(data);
      assertThat(reply.json().has("data_base64")).isTrue();
      CloudEvent event = reply.event();
      assertReplyAttributes(event, request, "reverse");
      assertThat(event.getData().toBytes()).containsExactly((byte) 0xff, (byte) 0xfe, 2, 1, 0);
    }
  }

  @Nested
  class BatchMode {

    @Test
    void aBatchOfThreeIsAnsweredWithABatchOfThreeReplies() {
      // given
      List<CloudEvent> requests =
          List.of(
              order("b-1", "tea", 1).build(),
              order("b-2", "coffee", 2).build(),
              order("b-3", "cake", 3).build());

      // when
      Reply reply = client.batch("/greet", requests);

      // then
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.header("Content-Type"))
          .hasValueSatisfying(
              type -> assertThat(type).startsWith("application/cloudevents-batch+json"));
      assertThat(reply.json().isArray()).isTrue();
      List<CloudEvent> replies = reply.batch();
      assertThat(replies).hasSize(3);
      String[] items = {"tea", "coffee", "cake"};
      for (int i = 0; i < 3; i++) {
        assertReplyAttributes(replies.get(i), requests.get(i), "greet");
        assertThat(json(replies.get(i).getData().toBytes()))
            .isEqualTo(receipt(items[i], i + 1, "accepted"));
      }
      assertThat(replies.stream().map(CloudEvent::getId).distinct()).hasSize(3);
      assertThat(functions.greeted)
          .extracting(message -> message.payload())
          .containsExactly(new Order("tea", 1), new Order("coffee", 2), new Order("cake", 3));
    }
  }

  @Nested
  class BatchOutcomes {

    @Test
    void aBatchForAConsumerIsAnswered202() {
      // given
      List<CloudEvent> requests =
          List.of(order("c-1", "tea", 1).build(), order("c-2", "coffee", 2).build());

      // when
      Reply reply = client.batch("/record", requests);

      // then
      assertThat(reply.status()).isEqualTo(202);
      assertThat(reply.body()).isEmpty();
      assertThat(functions.recorded)
          .containsExactlyInAnyOrder(new Order("tea", 1), new Order("coffee", 2));
    }

    @Test
    void aBatchWithAFailingEventIsRedeliveredWholeNamingTheEvent() {
      // given: the second event makes the function throw
      List<CloudEvent> requests =
          List.of(
              order("p-1", "tea", 1).build(),
              order("p-2", "coffee", 0).build(),
              order("p-3", "cake", 3).build());

      // when
      Reply reply = client.batch("/picky", requests);

      // then
      assertThat(reply.status()).isEqualTo(500);
      assertThat(reply.header("Content-Type")).contains("application/problem+json");
      assertThat(reply.text()).doesNotContain(SdkFunctions.SECRET).doesNotContain("\tat ");
      String detail = reply.json().get("detail").asText();
      assertThat(detail).contains("event 1").contains("'p-2'");
      assertThat(detail).doesNotContain("'p-1'").doesNotContain("'p-3'");
    }
  }
}
