package dev.fn4j.aws.runtime;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The Lambda {@link Context} of an invocation served by fn4j's own Runtime API loop, so that
 * functions asking for a {@code Context} get one in the custom runtime as in the managed runtime.
 */
record RuntimeApiContext(
    String awsRequestId,
    String invokedFunctionArn,
    Instant deadline,
    String functionName,
    String functionVersion,
    String logGroupName,
    String logStreamName,
    int memoryLimitInMb,
    CognitoIdentity identity,
    ClientContext clientContext)
    implements Context {

  @Override
  public String getAwsRequestId() {
    return awsRequestId;
  }

  @Override
  public String getLogGroupName() {
    return logGroupName;
  }

  @Override
  public String getLogStreamName() {
    return logStreamName;
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return functionVersion;
  }

  @Override
  public String getInvokedFunctionArn() {
    return invokedFunctionArn;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return identity;
  }

  @Override
  public ClientContext getClientContext() {
    return clientContext;
  }

  @Override
  public int getRemainingTimeInMillis() {
    long left = deadline.toEpochMilli() - System.currentTimeMillis();
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, left));
  }

  @Override
  public int getMemoryLimitInMB() {
    return memoryLimitInMb;
  }

  @Override
  public LambdaLogger getLogger() {
    return StandardErrorLogger.INSTANCE;
  }

  /** Writes to standard error, which Lambda sends to CloudWatch Logs. */
  private enum StandardErrorLogger implements LambdaLogger {
    INSTANCE;

    @Override
    public void log(String message) {
      System.err.println(message);
    }

    @Override
    public void log(byte[] message) {
      System.err.println(new String(message, StandardCharsets.UTF_8));
    }
  }
}
