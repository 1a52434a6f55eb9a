package dev.fn4j.spring.autoconfigure;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * Reports any failure of an application that fn4j starts inside a cloud runtime as one line (the
 * innermost bean that failed and the innermost message), so that no stack trace reaches the
 * platform's logs; Spring still logs the trace at debug level. Ordered last, so Spring's own
 * analyses come first, and silent when the application was started by anything but fn4j.
 */
public final class StartFailureAnalyzer implements FailureAnalyzer, Ordered {

  /** Creates the analyzer; Spring Boot calls this. */
  public StartFailureAnalyzer() {}

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    if (!SpringApplicationStarter.isStarting()) {
      return null;
    }
    return new FailureAnalysis(
        reason(failure),
        "Set logging.level.org.springframework.boot.diagnostics=debug to see the stack trace.",
        failure);
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /**
   * Returns the innermost message after the innermost bean that failed: Spring wraps the cause of a
   * failed start in one layer per bean being created.
   *
   * @param failure what ended the start
   * @return for example {@code bean 'database': no datasource here}
   */
  static String reason(Throwable failure) {
    String bean = null;
    Throwable cause = failure;
    while (true) {
      if (cause instanceof BeanCreationException creation && creation.getBeanName() != null) {
        bean = creation.getBeanName();
      }
      if (cause.getCause() == null || cause.getCause() == cause) {
        break;
      }
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    String text = message == null || message.isBlank() ? cause.getClass().getName() : message;
    return bean == null ? text : "bean '" + bean + "': " + text;
  }
}
