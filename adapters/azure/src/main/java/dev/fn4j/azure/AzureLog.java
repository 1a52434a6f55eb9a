package dev.fn4j.azure;

import dev.fn4j.core.dispatch.FunctionException;
import java.lang.System.Logger.Level;

/** fn4j's one-line failure records on Azure: to the console and the invocation's {@code Logs}. */
final class AzureLog {

  private static final System.Logger LOG = dev.fn4j.core.logging.LazyLogger.of("dev.fn4j.azure");

  private AzureLog() {}

  static void failure(String what, String requestId, FunctionException failure) {
    String line = "[" + requestId + "] " + what + " -> " + failure.toLogLine();
    LOG.log(failure.httpStatus() >= 500 ? Level.WARNING : Level.INFO, line);
  }
}
