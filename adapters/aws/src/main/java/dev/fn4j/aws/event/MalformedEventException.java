package dev.fn4j.aws.event;

/**
 * An event of a recognised kind has a field of the wrong type or misses a required one. The message
 * names the event kind and the field, and is safe to return to a client.
 */
public final class MalformedEventException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, naming the field
   */
  public MalformedEventException(String message) {
    super(message, null, false, false);
  }
}
