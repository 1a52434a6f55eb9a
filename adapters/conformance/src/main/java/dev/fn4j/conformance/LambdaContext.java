package dev.fn4j.conformance;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The {@link Context} Lambda's managed Java runtime hands the handler: one per invocation, with a
 * request id of its own and 30 seconds to run; the logger writes to standard output, as Lambda's
 * does (to CloudWatch). Public for the event paths ({@code dev.fn4j.conformance.event}).
 */
public final class LambdaContext implements Context {

  /** The Lambda function's name. */
  public static final String FUNCTION_NAME = "fn4j-conformance";

  /** The Lambda function's ARN. */
  public static final String FUNCTION_ARN =
      "arn:aws:lambda:us-east-1:123456789012:function:" + FUNCTION_NAME;

  private static final LambdaLogger LOGGER =
      new LambdaLogger() {
        @Override
        public void log(String message) {
          System.out.print(message);
        }

        @Override
        public void log(byte[] message) {
          System.out.print(new String(message, StandardCharsets.UTF_8));
        }
      };

  private final String requestId;
  private final Instant deadline;

  /**
   * Creates the context of one invocation.
   *
   * @param requestId the invocation's AWS request id
   */
  public LambdaContext(String requestId) {
    this.requestId = requestId;
    this.deadline = Instant.now().plusSeconds(30);
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + FUNCTION_NAME;
  }

  @Override
  public String getLogStreamName() {
    return "2025/01/01/[$LATEST]00000000000000000000000000000000";
  }

  @Override
  public String getFunctionName() {
    return FUNCTION_NAME;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return FUNCTION_ARN;
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
    return (int) Math.max(0, deadline.toEpochMilli() - System.currentTimeMillis());
  }

  @Override
  public int getMemoryLimitInMB() {
    return 512;
  }

  @Override
  public LambdaLogger getLogger() {
    return LOGGER;
  }
}
