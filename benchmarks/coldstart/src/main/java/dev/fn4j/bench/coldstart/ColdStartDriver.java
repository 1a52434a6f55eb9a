package dev.fn4j.bench.coldstart;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold start, the way the AWS Lambda Java runtime does it: loads the handler class with the
 * context class loader, creates it with its public no-argument constructor (Lambda's init phase),
 * reads the event file, invokes the handler once with a {@link Context}, prints the response to
 * standard output and exits at once.
 *
 * <p>Usage: {@code ColdStartDriver <handlerClass[::method]> <eventFile>}. The handler is a {@link
 * RequestStreamHandler} (hand-written handlers, {@code dev.fn4j.aws.LambdaHandler}, Spring Cloud
 * Function's {@code FunctionInvoker}, Quarkus's {@code QuarkusStreamHandler}); with {@code
 * ::method}, any public method taking {@code (InputStream, OutputStream, Context)}.
 *
 * <p>Standard error gets one line {@code coldstart init_ms=... invoke_ms=...}: the time spent in
 * the constructor and in the one invocation, measured in process. The process's own wall time is
 * measured from outside by {@code benchmarks/coldstart.sh}.
 */
public final class ColdStartDriver {

  private ColdStartDriver() {}

  /**
   * Runs one cold start.
   *
   * @param args the handler ({@code class} or {@code class::method}) and the event file
   */
  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: ColdStartDriver <handlerClass[::method]> <eventFile>");
      System.exit(2);
    }
    // Bytes go out exactly as the handler wrote them; System.out is not flushed by exit().
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    try {
      byte[] response = run(args[0], Path.of(args[1]));
      out.write(response);
      out.println();
      out.flush();
    } catch (Throwable e) {
      out.flush();
      Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
      System.err.println("coldstart failed: " + cause);
      cause.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  private static byte[] run(String handler, Path eventFile) throws Exception {
    int separator = handler.indexOf("::");
    String className = separator < 0 ? handler : handler.substring(0, separator);
    String methodName = separator < 0 ? null : handler.substring(separator + 2);

    long start = System.nanoTime();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    Class<?> type = Class.forName(className, true, loader);
    Object instance = type.getConstructor().newInstance();
    long initialized = System.nanoTime();

    byte[] event = Files.readAllBytes(eventFile);
    ByteArrayOutputStream output = new ByteArrayOutputStream(1024);
    Context context = new DriverContext();
    long invoked = System.nanoTime();
    try (InputStream input = new ByteArrayInputStream(event)) {
      if (instance instanceof RequestStreamHandler streamHandler
          && (methodName == null || methodName.equals("handleRequest"))) {
        streamHandler.handleRequest(input, output, context);
      } else if (methodName != null) {
        Method method =
            type.getMethod(methodName, InputStream.class, OutputStream.class, Context.class);
        method.invoke(instance, input, output, context);
      } else {
        throw new IllegalArgumentException(
            className
                + " is not a RequestStreamHandler: name a method taking"
                + " (InputStream, OutputStream, Context) with ::method");
      }
    }
    long answered = System.nanoTime();
    System.err.printf(
        "coldstart init_ms=%.1f invoke_ms=%.1f%n",
        (initialized - start) / 1e6, (answered - invoked) / 1e6);
    return output.toByteArray();
  }

  /** A Lambda context with fixed identifiers and a 30-second deadline. */
  private static final class DriverContext implements Context {

    private final long deadline = System.currentTimeMillis() + 30_000;

    @Override
    public String getAwsRequestId() {
      return "coldstart-00000000-0000-4000-8000-000000000001";
    }

    @Override
    public String getLogGroupName() {
      return "/aws/lambda/coldstart";
    }

    @Override
    public String getLogStreamName() {
      return "2025/01/01/[$LATEST]coldstart";
    }

    @Override
    public String getFunctionName() {
      return "coldstart";
    }

    @Override
    public String getFunctionVersion() {
      return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:eu-west-1:123456789012:function:coldstart";
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
      return (int) Math.max(0, deadline - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
      return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
      return StderrLogger.INSTANCE;
    }
  }

  /** Function logs go to standard error, so standard output carries the response alone. */
  private enum StderrLogger implements LambdaLogger {
    INSTANCE;

    @Override
    public void log(String message) {
      System.err.print(message);
    }

    @Override
    public void log(byte[] message) {
      System.err.write(message, 0, message.length);
    }
  }
}
