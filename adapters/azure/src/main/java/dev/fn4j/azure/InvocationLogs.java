package dev.fn4j.azure;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what is logged on the invocation's thread while it runs, for the custom handler
 * response's {@code Logs}, which the Functions host writes to the function's own log stream
 * (Application Insights). A {@code java.util.logging} handler on the root logger, which {@code
 * System.Logger} uses by default, copies each record of an invocation thread into its list; the
 * records still go to the console as before.
 */
final class InvocationLogs {

  private static final ThreadLocal<List<String>> CURRENT = new ThreadLocal<>();
  private static final int MOST_LINES = 100;

  static {
    Logger.getLogger("").addHandler(new Collector());
  }

  private InvocationLogs() {}

  /**
   * Starts collecting on this thread.
   *
   * @return the list the lines go to
   */
  static List<String> start() {
    List<String> lines = new ArrayList<>();
    CURRENT.set(lines);
    return lines;
  }

  /** Stops collecting on this thread. */
  static void stop() {
    CURRENT.remove();
  }

  /**
   * Adds a line of fn4j's own to the current invocation's logs.
   *
   * @param line the line
   */
  static void add(String line) {
    List<String> lines = CURRENT.get();
    if (lines != null && lines.size() < MOST_LINES) {
      lines.add(line);
    }
  }

  private static final class Collector extends Handler {

    @Override
    public void publish(LogRecord record) {
      List<String> lines = CURRENT.get();
      if (lines == null
          || lines.size() >= MOST_LINES
          || record.getMessage() == null
          || "dev.fn4j.azure".equals(record.getLoggerName())) {
        // The adapter's own failure records add their line themselves, without the throw site.
        return;
      }
      String message = record.getMessage();
      if (record.getParameters() != null && record.getParameters().length > 0) {
        try {
          message = java.text.MessageFormat.format(message, record.getParameters());
        } catch (IllegalArgumentException unformattable) {
          // Keep the pattern as it is: a log call must never fail the invocation.
        }
      }
      lines.add(record.getLevel().getName() + ": " + message.replace('\n', ' '));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
