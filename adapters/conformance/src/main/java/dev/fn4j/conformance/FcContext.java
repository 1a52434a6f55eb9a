package dev.fn4j.conformance;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.Credentials;
import com.aliyun.fc.runtime.FunctionComputeLogger;
import com.aliyun.fc.runtime.FunctionParam;
import com.aliyun.fc.runtime.OpenTracing;
import com.aliyun.fc.runtime.Service;

/**
 * The {@link Context} an FC built-in Java runtime (FC 3.0) hands the handler: the invocation's
 * request id, the function's settings, no service (FC 3.0 has none), no role credentials, no
 * tracing, first delivery; the logger writes to standard output, as FC's does. Public for the event
 * paths ({@code dev.fn4j.conformance.event}).
 */
public final class FcContext implements Context {

  /** The FC function's name. */
  public static final String FUNCTION_NAME = "fn4j-conformance";

  private static final FunctionParam FUNCTION =
      new FunctionParam() {
        @Override
        public String getFunctionName() {
          return FUNCTION_NAME;
        }

        @Override
        public String getFunctionHandler() {
          return "dev.fn4j.alibaba.FcHandler::handleRequest";
        }

        @Override
        public String getFunctionInitializer() {
          return "dev.fn4j.alibaba.FcHandler::initialize";
        }

        @Override
        public int getExecTimeLimitInMillis() {
          return 60_000;
        }

        @Override
        public int getMemoryLimitInMB() {
          return 512;
        }
      };

  private static final FunctionComputeLogger LOGGER =
      new FunctionComputeLogger() {
        @Override
        public void trace(String message) {
          System.out.println(message);
        }

        @Override
        public void debug(String message) {
          System.out.println(message);
        }

        @Override
        public void info(String message) {
          System.out.println(message);
        }

        @Override
        public void warn(String message) {
          System.out.println(message);
        }

        @Override
        public void error(String message) {
          System.out.println(message);
        }

        @Override
        public void fatal(String message) {
          System.out.println(message);
        }

        @Override
        public void setLogLevel(Level level) {}
      };

  private final String requestId;

  /**
   * Creates the context of one invocation.
   *
   * @param requestId the invocation's request id
   */
  public FcContext(String requestId) {
    this.requestId = requestId;
  }

  @Override
  public String getRequestId() {
    return requestId;
  }

  @Override
  public Credentials getExecutionCredentials() {
    return null;
  }

  @Override
  public FunctionParam getFunctionParam() {
    return FUNCTION;
  }

  @Override
  public Service getService() {
    return null;
  }

  @Override
  public FunctionComputeLogger getLogger() {
    return LOGGER;
  }

  @Override
  public OpenTracing getTracing() {
    return null;
  }

  @Override
  public int getRetryCount() {
    return 0;
  }
}
