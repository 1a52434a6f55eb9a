package dev.fn4j.alibaba.event;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.List;
import java.util.Map;

/**
 * The {@code data} of an ApsaraMQ for Kafka trigger's CloudEvent (type {@code
 * alikafka:Topic:Message}). FC delivers Kafka events as a batch (a JSON array of CloudEvents, each
 * as a JSON string); a function that declares this type is called once per message, a {@code
 * List<KafkaMessage>} function once with the whole batch.
 *
 * @param topic the topic
 * @param partition the partition
 * @param offset the message's offset in the partition
 * @param timestamp the message's timestamp, in milliseconds since the epoch
 * @param key the message key as text, or null when the message has none
 * @param value the message value as text
 * @param headers the message's headers, as EventBridge writes Kafka's record headers
 */
public record KafkaMessage(
    String topic,
    Integer partition,
    Long offset,
    Long timestamp,
    String key,
    String value,
    RecordHeaders headers) {

  /**
   * Creates the message; null headers become empty ones.
   *
   * @param topic the topic
   * @param partition the partition
   * @param offset the message's offset in the partition
   * @param timestamp the message's timestamp, in milliseconds since the epoch
   * @param key the message key as text, or null when the message has none
   * @param value the message value as text
   * @param headers the message's headers, as EventBridge writes Kafka's record headers
   */
  public KafkaMessage {
    headers = headers == null ? new RecordHeaders(List.of(), false) : headers;
  }

  /**
   * Kafka's record headers, as EventBridge serialises them.
   *
   * @param headers the headers, each as EventBridge writes it (for example {@code key} and {@code
   *     value} members); empty when none
   * @param isReadOnly whether the headers were read-only in the consumer; false when absent
   */
  public record RecordHeaders(
      List<Map<String, Object>> headers, @JsonSetter(nulls = Nulls.AS_EMPTY) boolean isReadOnly) {

    /**
     * Creates the headers; a null list becomes an empty one.
     *
     * @param headers the headers, each as EventBridge writes it (for example {@code key} and {@code
     *     value} members); empty when none
     * @param isReadOnly whether the headers were read-only in the consumer; false when absent
     */
    public RecordHeaders {
      headers = Copies.list(headers);
    }
  }
}
