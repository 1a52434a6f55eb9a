package dev.fn4j.aws.event;

/** The event is a kind AWS documents (it has an event source) that this adapter does not serve. */
public final class UnsupportedEventException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which event source, and what is supported
   */
  public UnsupportedEventException(String message) {
    super(message, null, false, false);
  }
}
