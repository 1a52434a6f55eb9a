package dev.fn4j.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the load and shutdown tests put what they measured: printed, and written to {@code
 * target/reliability/<name>} of this module. Timings are reported there, never asserted (DESIGN.md
 * §7).
 */
public final class ReliabilityReport {

  private ReliabilityReport() {}

  /**
   * Prints a report and writes it to {@code target/reliability/<fileName>}, replacing an older one.
   *
   * @param fileName for example {@code load.txt}
   * @param text the report
   * @return the file written
   */
  public static Path write(String fileName, String text) {
    // Surefire sets basedir; a run from an IDE starts in the module's directory.
    Path folder = Path.of(System.getProperty("basedir", "."), "target", "reliability");
    Path file = folder.resolve(fileName);
    try {
      Files.createDirectories(folder);
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
    System.out.print(text);
    System.out.println("(written to " + file.toAbsolutePath().normalize() + ")");
    return file;
  }
}
