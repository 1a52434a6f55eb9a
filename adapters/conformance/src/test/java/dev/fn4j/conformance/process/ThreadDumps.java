package dev.fn4j.conformance.process;

import dev.fn4j.testkit.JvmProcess;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Looks into a child JVM from outside, with the JDK's {@code jcmd <pid> Thread.print}: how many of
 * its threads are inside a method right now. The shutdown test uses it to know that its requests
 * are really in flight (inside the function) before it sends SIGTERM, where the child itself logs
 * nothing per request.
 */
final class ThreadDumps {

  private static final Duration JCMD_LIMIT = Duration.ofSeconds(10);

  private final Path jcmd;

  private ThreadDumps(Path jcmd) {
    this.jcmd = jcmd;
  }

  /**
   * Returns the thread dumper of this JDK.
   *
   * @return it, or empty when this Java has no {@code jcmd} (a JRE)
   */
  static Optional<ThreadDumps> ofThisJdk() {
    Path jcmd =
        Path.of(
            System.getProperty("java.home"),
            "bin",
            File.separatorChar == '\\' ? "jcmd.exe" : "jcmd");
    return Files.isExecutable(jcmd) ? Optional.of(new ThreadDumps(jcmd)) : Optional.empty();
  }

  /**
   * Counts the child's threads that have a frame of a method on their stack.
   *
   * @param child the child JVM
   * @param frame the frame's start as a thread dump prints it, {@code <class>.<method>(}
   * @return the number of threads
   * @throws IllegalStateException when jcmd fails or takes longer than 10 s
   */
  int threadsIn(JvmProcess child, String frame) {
    Path output = null;
    try {
      output = Files.createTempFile("fn4j-thread-dump", ".txt");
      Process process =
          new ProcessBuilder(jcmd.toString(), Long.toString(child.pid()), "Thread.print")
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(JCMD_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("jcmd Thread.print took longer than " + JCMD_LIMIT);
      }
      String dump = Files.readString(output, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IllegalStateException("jcmd Thread.print failed: " + dump);
      }
      return threadsIn(dump, frame);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run " + jcmd + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + jcmd, e);
    } finally {
      if (output != null) {
        output.toFile().delete();
      }
    }
  }

  /** A thread is a block of lines that starts with its quoted name; a frame may repeat in it. */
  static int threadsIn(String dump, String frame) {
    int threads = 0;
    for (String thread : dump.split("\\R\\R")) {
      if (thread.contains("\tat " + frame)) {
        threads++;
      }
    }
    return threads;
  }
}
