package dev.fn4j.core.logging;

import java.util.ResourceBundle;

/**
 * A {@link System.Logger} that asks the JDK for the real logger only when something is logged.
 * {@code System.getLogger} itself sets up the logging backend ({@code java.util.logging}'s {@code
 * LogManager} by default), which costs milliseconds of cold start on every function that never
 * logs; fn4j only logs failures and lifecycle events.
 */
public final class LazyLogger implements System.Logger {

  private final String name;
  private volatile System.Logger delegate;

  private LazyLogger(String name) {
    this.name = name;
  }

  /**
   * Returns a logger that resolves on first use.
   *
   * @param name the logger name
   * @return the logger
   */
  public static System.Logger of(String name) {
    return new LazyLogger(name);
  }

  private System.Logger delegate() {
    System.Logger logger = delegate;
    if (logger == null) {
      logger = System.getLogger(name);
      delegate = logger;
    }
    return logger;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public boolean isLoggable(Level level) {
    return delegate().isLoggable(level);
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
    delegate().log(level, bundle, message, thrown);
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String format, Object... params) {
    delegate().log(level, bundle, format, params);
  }
}
