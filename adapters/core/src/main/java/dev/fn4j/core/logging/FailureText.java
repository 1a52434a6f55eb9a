package dev.fn4j.core.logging;

/**
 * How a failure of user code is described in a log line: its class and where it was thrown (its
 * first stack frame), never its stack trace, and its message only when the operator opts in with
 * {@code FN4J_LOG_EXCEPTION_MESSAGES=true} (or the system property {@code
 * fn4j.log.exceptionMessages}): user code may put anything in a message, a token or a customer's
 * data.
 */
public final class FailureText {

  private static final boolean MESSAGES = messagesEnabled();

  private FailureText() {}

  /**
   * Describes a failure for a log line, by the operator's setting.
   *
   * @param failure what user code threw
   * @return for example {@code java.lang.IllegalStateException at com.acme.Fn.apply(Fn.java:42)}
   */
  public static String of(Throwable failure) {
    return of(failure, MESSAGES);
  }

  /**
   * Describes a failure for a log line.
   *
   * @param failure what user code threw
   * @param withMessage whether to add the failure's message, on one line and at most 500 characters
   * @return the description
   */
  public static String of(Throwable failure, boolean withMessage) {
    StringBuilder text = new StringBuilder(failure.getClass().getName());
    text.append(location(failure));
    String message = failure.getMessage();
    if (withMessage && message != null) {
      text.append(" (").append(oneLine(message)).append(')');
    }
    return text.toString();
  }

  /**
   * Returns where a failure was thrown.
   *
   * @param failure the failure
   * @return {@code " at <frame>"}, or empty when it has no stack frames
   */
  public static String location(Throwable failure) {
    StackTraceElement[] frames = failure.getStackTrace();
    return frames.length == 0 ? "" : " at " + oneLine(frames[0].toString());
  }

  /**
   * Tells whether messages of user failures are logged.
   *
   * @return the operator's setting
   */
  public static boolean messagesLogged() {
    return MESSAGES;
  }

  /**
   * Flattens text to one line of at most 500 characters.
   *
   * @param text the text
   * @return the line
   */
  public static String oneLine(String text) {
    // Every control character, not only line breaks: a tab or a lone CR can forge a log line too.
    String flat = text.replaceAll("\\p{Cntrl}", " ");
    return flat.length() > 500 ? flat.substring(0, 500) + "..." : flat;
  }

  private static boolean messagesEnabled() {
    String value = System.getProperty("fn4j.log.exceptionMessages");
    if (value == null) {
      value = System.getenv("FN4J_LOG_EXCEPTION_MESSAGES");
    }
    return "true".equalsIgnoreCase(value);
  }
}
