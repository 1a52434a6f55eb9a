package dev.fn4j.conformance;

import dev.fn4j.testkit.AzureFunctionsHostFake;
import dev.fn4j.testkit.FcCredentials;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps everything the application logs or prints while installed, and tells what must never show
 * up in a log line, a response header or a response body (DESIGN.md principle 6): a stack trace
 * ({@code \tat }, {@code Caused by}), the message of the function that throws ({@value #SECRET}),
 * the credentials the platforms hand over (the FC host fake's keys and token, the Azure storage
 * key) and the value of the {@code Authorization} header every bad call carries ({@value #BEARER}).
 *
 * <p>Logs: a {@code java.util.logging} handler on the root logger (fn4j logs through {@code
 * System.Logger}, which ends there), every record with its thrown exception, if any; prints: {@code
 * System.out} and {@code System.err}, teed (the FC custom runtime prints its {@code FC Invoke}
 * lines). Install it before the servers start: the FC server keeps the {@code System.out} it is
 * started with.
 */
final class LeakWatch implements AutoCloseable {

  /** What {@code explode} throws with; never shown to a client or logged. */
  static final String SECRET = "secret-internal-detail";

  /** The bearer token every bad call sends in {@code Authorization}. */
  static final String BEARER = "conformance-secret-token";

  /** The {@code Authorization} header value every bad call sends. */
  static final String AUTHORIZATION = "Bearer " + BEARER;

  private final List<String> records = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final Handler handler = new Collector();
  private final PrintStream originalOut = System.out;
  private final PrintStream originalErr = System.err;

  private LeakWatch() {}

  /**
   * Starts keeping logs and prints.
   *
   * @return the watch; close it to stop
   */
  static LeakWatch install() {
    LeakWatch watch = new LeakWatch();
    Logger.getLogger("").addHandler(watch.handler);
    System.setOut(new PrintStream(new Tee(watch.originalOut, watch.printed), true));
    System.setErr(new PrintStream(new Tee(watch.originalErr, watch.printed), true));
    return watch;
  }

  /**
   * Returns the forbidden texts: stack trace markers, the thrown secret and every credential.
   *
   * @return the texts
   */
  static List<String> forbidden() {
    List<String> forbidden = new ArrayList<>(List.of("\tat ", "Caused by", SECRET, BEARER));
    forbidden.addAll(FcCredentials.fake().values());
    forbidden.add(AzureFunctionsHostFake.FAKE_STORAGE_ACCOUNT_KEY);
    return forbidden;
  }

  /**
   * Lists the forbidden texts a text holds.
   *
   * @param text a response, log line or print
   * @return the forbidden texts found; empty when clean
   */
  static List<String> leaks(String text) {
    return forbidden().stream().filter(text::contains).toList();
  }

  /**
   * Returns every log record kept so far, one formatted text each (message, then the thrown
   * exception's stack trace when a record has one, as a console handler would print it).
   *
   * @return the records
   */
  List<String> logRecords() {
    return List.copyOf(records);
  }

  /**
   * Returns everything printed to {@code System.out} and {@code System.err} so far.
   *
   * @return the text
   */
  String printed() {
    synchronized (printed) {
      return printed.toString(StandardCharsets.UTF_8);
    }
  }

  /**
   * Lists each log record or printed line that holds a forbidden text.
   *
   * @return descriptions; empty when clean
   */
  List<String> logLeaks() {
    List<String> found = new ArrayList<>();
    for (String record : records) {
      List<String> leaks = leaks(record);
      if (!leaks.isEmpty()) {
        found.add("log record " + leaks + ": " + shorten(record));
      }
    }
    for (String line : printed().split("\n")) {
      List<String> leaks = leaks(line);
      if (!leaks.isEmpty()) {
        found.add("printed line " + leaks + ": " + shorten(line));
      }
    }
    return found;
  }

  private static String shorten(String text) {
    return text.length() > 400 ? text.substring(0, 400) + "..." : text;
  }

  @Override
  public void close() {
    Logger.getLogger("").removeHandler(handler);
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  private static final java.util.logging.Formatter MESSAGES =
      new java.util.logging.SimpleFormatter();

  private final class Collector extends Handler {
    Collector() {
      setLevel(Level.ALL);
    }

    @Override
    public void publish(LogRecord record) {
      StringBuilder text = new StringBuilder(record.getLevel().getName()).append(' ');
      text.append(record.getLoggerName()).append(": ").append(MESSAGES.formatMessage(record));
      Throwable thrown = record.getThrown();
      if (thrown != null) {
        java.io.StringWriter trace = new java.io.StringWriter();
        thrown.printStackTrace(new java.io.PrintWriter(trace));
        text.append('\n').append(trace);
      }
      records.add(text.toString());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  /** Writes to the original stream and keeps a copy. */
  private static final class Tee extends OutputStream {
    private final OutputStream original;
    private final ByteArrayOutputStream copy;

    Tee(OutputStream original, ByteArrayOutputStream copy) {
      this.original = original;
      this.copy = copy;
    }

    @Override
    public void write(int b) {
      synchronized (copy) {
        copy.write(b);
      }
      ((PrintStream) original).write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      synchronized (copy) {
        copy.write(bytes, offset, length);
      }
      ((PrintStream) original).write(bytes, offset, length);
    }
  }
}
