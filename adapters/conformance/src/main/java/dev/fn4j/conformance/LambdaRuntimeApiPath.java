package dev.fn4j.conformance;

import dev.fn4j.aws.runtime.LambdaRuntimePlatform;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.testkit.LambdaEvent;
import dev.fn4j.testkit.LambdaInvocation;
import dev.fn4j.testkit.LambdaInvocationResult;
import dev.fn4j.testkit.LambdaRuntimeApiFake;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * {@value #NAME}: the aws adapter's Lambda Runtime API loop ({@link LambdaRuntimePlatform#run},
 * what a custom runtime or container image runs) on a thread of this process, polling the testkit's
 * {@link LambdaRuntimeApiFake}; each call is queued as the same API Gateway HTTP API event as
 * {@code aws-lambda-handler} sends, and the posted response is read as API Gateway reads it. An
 * error posted instead fails the call with a {@link PathFailure}.
 *
 * <p>Stopping: closing the fake answers the loop's waiting poll with 410, the loop's next {@code
 * GET /invocation/next} fails, and {@code run} returns with that failure; the thread is then
 * joined. Events carry no X-Ray trace header, so the loop never sets the {@code
 * com.amazonaws.xray.traceHeader} system property of this process.
 */
final class LambdaRuntimeApiPath extends StartedPath<LambdaRuntimeApiPath.Loop> {

  static final String NAME = "aws-runtime-api";

  private static final Duration SLICE = Duration.ofMillis(200);
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  LambdaRuntimeApiPath(Supplier<FunctionRuntime> runtime) {
    super(NAME, runtime);
  }

  @Override
  Loop start(FunctionRuntime shared) {
    LambdaRuntimeApiFake fake = LambdaRuntimeApiFake.start();
    Map<String, String> environment = new HashMap<>(fake.environment());
    FunctionRuntime runtime = ServerRuntimes.derive(shared, environment);
    AtomicReference<Throwable> ended = new AtomicReference<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                new LambdaRuntimePlatform().run(runtime);
              } catch (Exception | Error e) {
                ended.set(e);
              }
            },
            "fn4j-conformance-lambda-runtime-api");
    thread.setDaemon(true);
    thread.start();
    return new Loop(fake, thread, ended);
  }

  @Override
  Outcome call(Loop loop, Call call) {
    LambdaInvocation invocation =
        loop.fake.invoke(LambdaEvent.of(ApiGatewayV2.request(call)).withTraceId(null));
    long deadline = System.nanoTime() + LoopbackHttp.TIMEOUT.toNanos();
    LambdaInvocationResult result = null;
    while (result == null) {
      try {
        result = loop.fake.await(invocation, SLICE);
      } catch (AssertionError notYet) {
        if (!loop.thread.isAlive() || System.nanoTime() - deadline >= 0) {
          throw new PathFailure(
              NAME,
              "no answer to "
                  + call
                  + (loop.thread.isAlive() ? "" : "; the loop ended: " + loop.ended.get()),
              notYet);
        }
      }
    }
    if (result.isError()) {
      throw new PathFailure(
          NAME,
          "the loop posted an error for "
              + call
              + ": "
              + result.error().map(Object::toString).orElse(result.text()),
          null);
    }
    return ApiGatewayV2.response(NAME, result.bytes());
  }

  /** The fake and the loop's thread. */
  static final class Loop implements AutoCloseable {
    private final LambdaRuntimeApiFake fake;
    private final Thread thread;
    private final AtomicReference<Throwable> ended;

    Loop(LambdaRuntimeApiFake fake, Thread thread, AtomicReference<Throwable> ended) {
      this.fake = fake;
      this.thread = thread;
      this.ended = ended;
    }

    /**
     * Closes the fake, which ends the loop, and waits for its thread.
     *
     * @throws IllegalStateException when the loop is still running after the wait
     */
    @Override
    public void close() {
      fake.close();
      try {
        thread.join(STOP_WAIT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (thread.isAlive()) {
        throw new IllegalStateException(
            "the Runtime API loop did not stop within " + STOP_WAIT + " after the fake closed");
      }
    }
  }
}
