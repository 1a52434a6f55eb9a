package dev.fn4j.bench.jmh;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Lambda {@link Context} with the fixed values the managed Java runtime would hand over. One
 * instance serves every invocation, as the numbers it answers do not change between them. Its
 * logger writes nowhere and only counts, so that a handler that logs on every invocation shows up
 * in the trial's summary instead of in the measured time as console I/O.
 */
public final class BenchContext implements Context {

  private final AtomicLong loggedBytes = new AtomicLong();
  private final LambdaLogger logger =
      new LambdaLogger() {
        @Override
        public void log(String message) {
          loggedBytes.addAndGet(message.length());
        }

        @Override
        public void log(byte[] message) {
          loggedBytes.addAndGet(message.length);
        }
      };

  /**
   * Returns how many characters or bytes were logged through {@link #getLogger()}.
   *
   * @return the count
   */
  public long loggedBytes() {
    return loggedBytes.get();
  }

  @Override
  public String getAwsRequestId() {
    return "bench-request-0001";
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/fn4j-bench";
  }

  @Override
  public String getLogStreamName() {
    return "2025/05/24/[$LATEST]0123456789abcdef0123456789abcdef";
  }

  @Override
  public String getFunctionName() {
    return "fn4j-bench";
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:eu-west-1:123456789012:function:fn4j-bench";
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return 30_000;
  }

  @Override
  public int getMemoryLimitInMB() {
    return 1024;
  }

  @Override
  public LambdaLogger getLogger() {
    return logger;
  }

  @Override
  public String getXrayTraceId() {
    return "Root=1-6650a1b2-0a1b2c3d4e5f60718293a4b5";
  }

  static String utf8(byte[] bytes, int max) {
    String text = new String(bytes, 0, Math.min(bytes.length, max), StandardCharsets.UTF_8);
    return bytes.length > max ? text + "..." : text;
  }
}
