package dev.fn4j.testkit;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM started by a test, {@code java -cp <class path> <main class> <args>} or {@code java
 * -jar <jar> <args>}, with its standard output and error captured: for running a runtime the way a
 * platform runs it, for example the AWS Lambda runtime interface client against a {@link
 * LambdaRuntimeApiFake}.
 *
 * <pre>{@code
 * try (JvmProcess child = JvmProcess.command("com.example.Main").withArgs("a", "b").start()) {
 *   assertThat(child.awaitExit(Duration.ofSeconds(10))).isZero();
 *   assertThat(child.stdout()).contains("done");
 * }
 * }</pre>
 *
 * <p>The child's output is read as it comes, on two daemon threads, so it never blocks on a full
 * pipe; up to 8 MiB of each stream is kept. {@link #close()} stops the child. Thread-safe.
 */
public final class JvmProcess implements AutoCloseable {

  /** How long {@link #close()} waits after asking the child to stop before it kills it. */
  public static final Duration STOP_GRACE = Duration.ofSeconds(2);

  /** How much of each stream is kept; the rest is read and dropped. */
  private static final int CAPTURE_LIMIT = 8 * 1024 * 1024;

  private final Command command;
  private final Process process;
  private final Capture stdout;
  private final Capture stderr;

  private JvmProcess(Command command, Process process) {
    this.command = command;
    this.process = process;
    long pid = process.pid();
    this.stdout = new Capture(process.getInputStream(), "jvm-process-" + pid + "-stdout");
    this.stderr = new Capture(process.getErrorStream(), "jvm-process-" + pid + "-stderr");
  }

  /**
   * Describes a child JVM that runs a main class, with the defaults of {@link Command}.
   *
   * @param mainClass the fully qualified name, for example {@code
   *     com.amazonaws.services.lambda.runtime.api.client.AWSLambda}
   * @return the description; {@link Command#start()} runs it
   */
  public static Command command(String mainClass) {
    return Command.of(mainClass);
  }

  /**
   * Describes a child JVM that runs a jar as {@code java -jar <jar>} does: the main class is the
   * manifest's {@code Main-Class} and the class path the jar (with its manifest's {@code
   * Class-Path}); otherwise the defaults of {@link Command}. Such a command takes no {@link
   * Command#withClassPath(String)}.
   *
   * @param jar the jar, for example a packaged function jar; its absolute path is used, so a {@link
   *     Command#withDirectory(Path) working directory} does not change which jar runs
   * @return the description; {@link Command#start()} runs it
   */
  public static Command jar(Path jar) {
    return Command.ofJar(jar);
  }

  /**
   * Starts a child JVM with the defaults of {@link Command} and the given arguments and
   * environment.
   *
   * @param mainClass the fully qualified name of the main class
   * @param args the main class's arguments
   * @param environment the child's environment variables, all it sees
   * @return the running child; close it when done
   * @throws UncheckedIOException when the process cannot be started
   */
  public static JvmProcess start(
      String mainClass, List<String> args, Map<String, String> environment) {
    return command(mainClass).withArgs(args).withEnvironment(environment).start();
  }

  /**
   * Returns the class path of this JVM: the test class path under Surefire (its {@code
   * surefire.test.class.path}, which is complete even when Surefire starts the tests from a
   * manifest-only jar), otherwise {@code java.class.path}.
   *
   * @return the class path, entries separated by {@link File#pathSeparator}
   */
  public static String currentClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank()
        ? surefire
        : System.getProperty("java.class.path", "");
  }

  /**
   * Returns the {@code java} launcher of this JVM.
   *
   * @return {@code <java.home>/bin/java}, or the command that started this process when that is
   *     missing
   */
  public static String javaCommand() {
    Path java =
        Path.of(
            System.getProperty("java.home"),
            "bin",
            System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java");
    if (Files.isExecutable(java)) {
      return java.toString();
    }
    return ProcessHandle.current().info().command().orElse("java");
  }

  /**
   * Returns the process id.
   *
   * @return the pid
   */
  public long pid() {
    return process.pid();
  }

  /**
   * Returns what was started.
   *
   * @return the description
   */
  public Command description() {
    return command;
  }

  /**
   * Tells whether the child is still running.
   *
   * @return true until it exits or is stopped
   */
  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Returns the standard output so far.
   *
   * @return the text, decoded as UTF-8
   */
  public String stdout() {
    return stdout.text();
  }

  /**
   * Returns the standard error so far.
   *
   * @return the text, decoded as UTF-8
   */
  public String stderr() {
    return stderr.text();
  }

  /**
   * Returns the exit code, when the child has exited.
   *
   * @return the code, or empty while it runs
   */
  public Optional<Integer> exitCode() {
    return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
  }

  /**
   * Waits for the child to exit, and for its output to be read to the end.
   *
   * @param timeout how long to wait at most
   * @return the exit code
   * @throws AssertionError when it still runs after the timeout; the message holds its output
   * @throws IllegalStateException when the thread is interrupted
   */
  public int awaitExit(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    long end = System.nanoTime() + timeout.toNanos();
    try {
      if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new AssertionError(command + " did not exit within " + timeout + describe());
      }
      long left = Math.max(end - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(500));
      stdout.join(left);
      stderr.join(left);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for " + command, e);
    }
    return process.exitValue();
  }

  /**
   * Waits until the child has written a piece of text to its standard output or error, as a sign
   * that it reached some point.
   *
   * @param text the text to look for
   * @param timeout how long to wait at most
   * @throws AssertionError when the text does not appear in time, or the child exits without
   *     writing it; the message holds the output
   * @throws IllegalStateException when the thread is interrupted
   */
  public void awaitOutput(String text, Duration timeout) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(timeout, "timeout");
    long end = System.nanoTime() + timeout.toNanos();
    while (!stdout().contains(text) && !stderr().contains(text)) {
      if (!process.isAlive() && stdout.finished() && stderr.finished()) {
        throw new AssertionError(command + " exited without printing '" + text + "'" + describe());
      }
      if (System.nanoTime() - end >= 0) {
        throw new AssertionError(
            command + " did not print '" + text + "' within " + timeout + describe());
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + command, e);
      }
    }
  }

  /**
   * Asks the child to stop, as a platform does when it scales in or redeploys (SIGTERM on Unix),
   * and waits for it to exit: for checking that a runtime drains and ends cleanly.
   *
   * @param timeout how long to wait at most for it to exit
   * @return the exit code, for example 0 for a clean stop, 143 for a JVM that SIGTERM ended
   * @throws AssertionError when it still runs after the timeout; the message holds its output
   * @throws IllegalStateException when the thread is interrupted
   */
  public int terminate(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    process.destroy();
    return awaitExit(timeout);
  }

  /**
   * Stops the child: asks it to stop (SIGTERM), kills it if it still runs after {@link
   * #STOP_GRACE}, and waits briefly for its output to be read. Calling it again does nothing.
   */
  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        process.destroy();
        if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }
      }
      stdout.join(TimeUnit.SECONDS.toNanos(1));
      stderr.join(TimeUnit.SECONDS.toNanos(1));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Describes the child for assertion messages: what runs, its pid, its state and the end of its
   * output.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return command + "[pid " + pid() + "]" + describe();
  }

  private String describe() {
    return (process.isAlive() ? " (running)" : " (exit code " + process.exitValue() + ")")
        + "\n--- stdout ---\n"
        + tail(stdout())
        + "\n--- stderr ---\n"
        + tail(stderr());
  }

  private static String tail(String text) {
    return text.length() > 4000 ? "..." + text.substring(text.length() - 4000) : text;
  }

  /**
   * What to start: the main class (or a jar, {@code java -jar}), its arguments, the class path, JVM
   * options, environment and working directory. Immutable; the {@code with} methods return new
   * commands.
   *
   * <p>Unless told otherwise, the child runs the {@code java} of this JVM ({@link
   * JvmProcess#javaCommand()}) with this JVM's class path ({@link JvmProcess#currentClassPath()}),
   * in the current directory, and sees <em>only</em> the environment variables given, never this
   * process's, so that a developer's {@code AWS_*} settings cannot leak in; the one exception is
   * the locale ({@code LANG}, {@code LC_ALL}, {@code LC_CTYPE}, when set here and not given), which
   * decides how the child decodes its arguments. It is started with {@code -Dfile.encoding=UTF-8},
   * {@code -Dsun.stdout.encoding=UTF-8} and {@code -Dsun.stderr.encoding=UTF-8}, as its output is
   * decoded as UTF-8.
   */
  public static final class Command {

    private static final List<String> LOCALE_VARIABLES = List.of("LANG", "LC_ALL", "LC_CTYPE");

    private static final List<String> ENCODING_OPTIONS =
        List.of(
            "-Dfile.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8");

    private final String mainClass;
    private final List<String> args;
    private final String classPath;
    private final List<String> jvmOptions;
    private final Map<String, String> environment;
    private final boolean inheritEnvironment;
    private final Path directory;
    private final Path jar;

    private Command(
        String mainClass,
        List<String> args,
        String classPath,
        List<String> jvmOptions,
        Map<String, String> environment,
        boolean inheritEnvironment,
        Path directory,
        Path jar) {
      this.mainClass = mainClass;
      this.args = args;
      this.classPath = classPath;
      this.jvmOptions = jvmOptions;
      this.environment = environment;
      this.inheritEnvironment = inheritEnvironment;
      this.directory = directory;
      this.jar = jar;
    }

    static Command of(String mainClass) {
      Objects.requireNonNull(mainClass, "mainClass");
      if (mainClass.isBlank()) {
        throw new IllegalArgumentException("A main class name is needed");
      }
      return new Command(
          mainClass, List.of(), currentClassPath(), List.of(), Map.of(), false, null, null);
    }

    static Command ofJar(Path jar) {
      Objects.requireNonNull(jar, "jar");
      return new Command(
          null, List.of(), "", List.of(), Map.of(), false, null, jar.toAbsolutePath().normalize());
    }

    /**
     * Returns a command with the main class's arguments, replacing earlier ones.
     *
     * @param arguments the arguments, for example a handler name
     * @return the new command
     */
    public Command withArgs(String... arguments) {
      return withArgs(List.of(arguments));
    }

    /**
     * Returns a command with the main class's arguments, replacing earlier ones.
     *
     * @param arguments the arguments
     * @return the new command
     */
    public Command withArgs(List<String> arguments) {
      return new Command(
          mainClass,
          List.copyOf(arguments),
          classPath,
          jvmOptions,
          environment,
          inheritEnvironment,
          directory,
          jar);
    }

    /**
     * Returns a command with another class path.
     *
     * @param entries the class path, entries separated by {@link File#pathSeparator}
     * @return the new command
     * @throws IllegalStateException when this command runs a jar ({@link JvmProcess#jar(Path)})
     */
    public Command withClassPath(String entries) {
      Objects.requireNonNull(entries, "entries");
      if (jar != null) {
        throw new IllegalStateException(
            "java -jar takes its class path from the jar's manifest, not -cp: " + this);
      }
      return new Command(
          mainClass, args, entries, jvmOptions, environment, inheritEnvironment, directory, jar);
    }

    /**
     * Returns a command with JVM options placed before the main class, replacing earlier ones, for
     * example {@code -Xmx64m} or {@code -Dfn4j.function=uppercase}. They follow the UTF-8 options,
     * so they may override them.
     *
     * @param options the options
     * @return the new command
     */
    public Command withJvmOptions(String... options) {
      return new Command(
          mainClass,
          args,
          classPath,
          List.of(options),
          environment,
          inheritEnvironment,
          directory,
          jar);
    }

    /**
     * Returns a command with more environment variables; a name given again takes the new value.
     *
     * @param variables the variables, for example {@link LambdaRuntimeApiFake#environment()}
     * @return the new command
     */
    public Command withEnvironment(Map<String, String> variables) {
      Objects.requireNonNull(variables, "variables");
      Map<String, String> more = new TreeMap<>(environment);
      variables.forEach(
          (name, value) ->
              more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, name)));
      return new Command(
          mainClass,
          args,
          classPath,
          jvmOptions,
          Collections.unmodifiableMap(more),
          inheritEnvironment,
          directory,
          jar);
    }

    /**
     * Returns a command with one more environment variable.
     *
     * @param name the name, for example {@code _HANDLER}
     * @param value the value
     * @return the new command
     */
    public Command withEnvironment(String name, String value) {
      return withEnvironment(Map.of(name, value));
    }

    /**
     * Returns a command whose child also sees this process's environment variables, below the ones
     * given.
     *
     * @return the new command
     */
    public Command withInheritedEnvironment() {
      return new Command(mainClass, args, classPath, jvmOptions, environment, true, directory, jar);
    }

    /**
     * Returns a command whose child starts in another working directory.
     *
     * @param workingDirectory the directory, which must exist
     * @return the new command
     */
    public Command withDirectory(Path workingDirectory) {
      Objects.requireNonNull(workingDirectory, "workingDirectory");
      return new Command(
          mainClass,
          args,
          classPath,
          jvmOptions,
          environment,
          inheritEnvironment,
          workingDirectory,
          jar);
    }

    /**
     * Returns the command line the child is started with.
     *
     * @return {@code java}, the options, {@code -cp} and the class path, the main class, the
     *     arguments; for a jar, {@code java}, the options, {@code -jar} and the jar's absolute
     *     path, the arguments
     */
    public List<String> commandLine() {
      List<String> line = new ArrayList<>();
      line.add(javaCommand());
      line.addAll(ENCODING_OPTIONS);
      line.addAll(jvmOptions);
      if (jar != null) {
        line.add("-jar");
        line.add(jar.toString());
      } else {
        line.add("-cp");
        line.add(classPath);
        line.add(mainClass);
      }
      line.addAll(args);
      return List.copyOf(line);
    }

    /**
     * Returns the environment variables the child gets, besides this process's when inherited.
     *
     * @return the variables, sorted by name, unmodifiable
     */
    public Map<String, String> environment() {
      return environment;
    }

    /**
     * Starts the child, its standard input closed.
     *
     * @return the running child; close it when done
     * @throws UncheckedIOException when the process cannot be started
     */
    public JvmProcess start() {
      ProcessBuilder builder = new ProcessBuilder(commandLine());
      if (!inheritEnvironment) {
        builder.environment().keySet().retainAll(LOCALE_VARIABLES);
      }
      builder.environment().putAll(environment);
      if (directory != null) {
        builder.directory(directory.toFile());
      }
      try {
        Process process = builder.start();
        process.getOutputStream().close();
        return new JvmProcess(this, process);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start " + this + ": " + e.getMessage(), e);
      }
    }

    /**
     * Describes the command briefly.
     *
     * @return for example {@code JvmProcess[com.example.Main a b]}, or {@code JvmProcess[-jar
     *     app.jar a b]} for a jar
     */
    @Override
    public String toString() {
      String target = jar != null ? "-jar " + jar.getFileName() : mainClass;
      return "JvmProcess[" + target + (args.isEmpty() ? "" : " " + String.join(" ", args)) + "]";
    }
  }

  /** Reads one of the child's streams on a daemon thread and keeps what it read. */
  private static final class Capture {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Thread thread;
    private boolean truncated;

    Capture(InputStream in, String name) {
      thread = new Thread(() -> drain(in), name);
      thread.setDaemon(true);
      thread.start();
    }

    private void drain(InputStream in) {
      byte[] buffer = new byte[8192];
      try (in) {
        int read;
        while ((read = in.read(buffer)) >= 0) {
          synchronized (this) {
            int room = CAPTURE_LIMIT - bytes.size();
            if (room > 0) {
              bytes.write(buffer, 0, Math.min(read, room));
            }
            truncated |= read > room;
          }
        }
      } catch (IOException e) {
        // The stream was closed with the process: keep what was read.
      }
    }

    synchronized String text() {
      String text = bytes.toString(StandardCharsets.UTF_8);
      return truncated ? text + "\n[output truncated at " + CAPTURE_LIMIT + " bytes]" : text;
    }

    boolean finished() {
      return !thread.isAlive();
    }

    void join(long nanos) throws InterruptedException {
      thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos)));
    }
  }
}
