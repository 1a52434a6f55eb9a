package dev.fn4j.testkit;

import java.util.Arrays;

/** A main class for {@link JvmProcessTest} to run in a child JVM. */
public final class JvmProcessTestMain {

  private JvmProcessTestMain() {}

  /**
   * Runs one of the modes the test asks for.
   *
   * @param args {@code echo <exit code> <more...>} or {@code wait}
   * @throws InterruptedException never in practice
   */
  public static void main(String[] args) throws InterruptedException {
    switch (args[0]) {
      case "echo" -> {
        System.out.println("args=" + Arrays.asList(args).subList(2, args.length));
        System.out.println("GREETING=" + System.getenv("GREETING"));
        System.out.println("HOME=" + System.getenv("HOME"));
        System.err.println("to stderr: Grüße");
        System.exit(Integer.parseInt(args[1]));
      }
      case "wait" -> {
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(60_000);
      }
      default -> throw new IllegalArgumentException(args[0]);
    }
  }
}
