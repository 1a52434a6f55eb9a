package dev.fn4j.aws.runtime;

import dev.fn4j.aws.LambdaAdapter;
import dev.fn4j.aws.LambdaFailure;
import dev.fn4j.aws.LambdaInvocation;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.platform.Environment;
import dev.fn4j.core.platform.Platform;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Instant;

/**
 * The Lambda Runtime API loop: what runs when the function jar is launched ({@code java -jar}, a
 * custom runtime's {@code bootstrap}, a container image) with {@code AWS_LAMBDA_RUNTIME_API} set.
 * It fetches each invocation, dispatches it exactly as {@code LambdaHandler} does, and posts the
 * response or the error. A bad event never stops the loop.
 */
public final class LambdaRuntimePlatform implements Platform {

  static final String RUNTIME_API = "AWS_LAMBDA_RUNTIME_API";
  private static final System.Logger LOG = dev.fn4j.core.logging.LazyLogger.of("dev.fn4j.aws");

  @Override
  public String id() {
    return LambdaInvocation.PLATFORM;
  }

  @Override
  public int priority() {
    return 100;
  }

  @Override
  public boolean detect(Environment environment) {
    return environment.value(RUNTIME_API).isPresent();
  }

  @Override
  public void startupFailed(Environment environment, String reason) {
    try {
      new RuntimeApiClient(environment.value(RUNTIME_API).orElseThrow())
          .failInit("dev.fn4j.aws.LambdaFailure$Startup", reason);
    } catch (IOException e) {
      LOG.log(Level.ERROR, "Reporting the init error to the Runtime API failed: " + e);
    }
  }

  @Override
  public void run(FunctionRuntime runtime) throws IOException {
    Environment environment = runtime.environment();
    RuntimeApiClient client = new RuntimeApiClient(environment.value(RUNTIME_API).orElseThrow());
    LambdaAdapter adapter = new LambdaAdapter(runtime);
    Loop loop = new Loop(client, adapter, environment);
    while (!Thread.currentThread().isInterrupted()) {
      loop.serveNext();
    }
  }

  /** Serves one invocation at a time; separate for tests that drive a bounded number. */
  static final class Loop {
    private final RuntimeApiClient client;
    private final LambdaAdapter adapter;
    private final Environment environment;

    Loop(RuntimeApiClient client, LambdaAdapter adapter, Environment environment) {
      this.client = client;
      this.adapter = adapter;
      this.environment = environment;
    }

    void serveNext() throws IOException {
      RuntimeApiClient.Next next = client.next();
      LambdaInvocation invocation;
      try {
        invocation = invocation(next);
      } catch (RuntimeException e) {
        LOG.log(
            Level.ERROR, "Skipped an invocation the Runtime API sent malformed: " + e.getMessage());
        return;
      }
      if (invocation.traceId() != null) {
        // Where the X-Ray SDK looks for the current trace, as in Lambda's managed runtimes.
        System.setProperty("com.amazonaws.xray.traceHeader", invocation.traceId());
      }
      byte[] response;
      try {
        response = adapter.handle(next.event(), invocation);
      } catch (LambdaFailure failure) {
        client.fail(invocation.requestId(), failure.errorType(), failure.getMessage());
        return;
      } catch (RuntimeException | LinkageError | StackOverflowError unexpected) {
        LOG.log(
            Level.ERROR,
            "[" + invocation.requestId() + "] unexpected " + unexpected.getClass().getName());
        client.fail(
            invocation.requestId(),
            unexpected.getClass().getName(),
            "fn4j failed unexpectedly: " + unexpected.getClass().getName());
        return;
      }
      client.respond(invocation.requestId(), response);
    }

    /** The deadline header, or Lambda's longest timeout when it is absent or malformed. */
    private static Instant deadline(String header) {
      if (header != null) {
        try {
          return Instant.ofEpochMilli(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
          LOG.log(Level.WARNING, "Ignored a malformed Lambda-Runtime-Deadline-Ms header");
        }
      }
      return Instant.now().plusSeconds(900);
    }

    private LambdaInvocation invocation(RuntimeApiClient.Next next) {
      String requestId = next.header("Lambda-Runtime-Aws-Request-Id");
      if (requestId == null) {
        throw new IllegalStateException("the Runtime API sent an invocation without a request id");
      }
      String deadlineMs = next.header("Lambda-Runtime-Deadline-Ms");
      Instant deadline = deadline(deadlineMs);
      String arn = next.header("Lambda-Runtime-Invoked-Function-Arn");
      String name = environment.value("AWS_LAMBDA_FUNCTION_NAME").orElse(null);
      String version = environment.value("AWS_LAMBDA_FUNCTION_VERSION").orElse(null);
      RuntimeApiContext context =
          new RuntimeApiContext(
              requestId,
              arn,
              deadline,
              name,
              version,
              environment.value("AWS_LAMBDA_LOG_GROUP_NAME").orElse(null),
              environment.value("AWS_LAMBDA_LOG_STREAM_NAME").orElse(null),
              environment.intValue("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", 0),
              InvocationHeaders.cognitoIdentity(next.header("Lambda-Runtime-Cognito-Identity")),
              InvocationHeaders.clientContext(next.header("Lambda-Runtime-Client-Context")));
      return new LambdaInvocation(
          requestId, arn, name, version, deadline, next.header("Lambda-Runtime-Trace-Id"), context);
    }
  }
}
