package dev.fn4j.alibaba.event;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Map;

/**
 * The {@code data} of an ApsaraMQ for RocketMQ trigger's CloudEvent (type {@code
 * mq:Topic:SendMessage}). A function that declares it gets the data of each event; a {@code
 * List<RocketMqMessage>} function gets a whole batch.
 *
 * @param topic the topic
 * @param systemProperties RocketMQ's properties of the message, for example {@code KEYS}, {@code
 *     TAGS}, {@code MSG_REGION}, {@code INSTANCE_ID}, {@code MIN_OFFSET}, {@code MAX_OFFSET},
 *     {@code CONSUME_START_TIME}; numbers are kept as their digits; empty when none
 * @param userProperties the properties the producer set; empty when none
 * @param body the message body, as text
 */
public record RocketMqMessage(
    String topic,
    @JsonDeserialize(contentUsing = TextValue.class) Map<String, String> systemProperties,
    @JsonDeserialize(contentUsing = TextValue.class) Map<String, String> userProperties,
    String body) {

  /**
   * Creates the message; null maps become empty ones, and a property whose value is null is left
   * out.
   *
   * @param topic the topic
   * @param systemProperties RocketMQ's properties of the message, for example {@code KEYS}, {@code
   *     TAGS}, {@code MSG_REGION}, {@code INSTANCE_ID}, {@code MIN_OFFSET}, {@code MAX_OFFSET},
   *     {@code CONSUME_START_TIME}; numbers are kept as their digits; empty when none
   * @param userProperties the properties the producer set; empty when none
   * @param body the message body, as text
   */
  public RocketMqMessage {
    systemProperties = Copies.withoutNulls(systemProperties);
    userProperties = Copies.withoutNulls(userProperties);
  }
}
