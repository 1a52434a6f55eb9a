package dev.fn4j.launcher;

import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.platform.Environment;
import dev.fn4j.core.platform.Launcher;
import dev.fn4j.core.platform.Platform;

/**
 * The {@code Main-Class} of a packaged function jar: builds the application's functions, detects
 * the platform from the environment and serves it; with no platform detected, runs the local
 * runner. Start-up failures end the process with status 1 and a one-line reason.
 */
public final class Main {

  private Main() {}

  /**
   * Runs the application.
   *
   * @param args ignored; configuration comes from the environment
   */
  public static void main(String[] args) {
    // Exit explicitly: a thread a function started must not keep a stopped platform alive.
    System.exit(run(Environment.system(), Main.class.getClassLoader()));
  }

  static int run(Environment environment, ClassLoader loader) {
    try {
      Platform platform = Launcher.discover(loader).select(environment);
      FunctionRuntime runtime;
      try {
        runtime = FunctionRuntime.start(environment, loader);
      } catch (RuntimeException | LinkageError e) {
        platform.startupFailed(environment, reason(e));
        throw e;
      }
      platform.run(runtime);
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    } catch (Exception | LinkageError e) {
      System.err.println("fn4j could not start: " + reason(e));
      return 1;
    }
  }

  /** The failure on one line: its message, or its type when it has none; never a stack trace. */
  static String reason(Throwable failure) {
    String message = failure.getMessage();
    if (message == null || message.isBlank()) {
      return failure.getClass().getName();
    }
    String line = message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    return line.length() > 1000 ? line.substring(0, 1000) + "..." : line;
  }
}
