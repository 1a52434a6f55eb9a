package dev.fn4j.azure;

import dev.fn4j.core.dispatch.FunctionException;
import java.lang.System.Logger.Level;

/** fn4j's one-line failure records on Azure: to the console and the invocation's {@code Logs}. */
final class AzureLog {

  private static final System.Logger LOG = dev.fn4j.core.logging.LazyLogger.of("dev.fn4j.azure");

  private AzureLog() {}

  static void failure(String what, String requestId, FunctionException failure) {
    Level level = failure.httpStatus() >= 500 ? Level.WARNING : Level.INFO;
    LOG.log(level, "[" + requestId + "] " + what + " -> " + failure.toLogLine());
    // The host hands Logs on as the function's output: no throw site, no frame, in there.
    InvocationLogs.add(
        level.getName() + ": [" + requestId + "] " + what + " -> " + failure.getMessage());
  }
}
