package dev.fn4j.alibaba.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.core.convert.JsonCodec;
import dev.fn4j.function.TypeRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventBridgeCloudEventTest {

  @Test
  void anMnsQueueEventBindsItsAttributesAndAliyunExtensions() {
    // when
    EventBridgeCloudEvent event =
        EventFiles.bind("eventbridge/mns-queue-send-message.json", EventBridgeCloudEvent.class);

    // then
    assertThat(event.id()).isEqualTo("8f2e1d3c-4b5a-4697-8a7b-6c5d4e3f2a1b");
    assertThat(event.source()).isEqualTo("MNS-orders-fn4j-trigger");
    assertThat(event.specversion()).isEqualTo("1.0");
    assertThat(event.type()).isEqualTo("mns:Queue:SendMessage");
    assertThat(event.datacontenttype()).isEqualTo("application/json; charset=utf-8");
    assertThat(event.subject()).isEqualTo("acs:mns:cn-qingdao:1029384756102938:queues/orders");
    assertThat(event.time()).isEqualTo("2025-04-02T11:20:33.456Z");
    assertThat(event.aliyunaccountid()).isEqualTo("1029384756102938");
    assertThat(event.aliyunpublishtime()).isEqualTo("2025-04-02T11:20:33.789Z");
    assertThat(event.aliyunoriginalaccountid()).isEqualTo("1029384756102938");
    assertThat(event.aliyuneventbusname()).isEqualTo("MNS-orders-fn4j-trigger");
    assertThat(event.aliyunregionid()).isEqualTo("cn-qingdao");
    assertThat(event.aliyunpublishaddr()).isEqualTo("192.0.2.15");
    assertThat(event.data().get("messageId").asText())
        .isEqualTo("0A1B2C3D4E5F6071-1-19600000000-200000001");
    assertThat(event.dataBase64()).isNull();
  }

  @Test
  void itsDataBindsToTheMnsQueueMessage() {
    // given
    EventBridgeCloudEvent event =
        EventFiles.bind("eventbridge/mns-queue-send-message.json", EventBridgeCloudEvent.class);

    // when
    MnsQueueMessage message = event.dataAs(MnsQueueMessage.class);

    // then
    assertThat(message)
        .isEqualTo(
            new MnsQueueMessage(
                "67ED1F11A0B1C2D3E4F50617",
                "0A1B2C3D4E5F6071-1-19600000000-200000001",
                "{\"orderId\":\"A-2002\"}"));
  }

  @Test
  void aRocketMqEventsDataBindsWithItsPropertiesAsText() {
    // given
    EventBridgeCloudEvent event =
        EventFiles.bind("eventbridge/rocketmq-send-message.json", EventBridgeCloudEvent.class);

    // when
    RocketMqMessage message = event.dataAs(RocketMqMessage.class);

    // then
    assertThat(event.type()).isEqualTo("mq:Topic:SendMessage");
    assertThat(message.topic()).isEqualTo("shipments");
    assertThat(message.body()).isEqualTo("{\"shipmentId\":77}");
    assertThat(message.systemProperties())
        .containsEntry("KEYS", "shipment-77")
        .containsEntry("TAGS", "express")
        .containsEntry("CONSUME_START_TIME", "1743595201002")
        .containsEntry("TRACE_ON", "true")
        .hasSize(8);
    assertThat(message.userProperties()).containsExactly(Map.entry("carrier", "sf"));
  }

  @Test
  void eachKafkaEventOfABatchOfStringsBindsWithItsMessage() {
    // given: FC delivers Kafka events as a JSON array of JSON strings
    @SuppressWarnings("unchecked")
    List<String> batch =
        (List<String>)
            EventFiles.bind(
                "eventbridge/kafka-batch-of-strings.json", new TypeRef<List<String>>() {}.type());

    // when
    List<KafkaMessage> messages =
        batch.stream()
            .map(text -> read(text, EventBridgeCloudEvent.class).dataAs(KafkaMessage.class))
            .toList();

    // then
    assertThat(messages).hasSize(2);
    KafkaMessage first = messages.get(0);
    assertThat(first.topic()).isEqualTo("clicks");
    assertThat(first.partition()).isEqualTo(2);
    assertThat(first.offset()).isEqualTo(41L);
    assertThat(first.timestamp()).isEqualTo(1743600000041L);
    assertThat(first.key()).isEqualTo("user-1");
    assertThat(first.value()).isEqualTo("{\"page\":\"/home\"}");
    assertThat(first.headers().isReadOnly()).isFalse();
    assertThat(first.headers().headers()).containsExactly(Map.of("key", "origin", "value", "web"));
    KafkaMessage second = messages.get(1);
    assertThat(second.key()).isNull();
    assertThat(second.headers().headers()).isEmpty();
  }

  @Test
  void absentDataIsANullNodeAndBindsToNull() {
    // when
    EventBridgeCloudEvent event =
        new EventBridgeCloudEvent(
            "id", "src", "1.0", "t", null, null, null, null, null, null, null, null, null, null,
            null);

    // then
    assertThat(event.data().isNull()).isTrue();
    assertThat(event.dataAs(MnsQueueMessage.class)).isNull();
  }

  @Test
  void dataOfAnotherShapeIsADecodeError() {
    // given
    EventBridgeCloudEvent event =
        EventFiles.bind("eventbridge/rocketmq-send-message.json", EventBridgeCloudEvent.class);

    // when / then
    assertThatThrownBy(() -> event.dataAs(List.class))
        .isInstanceOf(JsonCodec.JsonDecodeException.class);
  }

  @Test
  void writtenBackItIsTheEventAsSent() {
    // given
    EventBridgeCloudEvent event =
        EventFiles.bind("eventbridge/mns-queue-send-message.json", EventBridgeCloudEvent.class);

    // when
    Map<Object, Object> expected =
        new java.util.LinkedHashMap<>(
            (Map<?, ?>) EventFiles.tree("eventbridge/mns-queue-send-message.json"));
    expected.put("data_base64", null);

    // then
    assertThat(EventFiles.written(event)).isEqualTo(expected);
  }

  private static <T> T read(String json, Class<T> type) {
    return type.cast(JsonCodec.instance().read(dev.fn4j.core.convert.Payload.ofText(json), type));
  }
}
