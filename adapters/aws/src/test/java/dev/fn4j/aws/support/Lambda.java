package dev.fn4j.aws.support;

import com.amazonaws.services.lambda.runtime.Context;
import dev.fn4j.aws.LambdaAdapter;
import dev.fn4j.aws.LambdaInvocation;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.FunctionCatalog;
import dev.fn4j.core.platform.Environment;
import dev.fn4j.function.FunctionRegistrar;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Builds adapters and invocations the way Lambda would drive them, with fixed identities. */
public final class Lambda {

  /** The AWS request id of every test invocation. */
  public static final String REQUEST_ID = "8f5ae9d2-3c1b-4e7a-9d60-2b7c4a1e5f93";

  /** The Lambda function's name. */
  public static final String FUNCTION_NAME = "fn4j-sample";

  /** The invoked ARN, with the alias it was invoked through. */
  public static final String FUNCTION_ARN =
      "arn:aws:lambda:eu-west-1:123456789012:function:fn4j-sample:live";

  /** The version the alias points to. */
  public static final String FUNCTION_VERSION = "7";

  /** The X-Ray trace header Lambda publishes for the invocation. */
  public static final String TRACE_ID =
      "Root=1-684a9ab0-0a1b2c3d4e5f60718293a4b5;Parent=53995c3f42cd8ad8;Sampled=1";

  private Lambda() {}

  /**
   * Builds an adapter over the registered functions, with nothing configured.
   *
   * @param registrar registers the functions
   * @return the adapter
   */
  public static LambdaAdapter adapter(FunctionRegistrar registrar) {
    return adapter(registrar, Map.of());
  }

  /**
   * Builds an adapter over the registered functions and settings.
   *
   * @param registrar registers the functions
   * @param environment settings such as {@code FN4J_FUNCTION}
   * @return the adapter
   */
  public static LambdaAdapter adapter(
      FunctionRegistrar registrar, Map<String, String> environment) {
    return new LambdaAdapter(
        FunctionRuntime.of(Environment.of(environment), FunctionCatalog.of(registrar)));
  }

  /**
   * Returns an invocation with 30 seconds left and without a Lambda {@link Context}.
   *
   * @return the invocation
   */
  public static LambdaInvocation invocation() {
    return invocation(Instant.now().plus(Duration.ofSeconds(30)), null);
  }

  /**
   * Returns an invocation with a deadline and a Lambda {@link Context}.
   *
   * @param deadline when the invocation times out
   * @param context the Lambda context, or null
   * @return the invocation
   */
  public static LambdaInvocation invocation(Instant deadline, Context context) {
    return new LambdaInvocation(
        REQUEST_ID, FUNCTION_ARN, FUNCTION_NAME, FUNCTION_VERSION, deadline, TRACE_ID, context);
  }

  /**
   * Handles an event as one invocation.
   *
   * @param adapter the adapter
   * @param event the payload
   * @return the response payload
   */
  public static byte[] handle(LambdaAdapter adapter, byte[] event) {
    return adapter.handle(event, invocation());
  }
}
