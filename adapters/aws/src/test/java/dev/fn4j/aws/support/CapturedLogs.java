package dev.fn4j.aws.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Keeps what fn4j logs during a test (through {@code System.Logger}, which is java.util.logging
 * here) instead of printing it, so tests can check that no log line carries a stack trace. Register
 * with {@code @ExtendWith(CapturedLogs.class)} and take it as a parameter.
 */
public final class CapturedLogs
    implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private static final String ROOT = "dev.fn4j";

  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private Logger logger;
  private Level previousLevel;
  private boolean previousUseParent;

  /** Starts capturing; the extension calls this before each test. */
  public void start() {
    records.clear();
    logger = Logger.getLogger(ROOT);
    previousLevel = logger.getLevel();
    previousUseParent = logger.getUseParentHandlers();
    handler.setLevel(Level.ALL);
    logger.addHandler(handler);
    logger.setUseParentHandlers(false);
    logger.setLevel(Level.ALL);
  }

  /** Stops capturing and restores the logger; the extension calls this after each test. */
  public void stop() {
    if (logger != null) {
      logger.removeHandler(handler);
      logger.setUseParentHandlers(previousUseParent);
      logger.setLevel(previousLevel);
      logger = null;
    }
  }

  /**
   * Returns the captured records.
   *
   * @return the records, oldest first
   */
  public List<LogRecord> records() {
    return List.copyOf(records);
  }

  /**
   * Returns the captured messages.
   *
   * @return the messages, oldest first
   */
  public List<String> messages() {
    return records.stream().map(LogRecord::getMessage).toList();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    stop();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == CapturedLogs.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return this;
  }
}
