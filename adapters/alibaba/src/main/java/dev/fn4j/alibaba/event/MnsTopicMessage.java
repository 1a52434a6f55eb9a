package dev.fn4j.alibaba.event;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Map;

/**
 * A message of an MNS (Simple Message Queue) topic trigger whose event format is {@code JSON}. The
 * function is routed by {@code mns:topic:<TopicName>}, then {@code mns:topic}.
 *
 * <p>With the {@code STREAM} format (the trigger's default) FC delivers the message body alone, not
 * this document: declare {@code String} or {@code byte[]} (or the body's own record) instead.
 *
 * <p>The message's attributes arrive as further top-level members beside MNS's own; they are
 * collected in {@link #attributes()}, and written back at the top level when this record is
 * serialised. A structured attribute value is kept as its JSON text.
 *
 * @param topicOwner the account id of the topic's owner
 * @param topicName the topic
 * @param subscriber the account id of the subscriber
 * @param subscriptionName the subscription the trigger created
 * @param messageId the message id, unique in the topic
 * @param message the message body, as text
 * @param messageMd5 the MD5 digest of the body, upper-case hex
 * @param messageTag the message's tag, or null when it has none
 * @param publishTime when the message was published, in milliseconds since the epoch (MNS sends a
 *     number, or the same digits as text in its own JSON notifications; both bind)
 * @param attributes the message attributes FC puts beside MNS's members; empty when none
 */
public record MnsTopicMessage(
    @JsonProperty("TopicOwner") String topicOwner,
    @JsonProperty("TopicName") String topicName,
    @JsonProperty("Subscriber") String subscriber,
    @JsonProperty("SubscriptionName") String subscriptionName,
    @JsonProperty("MessageId") String messageId,
    @JsonProperty("Message") String message,
    @JsonProperty("MessageMD5") String messageMd5,
    @JsonProperty("MessageTag") String messageTag,
    @JsonProperty("PublishTime") Long publishTime,
    @JsonAnySetter @JsonAnyGetter @JsonDeserialize(contentUsing = TextValue.class)
        Map<String, String> attributes) {

  /**
   * Creates the message; null attributes become empty ones, and an attribute whose value is null is
   * left out.
   *
   * @param topicOwner the account id of the topic's owner
   * @param topicName the topic
   * @param subscriber the account id of the subscriber
   * @param subscriptionName the subscription the trigger created
   * @param messageId the message id, unique in the topic
   * @param message the message body, as text
   * @param messageMd5 the MD5 digest of the body, upper-case hex
   * @param messageTag the message's tag, or null when it has none
   * @param publishTime when the message was published, in milliseconds since the epoch (MNS sends a
   *     number, or the same digits as text in its own JSON notifications; both bind)
   * @param attributes the message attributes FC puts beside MNS's members; empty when none
   */
  public MnsTopicMessage {
    attributes = Copies.withoutNulls(attributes);
  }
}
