package dev.fn4j.alibaba.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.alibaba.FcPlatform;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.FunctionCatalog;
import dev.fn4j.core.http.EmbeddedHttpServer;
import dev.fn4j.core.platform.Environment;
import dev.fn4j.function.FunctionRegistrar;
import dev.fn4j.testkit.FcHostFake;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * FC's custom runtime as {@link FcPlatform#start} serves it, on a free loopback port, with an
 * {@link FcHostFake} in front of it. The runtime prints FC's log lines to the {@code System.out} it
 * finds when it starts; that stream is swapped for a tee while the server starts, so the lines of
 * this server are both printed and kept ({@link #log()}) without changing {@code System.out} for
 * anyone else.
 */
public final class FcTestServer implements AutoCloseable {

  private static final Object START = new Object();

  private final EmbeddedHttpServer server;
  private final FcHostFake fc;
  private final ByteArrayOutputStream log;

  private FcTestServer(EmbeddedHttpServer server, ByteArrayOutputStream log) {
    this.server = server;
    this.log = log;
    this.fc = FcHostFake.forServer(URI.create("http://127.0.0.1:" + server.port()));
  }

  /**
   * Starts the runtime on the variables FC sets (a free port, loopback) and more.
   *
   * @param functions the functions
   * @param environment more variables, for example {@code FN4J_ROUTING_TYPES}
   * @return the running server; close it
   */
  public static FcTestServer start(FunctionRegistrar functions, Map<String, String> environment) {
    Map<String, String> variables = new HashMap<>();
    variables.put("FC_FUNCTION_NAME", "fn4j-test");
    variables.put("FC_REGION", FcHostFake.DEFAULT_REGION);
    variables.put("FC_CUSTOM_LISTEN_PORT", "0");
    variables.put("FN4J_HTTP_HOST", "127.0.0.1");
    variables.putAll(environment);
    FunctionRuntime runtime =
        FunctionRuntime.of(Environment.of(variables), FunctionCatalog.of(functions));
    runtime.lifecycle().init();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    synchronized (START) {
      PrintStream original = System.out;
      System.setOut(new PrintStream(new Tee(original, log), true, StandardCharsets.UTF_8));
      try {
        return new FcTestServer(FcPlatform.start(runtime), log);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        System.setOut(original);
      }
    }
  }

  public static FcTestServer start(FunctionRegistrar functions) {
    return start(functions, Map.of());
  }

  /** The FC host in front of this server, with its default settings and fake credentials. */
  public FcHostFake fc() {
    return fc;
  }

  public int port() {
    return server.port();
  }

  /** Everything the runtime printed to standard output so far. */
  public String log() {
    synchronized (log) {
      return log.toString(StandardCharsets.UTF_8);
    }
  }

  /**
   * Waits until the runtime printed a line: an End line is printed after the answer was sent, so a
   * test that has its answer may be a little early for it.
   */
  public void awaitLogLine(String line) {
    long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!hasLine(line) && System.nanoTime() < end) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    assertThat(log().lines()).as("the runtime's standard output").contains(line);
  }

  private boolean hasLine(String line) {
    return log().lines().anyMatch(line::equals);
  }

  @Override
  public void close() {
    server.close();
  }

  /** Writes to the original stream and keeps a copy. */
  private static final class Tee extends OutputStream {
    private final PrintStream original;
    private final ByteArrayOutputStream copy;

    Tee(PrintStream original, ByteArrayOutputStream copy) {
      this.original = original;
      this.copy = copy;
    }

    @Override
    public void write(int b) {
      synchronized (copy) {
        copy.write(b);
      }
      original.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      synchronized (copy) {
        copy.write(bytes, offset, length);
      }
      original.write(bytes, offset, length);
    }

    @Override
    public void flush() {
      original.flush();
    }
  }
}
