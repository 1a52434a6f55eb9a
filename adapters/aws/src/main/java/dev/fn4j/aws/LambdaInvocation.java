package dev.fn4j.aws;

import com.amazonaws.services.lambda.runtime.Context;
import dev.fn4j.function.InvocationContext;
import dev.fn4j.function.TraceContext;
import java.time.Instant;
import java.util.Objects;

/**
 * What Lambda tells about one invocation, from its {@link Context} (managed runtime) or from the
 * Runtime API's headers (custom runtime).
 *
 * @param requestId the AWS request id
 * @param functionArn the invoked function's ARN (with qualifier when invoked with one)
 * @param functionName the Lambda function's name
 * @param functionVersion the version being run
 * @param deadline when Lambda stops the invocation
 * @param traceId the X-Ray trace header, or null
 * @param context the Lambda {@link Context}, reachable by functions that ask for it
 */
public record LambdaInvocation(
    String requestId,
    String functionArn,
    String functionName,
    String functionVersion,
    Instant deadline,
    String traceId,
    Context context) {

  /** The platform id in every context. */
  public static final String PLATFORM = "aws-lambda";

  public LambdaInvocation {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(deadline, "deadline");
  }

  /**
   * Reads an invocation from the managed runtime's context.
   *
   * @param context the Lambda context
   * @return the invocation
   */
  public static LambdaInvocation of(Context context) {
    return new LambdaInvocation(
        context.getAwsRequestId(),
        context.getInvokedFunctionArn(),
        context.getFunctionName(),
        context.getFunctionVersion(),
        Instant.now().plusMillis(Math.max(0, context.getRemainingTimeInMillis())),
        traceHeader(),
        context);
  }

  /** The X-Ray header of the current invocation, as the Java runtimes publish it. */
  static String traceHeader() {
    String property = System.getProperty("com.amazonaws.xray.traceHeader");
    return property != null ? property : System.getenv("_X_AMZN_TRACE_ID");
  }

  /**
   * Starts the neutral context of this invocation.
   *
   * @param eventKind the event kind's id
   * @return a builder with request id, platform, deadline, trace and function attributes set
   */
  public InvocationContext.Builder contextBuilder(String eventKind) {
    InvocationContext.Builder builder =
        InvocationContext.builder()
            .requestId(requestId)
            .platform(PLATFORM)
            .deadline(deadline)
            .trace(TraceContext.of(null, null, traceId))
            .attribute("aws.event.kind", eventKind);
    if (functionArn != null) {
      builder.attribute("aws.function.arn", functionArn);
    }
    if (functionName != null) {
      builder.attribute("aws.function.name", functionName);
    }
    if (functionVersion != null) {
      builder.attribute("aws.function.version", functionVersion);
    }
    if (context != null) {
      builder.raw(context);
    }
    return builder;
  }
}
