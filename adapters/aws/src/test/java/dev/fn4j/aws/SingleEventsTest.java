package dev.fn4j.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.aws.support.CapturedLogs;
import dev.fn4j.aws.support.Events;
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
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Events that are one invocation of one function: EventBridge (custom and scheduled; the function
 * gets {@code detail}, routed by {@code detail-type}) and direct invocations (the payload as it
 * came, JSON or not). The function's output is the response payload.
 */
@ExtendWith(CapturedLogs.class)
class SingleEventsTest {

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Nested
  class EventBridge {

    @Test
    void aCustomEventIsRoutedByItsDetailTypeAndTheFunctionGetsTheDetail() {
      // given
      Greet greet = new Greet();
      LambdaAdapter adapter =
          Lambda.adapter(
              registry -> registry.add("greet", greet).add("uppercase", new Uppercase()),
              Map.of("FN4J_ROUTING_TYPES", "OrderPlaced=greet"));

      // when
      byte[] response = Lambda.handle(adapter, Events.bytes("eventbridge/custom-event.json"));

      // then
      assertThat(greet.received()).containsExactly(new Greeting("Ada", "de"));
      assertThat(JsonTree.parse(response)).isEqualTo(Map.of("text", "Hallo, Ada"));
    }

    @Test
    void aFunctionNamedLikeTheDetailTypeGetsTheEvent() {
      // given
      Greet greet = new Greet();
      LambdaAdapter adapter =
          Lambda.adapter(
              registry -> registry.add("OrderPlaced", greet).add("uppercase", new Uppercase()));

      // when
      Lambda.handle(adapter, Events.bytes("eventbridge/custom-event.json"));

      // then
      assertThat(greet.received()).containsExactly(new Greeting("Ada", "de"));
    }

    @Test
    void aScheduledEventCallsASupplierAndItsValueIsTheResponse() {
      // given
      Fortune fortune = new Fortune();
      LambdaAdapter adapter =
          Lambda.adapter(
              registry -> registry.add("fortune", fortune).add("greet", new Greet()),
              Map.of("FN4J_ROUTING_TYPES", "Scheduled Event=fortune"));

      // when
      byte[] response = Lambda.handle(adapter, Events.bytes("eventbridge/scheduled.json"));

      // then
      assertThat(fortune.calls()).isEqualTo(1);
      assertThat(utf8(response)).isEqualTo(Fortune.TEXT);
    }

    @Test
    void theEnvelopeIsInTheContextAndTheDetailIsJson() {
      // given
      Probe probe = new Probe();
      LambdaAdapter adapter = Lambda.adapter(registry -> registry.add("probe", probe));

      // when
      Lambda.handle(adapter, Events.bytes("eventbridge/custom-event.json"));

      // then
      Message<String> message = probe.only();
      assertThat(JsonTree.parse(message.payload()))
          .isEqualTo(Map.of("name", "Ada", "language", "de"));
      assertThat(message.headers().first("Content-Type")).contains("application/json");
      assertThat(message.context().attributes())
          .containsEntry("aws.eventbridge.id", "9c4e7b2a-31d8-4f6e-a5b0-8e2d1c7f3a64")
          .containsEntry("aws.eventbridge.source", "com.example.orders")
          .containsEntry("aws.eventbridge.detail-type", "OrderPlaced")
          .containsEntry("aws.eventbridge.account", "123456789012")
          .containsEntry("aws.eventbridge.region", "eu-west-1")
          .containsEntry("aws.eventbridge.time", "2025-06-12T09:15:30Z")
          .containsEntry("aws.event.kind", "eventbridge");
    }
  }

  @Nested
  class Direct {

    @Test
    void aJsonPayloadBindsToTheDeclaredRecordAndTheAnswerIsJson() {
      // given
      Greet greet = new Greet();
      LambdaAdapter adapter = Lambda.adapter(registry -> registry.add("greet", greet));

      // when
      byte[] response = Lambda.handle(adapter, Events.bytes("direct/json-object.json"));

      // then
      assertThat(greet.received()).containsExactly(new Greeting("Ada", "de"));
      assertThat(JsonTree.parse(response)).isEqualTo(Map.of("text", "Hallo, Ada"));
    }

    @Test
    void aNonJsonPayloadReachesAStringFunctionAsText() {
      // given
      Uppercase uppercase = new Uppercase();
      LambdaAdapter adapter = Lambda.adapter(registry -> registry.add("uppercase", uppercase));

      // when
      byte[] response = Lambda.handle(adapter, Events.bytes("direct/text.txt"));

      // then
      assertThat(uppercase.received()).containsExactly("hello");
      assertThat(utf8(response)).isEqualTo("HELLO");
    }

    @Test
    void aJsonPayloadReachesAStringFunctionAsItsRawTextNeverParsed() {
      // given
      Uppercase uppercase = new Uppercase();
      LambdaAdapter adapter = Lambda.adapter(registry -> registry.add("uppercase", uppercase));
      byte[] payload = Events.bytes("direct/json-object.json");

      // when
      Lambda.handle(adapter, payload);

      // then
      assertThat(uppercase.received()).containsExactly(utf8(payload));
    }

    @Test
    void bytesReachAByteArrayFunctionUntouchedAndComeBackAsThey() {
      // given
      EchoBytes echo = new EchoBytes();
      LambdaAdapter adapter = Lambda.adapter(registry -> registry.add("echo", echo));
      byte[] payload = {(byte) 0xca, (byte) 0xfe, 0, (byte) 0xba, (byte) 0xbe};

      // when
      byte[] response = Lambda.handle(adapter, payload);

      // then
      assertThat(echo.received()).containsExactly(payload);
      assertThat(response).isEqualTo(payload);
    }

    @Test
    void theSelectedFunctionGetsTheInvocationWhenThereAreSeveral() {
      // given
      Uppercase uppercase = new Uppercase();
      LambdaAdapter adapter =
          Lambda.adapter(
              registry -> registry.add("greet", new Greet()).add("uppercase", uppercase),
              Map.of("FN4J_FUNCTION", "uppercase"));

      // when
      byte[] response = Lambda.handle(adapter, Events.bytes("direct/text.txt"));

      // then
      assertThat(utf8(response)).isEqualTo("HELLO");
    }

    @Test
    void aFunctionThatReturnsNothingAnswersAnEmptyPayload() {
      // given
      LambdaAdapter adapter =
          Lambda.adapter(
              registry ->
                  registry.consumer(
                      "drop", dev.fn4j.function.TypeRef.of(String.class), text -> {}));

      // when
      byte[] response = Lambda.handle(adapter, Events.bytes("direct/text.txt"));

      // then
      assertThat(response).isEmpty();
    }
  }
}
