package dev.fn4j.aws.support;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Lambda {@link Context} as the managed Java runtime hands it over, with fixed values; its logger
 * keeps what was logged.
 */
public final class TestLambdaContext implements Context {

  private final String requestId;
  private final int remainingMillis;
  private final List<String> logged = new CopyOnWriteArrayList<>();

  /**
   * Creates a context.
   *
   * @param requestId the AWS request id
   * @param remainingMillis what {@link #getRemainingTimeInMillis()} answers
   */
  public TestLambdaContext(String requestId, int remainingMillis) {
    this.requestId = requestId;
    this.remainingMillis = remainingMillis;
  }

  /**
   * Creates the context of {@link Lambda#REQUEST_ID} with 30 seconds left.
   *
   * @return the context
   */
  public static TestLambdaContext standard() {
    return new TestLambdaContext(Lambda.REQUEST_ID, 30_000);
  }

  /**
   * Returns the lines logged through {@link #getLogger()}.
   *
   * @return the lines
   */
  public List<String> logged() {
    return List.copyOf(logged);
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + Lambda.FUNCTION_NAME;
  }

  @Override
  public String getLogStreamName() {
    return "2025/06/12/[7]3f0c9a4e1b2d4c6e8a0b1c2d3e4f5a6b";
  }

  @Override
  public String getFunctionName() {
    return Lambda.FUNCTION_NAME;
  }

  @Override
  public String getFunctionVersion() {
    return Lambda.FUNCTION_VERSION;
  }

  @Override
  public String getInvokedFunctionArn() {
    return Lambda.FUNCTION_ARN;
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
    return remainingMillis;
  }

  @Override
  public int getMemoryLimitInMB() {
    return 512;
  }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        logged.add(message);
      }

      @Override
      public void log(byte[] message) {
        logged.add(new String(message, StandardCharsets.UTF_8));
      }
    };
  }

  @Override
  public String getXrayTraceId() {
    return Lambda.TRACE_ID;
  }
}
