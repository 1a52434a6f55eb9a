package dev.fn4j.aws.it;

import dev.fn4j.testkit.JvmProcess;
import dev.fn4j.testkit.LambdaEvent;
import dev.fn4j.testkit.LambdaInvocation;
import dev.fn4j.testkit.LambdaInvocationResult;
import dev.fn4j.testkit.LambdaRuntimeApiFake;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Lambda runtime in a child JVM and the in-process fake of the Runtime API it serves: one fake
 * per child, so that every count of the fake ({@code nextPolls()}, init errors) belongs to that
 * child.
 */
final class RuntimeUnderTest implements AutoCloseable {

  /** The bound of every wait: start-up, an answer, a poll, an exit. */
  static final Duration WAIT = Duration.ofSeconds(20);

  /** How often {@link #call} looks whether the child still runs. */
  private static final Duration SLICE = Duration.ofMillis(250);

  /**
   * JVM options that shorten the child's start on small machines without changing what it does: C1
   * only, the serial collector, a small heap.
   */
  private static final String[] QUICK_START = {
    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m", "-Xss1m"
  };

  private final LambdaRuntimeApiFake fake;
  private final JvmProcess process;

  private RuntimeUnderTest(LambdaRuntimeApiFake fake, JvmProcess process) {
    this.fake = fake;
    this.process = process;
  }

  /**
   * Starts a fake, then the child with the fake's environment plus the given settings.
   *
   * @param command the child's main class and arguments
   * @param jvmOptions options the runtime needs, besides those that only speed up its start
   * @param settings fn4j settings such as {@code FN4J_FUNCTION}
   * @return the running pair; close it when done
   */
  static RuntimeUnderTest start(
      JvmProcess.Command command, List<String> jvmOptions, Map<String, String> settings) {
    List<String> options = new ArrayList<>(List.of(QUICK_START));
    options.addAll(jvmOptions);
    LambdaRuntimeApiFake fake = LambdaRuntimeApiFake.start();
    try {
      JvmProcess process =
          command
              .withJvmOptions(options.toArray(String[]::new))
              .withEnvironment(fake.environment())
              .withEnvironment(settings)
              .start();
      return new RuntimeUnderTest(fake, process);
    } catch (RuntimeException | Error e) {
      fake.close();
      throw e;
    }
  }

  LambdaRuntimeApiFake fake() {
    return fake;
  }

  JvmProcess process() {
    return process;
  }

  /**
   * Queues an event and waits for the runtime's answer, at most {@link #WAIT}; gives up as soon as
   * the child has exited, so that a crashed runtime fails each test at once.
   */
  LambdaInvocationResult call(LambdaEvent event) {
    LambdaInvocation invocation = fake.invoke(event);
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      try {
        return fake.await(invocation, SLICE);
      } catch (AssertionError e) {
        if (!process.isAlive() || !fake.isRunning() || System.nanoTime() - deadline >= 0) {
          throw new AssertionError(e.getMessage() + System.lineSeparator() + this, e);
        }
      }
    }
  }

  LambdaInvocationResult call(byte[] event) {
    return call(LambdaEvent.of(event));
  }

  LambdaInvocationResult call(String event) {
    return call(LambdaEvent.of(event));
  }

  /** Stops the child first, so that it never sees the fake go away, then the fake. */
  @Override
  public void close() {
    try {
      process.close();
    } finally {
      fake.close();
    }
  }

  @Override
  public String toString() {
    return process + System.lineSeparator() + "unexpected requests: " + fake.unexpectedRequests();
  }
}
