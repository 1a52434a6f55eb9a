package dev.fn4j.alibaba.event;

/**
 * The {@code data} of an MNS (Simple Message Queue) queue trigger's CloudEvent (type {@code
 * mns:Queue:SendMessage}). A function that declares it gets the data of each event; a {@code
 * List<MnsQueueMessage>} function gets a whole batch.
 *
 * @param requestId MNS's request id of the send
 * @param messageId the message id
 * @param messageBody the message body, as text
 */
public record MnsQueueMessage(String requestId, String messageId, String messageBody) {}
