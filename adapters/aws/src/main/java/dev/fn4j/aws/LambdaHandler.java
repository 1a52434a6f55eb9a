package dev.fn4j.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.fn4j.core.FunctionRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The AWS Lambda entry point: handler string {@code dev.fn4j.aws.LambdaHandler}. The application's
 * functions are loaded once per execution environment, in Lambda's init phase; each invocation is
 * classified (HTTP, batch, EventBridge, direct) and dispatched through the fn4j core.
 *
 * <p>Failures Lambda must see end as a function error whose {@code errorType} names the phase (see
 * {@link LambdaFailure}), without a stack trace. A start-up failure is reported on every invocation
 * with its one-line reason.
 */
public final class LambdaHandler implements RequestStreamHandler {

  /** Built once per process: Lambda creates the handler once, but tests may create several. */
  private static final class Shared {
    private static final Object ADAPTER = create();

    private static Object create() {
      try {
        FunctionRuntime runtime = FunctionRuntime.shared();
        SnapStartHooks.register(runtime.lifecycle());
        return new LambdaAdapter(runtime);
      } catch (RuntimeException e) {
        return e;
      }
    }
  }

  private final LambdaAdapter adapter;
  private final RuntimeException startupFailure;

  /** Creates the handler, as Lambda does, and loads the application's functions once. */
  public LambdaHandler() {
    Object shared = Shared.ADAPTER;
    this.adapter = shared instanceof LambdaAdapter ready ? ready : null;
    this.startupFailure = shared instanceof RuntimeException failure ? failure : null;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    if (adapter == null) {
      throw LambdaFailure.startup(startupFailure.getMessage());
    }
    byte[] response = adapter.handle(input.readAllBytes(), LambdaInvocation.of(context));
    output.write(response);
  }
}
