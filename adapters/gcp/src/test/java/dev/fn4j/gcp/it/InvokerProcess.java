package dev.fn4j.gcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.testkit.JvmProcess;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Google's Java function invoker ({@code java-function-invoker}, the GCF and Cloud Run functions
 * runtime) in its own JVM, started the way Google starts it: the invoker's uber-jar alone on the
 * JVM's class path, and the function found through the environment, {@code FUNCTION_TARGET} (the
 * entry class), {@code PORT} and {@code FUNCTION_CLASSPATH} (this module's classes, the test
 * classes with the {@link InvokerFunctions} registrar, and fn4j's runtime jars). {@code K_SERVICE},
 * {@code K_REVISION} and {@code GOOGLE_CLOUD_PROJECT} are set as on the platform, so the invoker
 * logs one JSON record per line, as in Cloud Logging.
 *
 * <p>The invoker's jar is never on the test class path: its unrelocated Jetty, Jackson and
 * CloudEvents would clash with the tests'. Maven copies it to {@code target/invoker} and passes its
 * path as the system property {@value #INVOKER_PROPERTY}.
 */
final class InvokerProcess implements AutoCloseable {

  /** The system property naming the invoker's jar. */
  static final String INVOKER_PROPERTY = "fn4j.gcp.invoker";

  /** The invoker's main class, the jar's {@code Main-Class}. */
  static final String INVOKER_MAIN = "com.google.cloud.functions.invoker.runner.Invoker";

  /** The HTTP entry class. */
  static final String HTTP_TARGET = "dev.fn4j.gcp.GcfHttpFunction";

  /** The CloudEvents entry class, as users deploy it. */
  static final String EVENT_ENTRY = "dev.fn4j.gcp.GcfEventFunction";

  /** The entry class the event tests deploy: the real one. */
  static final String EVENT_TARGET = EVENT_ENTRY;

  /** The bound of start-up and of each request. */
  static final Duration WAIT = Duration.ofSeconds(30);

  /** The platform's environment, as the Cloud Run functions runtime sets it. */
  static final Map<String, String> PLATFORM =
      Map.of(
          "K_SERVICE", "fn4j-it",
          "K_REVISION", "fn4j-it-00001",
          "GOOGLE_CLOUD_PROJECT", "fn4j-test-project");

  /**
   * Test class path entries the function must not see: Google's API and the CloudEvents SDK come
   * from the invoker (as on the platform, where the function's jar does not bundle them), the test
   * libraries are not part of a deployed function.
   */
  private static final Pattern NOT_FOR_THE_FUNCTION =
      Pattern.compile(
          "(functions-framework-api|java-function-invoker|cloudevents-|junit-|opentest4j|apiguardian"
              + "|assertj-|byte-buddy|fn4j-testkit).*\\.jar");

  /** Options that shorten the child's start on small machines without changing what it does. */
  private static final String[] QUICK_START = {
    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m"
  };

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final JvmProcess process;
  private final int port;
  private final SeenEvents seen;

  private InvokerProcess(JvmProcess process, int port, SeenEvents seen) {
    this.process = process;
    this.port = port;
    this.seen = seen;
  }

  /**
   * Starts the invoker and waits until it accepts connections.
   *
   * @param target the entry class, {@code FUNCTION_TARGET}
   * @param settings more environment variables, such as {@code FN4J_FUNCTION}; they win over {@link
   *     #PLATFORM}
   * @return the running invoker; close it when done
   */
  static InvokerProcess start(String target, Map<String, String> settings) {
    int port = freePort();
    SeenEvents seen = SeenEvents.create();
    Map<String, String> environment = new HashMap<>(PLATFORM);
    environment.put("FUNCTION_TARGET", target);
    environment.put("PORT", Integer.toString(port));
    environment.put("FUNCTION_CLASSPATH", functionClassPath());
    environment.put(InvokerFunctions.SEEN_FILE, seen.file().toString());
    environment.putAll(settings);
    JvmProcess process =
        JvmProcess.command(INVOKER_MAIN)
            .withClassPath(invokerJar().toString())
            .withJvmOptions(QUICK_START)
            .withEnvironment(environment)
            .start();
    InvokerProcess invoker = new InvokerProcess(process, port, seen);
    try {
      invoker.awaitListening();
    } catch (RuntimeException | Error e) {
      invoker.close();
      throw e;
    }
    return invoker;
  }

  /**
   * Returns the invoker's jar, copied by Maven.
   *
   * @return the jar
   */
  static Path invokerJar() {
    String configured = System.getProperty(INVOKER_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      Path jar = Path.of(configured);
      assertThat(jar)
          .as("%s names the invoker's jar; run the tests with Maven", INVOKER_PROPERTY)
          .isRegularFile();
      return jar;
    }
    Path folder = Path.of("target", "invoker");
    try (DirectoryStream<Path> jars =
        Files.newDirectoryStream(folder, "java-function-invoker-*.jar")) {
      for (Path jar : jars) {
        return jar;
      }
    } catch (IOException e) {
      // reported below
    }
    throw new AssertionError(
        "Google's invoker jar is not in "
            + folder.toAbsolutePath()
            + ": run `mvn process-test-classes` first, or set -D"
            + INVOKER_PROPERTY);
  }

  /**
   * Returns the class path the invoker loads the function from: the test class path without
   * Google's API, the CloudEvents SDK and the test libraries.
   *
   * @return the entries, separated by {@link File#pathSeparator}
   */
  static String functionClassPath() {
    List<String> entries = new ArrayList<>();
    for (String entry : JvmProcess.currentClassPath().split(File.pathSeparator)) {
      if (entry.isBlank()
          || NOT_FOR_THE_FUNCTION
              .matcher(Path.of(entry).getFileName().toString().toLowerCase(Locale.ROOT))
              .matches()) {
        continue;
      }
      entries.add(entry);
    }
    return String.join(File.pathSeparator, entries);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitListening() {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        if (!process.isAlive()) {
          throw new AssertionError("The invoker exited before it listened: " + process);
        }
        if (System.nanoTime() - deadline >= 0) {
          throw new AssertionError("The invoker did not listen within " + WAIT + ": " + process);
        }
        pause(50);
      }
    }
  }

  /**
   * Returns a request to the invoker.
   *
   * @param path the path and query, for example {@code /uppercase}
   * @return the request builder, with the time-out set
   */
  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(WAIT);
  }

  /**
   * Sends a request and reads the whole answer.
   *
   * @param request the request
   * @return the answer, its body as bytes
   */
  HttpResponse<byte[]> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new AssertionError("No answer to " + request + ": " + e + "\n" + process, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static HttpClient client() {
    return CLIENT;
  }

  /**
   * Returns the event functions' reports.
   *
   * @return the reports
   */
  SeenEvents seen() {
    return seen;
  }

  /**
   * Returns everything the invoker wrote so far, standard output then standard error.
   *
   * @return the log
   */
  String log() {
    return process.stdout() + process.stderr();
  }

  /**
   * Marks where the log ends now, so that a test can read what one request made the invoker log.
   *
   * @return the mark
   */
  LogMark logMark() {
    return new LogMark(process.stdout().length(), process.stderr().length());
  }

  /**
   * Waits until what the invoker logged after a mark contains a text, as the invoker logs a failure
   * before it answers but its output is read on other threads; gives up after 5 s.
   *
   * @param mark where the log ended before the request
   * @param text the text to wait for
   * @return what was logged after the mark, standard output then standard error
   */
  String logAfter(LogMark mark, String text) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (true) {
      String after = mark.after(process.stdout(), process.stderr());
      if (after.contains(text) || System.nanoTime() - deadline >= 0) {
        return after;
      }
      pause(20);
    }
  }

  /**
   * Where the invoker's output ended at some moment.
   *
   * @param stdout the length of the standard output
   * @param stderr the length of the standard error
   */
  record LogMark(int stdout, int stderr) {
    String after(String out, String err) {
      return out.substring(Math.min(stdout, out.length()))
          + err.substring(Math.min(stderr, err.length()));
    }
  }

  JvmProcess process() {
    return process;
  }

  /** Stops the invoker (SIGTERM, then SIGKILL after a grace period) and deletes the reports. */
  @Override
  public void close() {
    try {
      process.close();
    } finally {
      seen.delete();
    }
  }

  @Override
  public String toString() {
    return process.toString();
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
