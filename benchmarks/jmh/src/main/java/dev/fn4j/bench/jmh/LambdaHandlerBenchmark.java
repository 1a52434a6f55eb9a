package dev.fn4j.bench.jmh;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One warm Lambda invocation, in-process, the way the managed Java runtime makes it: the handler
 * class is instantiated once through its no-argument constructor, then every invocation hands it a
 * fresh input stream over the event's bytes, an output stream and the context.
 *
 * <p>The handler is named by class, so this module depends on no variant; the variant's jar goes on
 * the classpath when the benchmark runs, and the variant's environment variable (FN4J_FUNCTION,
 * SPRING_CLOUD_FUNCTION_DEFINITION, QUARKUS_LAMBDA_HANDLER) is set for the JMH process, whose forks
 * inherit it. See benchmarks/jmh.sh.
 *
 * <p>What one operation costs beyond the handler's own work is the same for every variant: one
 * {@link ByteArrayInputStream} over the shared event bytes and the reset of a reused output buffer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LambdaHandlerBenchmark {

  /** The handler's class name: a {@link RequestStreamHandler} with a no-argument constructor. */
  @Param("dev.fn4j.bench.handwritten.NoOpHandler")
  public String handler;

  /** The event file, as a path absolute or relative to the working directory. */
  @Param("benchmarks/events/direct.json")
  public String event;

  /**
   * Text the first response must contain, or empty for no check: a variant that answers an error
   * quickly must fail the trial, not win it.
   */
  @Param("")
  public String expect;

  private RequestStreamHandler target;
  private byte[] eventBytes;
  private final ByteArrayOutputStream output = new ByteArrayOutputStream(8192);
  private final BenchContext context = new BenchContext();

  /**
   * Loads the handler and the event, and makes one checked invocation.
   *
   * @throws Exception when the handler cannot be made or its first answer is not the expected one
   */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    eventBytes = Files.readAllBytes(Path.of(event));
    target = instantiate(handler);
    output.reset();
    target.handleRequest(new ByteArrayInputStream(eventBytes), output, context);
    byte[] first = output.toByteArray();
    System.out.println(
        "[bench] "
            + handler
            + " answered "
            + first.length
            + " bytes to "
            + event
            + ": "
            + BenchContext.utf8(first, 600));
    if (!expect.isEmpty() && !BenchContext.utf8(first, Integer.MAX_VALUE).contains(expect)) {
      throw new IllegalStateException(
          handler
              + " did not answer with \""
              + expect
              + "\" to "
              + event
              + "; see its answer above");
    }
  }

  /** Reports whether the handler logged while it was measured. */
  @TearDown(Level.Trial)
  public void tearDown() {
    if (context.loggedBytes() > 0) {
      System.out.println(
          "[bench] " + handler + " logged " + context.loggedBytes() + " characters in the trial");
    }
  }

  /**
   * One invocation.
   *
   * @return the output stream, for JMH to consume
   * @throws IOException when the handler fails
   */
  @Benchmark
  public ByteArrayOutputStream invoke() throws IOException {
    output.reset();
    target.handleRequest(new ByteArrayInputStream(eventBytes), output, context);
    return output;
  }

  static RequestStreamHandler instantiate(String className) {
    Class<?> type;
    try {
      type = Class.forName(className);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          className + " is not on the classpath: put the variant's jar after benchmarks.jar", e);
    }
    if (!RequestStreamHandler.class.isAssignableFrom(type)) {
      throw new IllegalStateException(
          className
              + " is not a "
              + RequestStreamHandler.class.getName()
              + " as loaded here: is aws-lambda-java-core on the classpath twice, in two loaders?");
    }
    try {
      return (RequestStreamHandler) type.getDeclaredConstructor().newInstance();
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(className + " failed to start", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(className + " has no public no-argument constructor", e);
    }
  }
}
