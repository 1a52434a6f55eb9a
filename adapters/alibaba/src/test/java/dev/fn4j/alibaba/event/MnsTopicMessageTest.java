package dev.fn4j.alibaba.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.core.convert.JsonCodec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MnsTopicMessageTest {

  @Test
  void pascalCaseMembersBindAndTheRestAreTheMessageAttributes() {
    // when
    MnsTopicMessage message =
        EventFiles.bind("mns-topic/with-attributes.json", MnsTopicMessage.class);

    // then
    assertThat(message.topicOwner()).isEqualTo("1122334455667788");
    assertThat(message.topicName()).isEqualTo("orders");
    assertThat(message.subscriber()).isEqualTo("1122334455667788");
    assertThat(message.subscriptionName()).isEqualTo("fc-orders-subscription");
    assertThat(message.messageId()).isEqualTo("5A1B2C3D4E5F60718293A4B5C6D7E8F9");
    assertThat(message.message()).isEqualTo("{\"orderId\":\"A-1001\",\"total\":42.5}");
    assertThat(message.messageMd5()).isEqualTo("9E107D9D372BB6826BD81D3542A419D6");
    assertThat(message.messageTag()).isEqualTo("priority");
    assertThat(message.publishTime()).isEqualTo(1735723800123L);
    assertThat(message.attributes())
        .containsOnly(
            Map.entry("channel", "web"),
            Map.entry("region-hint", "eu"),
            Map.entry("retries", "2"),
            Map.entry("audit", "{\"by\":\"ada\",\"steps\":[1,2]}"));
  }

  @Test
  void withoutAttributesTheMapIsEmpty() {
    // when
    MnsTopicMessage message =
        EventFiles.bind("mns-topic/without-attributes.json", MnsTopicMessage.class);

    // then
    assertThat(message.message()).isEqualTo("plain text body");
    assertThat(message.messageTag()).isNull();
    assertThat(message.attributes()).isEmpty();
  }

  @Test
  void writtenBackTheAttributesAreTopLevelMembersAgain() {
    // given
    MnsTopicMessage message =
        EventFiles.bind("mns-topic/without-attributes.json", MnsTopicMessage.class);
    MnsTopicMessage withAttribute =
        new MnsTopicMessage(
            "o", "t", "s", "n", "id", "m", "md5", null, 1L, Map.of("channel", "web"));

    // when / then
    assertThat(EventFiles.written(message))
        .isEqualTo(withoutNull(EventFiles.tree("mns-topic/without-attributes.json"), "MessageTag"));
    @SuppressWarnings("unchecked")
    Map<String, Object> written = (Map<String, Object>) EventFiles.written(withAttribute);
    assertThat(written)
        .containsEntry("channel", "web")
        .containsEntry("TopicName", "t")
        .doesNotContainKey("attributes");
  }

  @Test
  void aPublishTimeSentAsDigitsBindsAndOneThatIsNotANumberIsADecodeError() {
    // when
    MnsTopicMessage message =
        EventFiles.bind("mns-topic/publish-time-as-text.json", MnsTopicMessage.class);

    // then
    assertThat(message.publishTime()).isEqualTo(1735724000789L);
    assertThatThrownBy(
            () ->
                EventFiles.bind("mns-topic/publish-time-not-a-number.json", MnsTopicMessage.class))
        .isInstanceOf(JsonCodec.JsonDecodeException.class)
        .hasMessageContaining("PublishTime");
  }

  private static Object withoutNull(Object tree, String member) {
    Map<Object, Object> copy = new java.util.LinkedHashMap<>((Map<?, ?>) tree);
    copy.put(member, null);
    return copy;
  }
}
