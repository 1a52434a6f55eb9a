package dev.fn4j.knative.event;

/**
 * A request that claims to be a CloudEvent but is not a valid one: a missing or malformed
 * attribute, an unsupported spec version or event format, or unreadable structured JSON. Answered
 * with 400, which Knative does not retry. The message is safe to send to the client.
 */
public final class InvalidEventException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param detail what is wrong, in client-safe words
   */
  public InvalidEventException(String detail) {
    super(detail, null, false, false);
  }
}
