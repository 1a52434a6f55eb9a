package dev.fn4j.alibaba.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.fn4j.core.convert.JsonCodec;
import dev.fn4j.core.convert.Payload;
import java.nio.charset.StandardCharsets;

/**
 * The CloudEvent (JSON format, specversion 1.0) that EventBridge-based triggers deliver: MNS
 * queues, ApsaraMQ for RocketMQ and for Kafka, EventBridge-based OSS triggers, event buses. The
 * function is routed by the event's {@code type} (for example {@code mns:Queue:SendMessage}).
 *
 * <p>A function usually declares the type of the event's {@code data} ({@link MnsQueueMessage},
 * {@link RocketMqMessage}, {@link KafkaMessage}, or its own record) and gets the data alone, with
 * the attributes as {@code ce-*} headers and {@code ce.*} context attributes. A function that
 * declares this type gets the whole envelope instead; a {@code List<EventBridgeCloudEvent>}
 * function gets a whole batch.
 *
 * @param id the event id
 * @param source the event source, for example the trigger's event stream
 * @param specversion the CloudEvents version, {@code 1.0}
 * @param type the event type, for example {@code mq:Topic:SendMessage}
 * @param datacontenttype the media type of {@code data}, for example {@code application/json;
 *     charset=utf-8}
 * @param subject the resource the event is about, for example {@code
 *     acs:mns:<region>:<account>:queues/<queue>}
 * @param time when the event happened, RFC 3339 as sent
 * @param aliyunaccountid the account id the event belongs to
 * @param aliyunpublishtime when EventBridge received the event, RFC 3339 as sent
 * @param aliyunoriginalaccountid the account id of the event's original owner
 * @param aliyuneventbusname the event bus (or the trigger's event stream) that carried it
 * @param aliyunregionid the region
 * @param aliyunpublishaddr the address the event was published from
 * @param data the event's data as a JSON tree: an object for the message services, but any JSON
 *     value in general; a {@link NullNode}, never null, when the event has none
 * @param dataBase64 binary data, base64 ({@code data_base64}), or null when the data is JSON
 */
public record EventBridgeCloudEvent(
    String id,
    String source,
    String specversion,
    String type,
    String datacontenttype,
    String subject,
    String time,
    String aliyunaccountid,
    String aliyunpublishtime,
    String aliyunoriginalaccountid,
    String aliyuneventbusname,
    String aliyunregionid,
    String aliyunpublishaddr,
    JsonNode data,
    @JsonProperty("data_base64") String dataBase64) {

  /**
   * Creates the event; null data becomes a {@link NullNode}.
   *
   * @param id the event id
   * @param source the event source, for example the trigger's event stream
   * @param specversion the CloudEvents version, {@code 1.0}
   * @param type the event type, for example {@code mq:Topic:SendMessage}
   * @param datacontenttype the media type of {@code data}, for example {@code application/json;
   *     charset=utf-8}
   * @param subject the resource the event is about, for example {@code
   *     acs:mns:<region>:<account>:queues/<queue>}
   * @param time when the event happened, RFC 3339 as sent
   * @param aliyunaccountid the account id the event belongs to
   * @param aliyunpublishtime when EventBridge received the event, RFC 3339 as sent
   * @param aliyunoriginalaccountid the account id of the event's original owner
   * @param aliyuneventbusname the event bus (or the trigger's event stream) that carried it
   * @param aliyunregionid the region
   * @param aliyunpublishaddr the address the event was published from
   * @param data the event's data as a JSON tree: an object for the message services, but any JSON
   *     value in general; a {@link NullNode}, never null, when the event has none
   * @param dataBase64 binary data, base64 ({@code data_base64}), or null when the data is JSON
   */
  public EventBridgeCloudEvent {
    data = data == null ? NullNode.getInstance() : data;
  }

  /**
   * Binds the data to a type, the way fn4j binds a function's declared input.
   *
   * @param type the type, for example {@link MnsQueueMessage}
   * @param <T> the type
   * @return the data as that type; null when the event has no data
   * @throws JsonCodec.JsonDecodeException with a client-safe reason when the data does not fit
   */
  public <T> T dataAs(Class<T> type) {
    if (data.isNull()) {
      return null;
    }
    byte[] json = data.toString().getBytes(StandardCharsets.UTF_8);
    return type.cast(JsonCodec.instance().read(Payload.ofBytes(json), type));
  }
}
