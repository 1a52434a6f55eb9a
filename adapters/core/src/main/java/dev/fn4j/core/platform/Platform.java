package dev.fn4j.core.platform;

import dev.fn4j.core.FunctionRuntime;

/**
 * A place a packaged function jar can run, found with {@link java.util.ServiceLoader} from {@code
 * META-INF/services/dev.fn4j.core.platform.Platform}. The launcher asks each platform whether it
 * recognises the environment (for example {@code AWS_LAMBDA_RUNTIME_API} or {@code
 * FUNCTIONS_CUSTOMHANDLER_PORT} being set), runs the one with the highest priority, and falls back
 * to the local runner when none does.
 */
public interface Platform {

  /**
   * Returns the platform's id, as {@code FN4J_PLATFORM} names it and contexts report it.
   *
   * @return for example {@code aws-lambda}
   */
  String id();

  /**
   * Returns the priority among platforms that all detect the environment; higher wins.
   *
   * @return the priority, 0 by default
   */
  default int priority() {
    return 0;
  }

  /**
   * Tells whether the environment is this platform's, from documented variables only.
   *
   * @param environment the environment
   * @return true when this platform should run
   */
  boolean detect(Environment environment);

  /**
   * Tells the platform that the application could not start, where the platform has a way to hear
   * it (the Lambda Runtime API's init error, for example). Does nothing by default.
   *
   * @param environment the environment
   * @param reason the one-line reason
   */
  default void startupFailed(Environment environment, String reason) {}

  /**
   * Serves invocations until the platform ends the process or asks it to stop.
   *
   * @param runtime the application's functions
   * @throws Exception when serving cannot start or fails for good
   */
  void run(FunctionRuntime runtime) throws Exception;
}
