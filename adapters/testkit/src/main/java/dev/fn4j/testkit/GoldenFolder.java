package dev.fn4j.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Compares a folder a build wrote (generated descriptors, for example) with the folder of expected
 * files kept under {@code src/test/resources}, file by file and byte by byte, and says which files
 * are missing, extra or different. With the system property {@value #UPDATE} set to {@code true} it
 * rewrites the expected folder from the actual one instead, so that an intended change is one
 * command and a reviewed diff:
 *
 * <pre>{@code mvn verify -Dfn4j.golden.update=true}</pre>
 */
public final class GoldenFolder {

  /** The system property that rewrites the expected files. */
  public static final String UPDATE = "fn4j.golden.update";

  private GoldenFolder() {}

  /**
   * Compares two folders.
   *
   * @param actual what was written
   * @param expected the expected files (the source folder, not a copy in {@code target/})
   * @return one line per difference, empty when the folders are equal (always empty when updating)
   */
  public static List<String> differences(Path actual, Path expected) {
    if (Boolean.getBoolean(UPDATE)) {
      update(actual, expected);
      return List.of();
    }
    List<String> differences = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>(files(actual));
    names.addAll(files(expected));
    for (String name : names) {
      Path written = actual.resolve(name);
      Path wanted = expected.resolve(name);
      if (!Files.exists(written)) {
        differences.add(name + ": expected, not written");
      } else if (!Files.exists(wanted)) {
        differences.add(name + ": written, not expected");
      } else if (!text(written).equals(text(wanted))) {
        differences.add(name + ": differs (" + firstDifference(text(written), text(wanted)) + ")");
      }
    }
    return differences;
  }

  private static String firstDifference(String written, String wanted) {
    String[] a = written.split("\n", -1);
    String[] b = wanted.split("\n", -1);
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      String left = i < a.length ? a[i] : "<end>";
      String right = i < b.length ? b[i] : "<end>";
      if (!left.equals(right)) {
        return "line " + (i + 1) + ": written '" + left + "', expected '" + right + "'";
      }
    }
    return "same lines, different bytes";
  }

  private static void update(Path actual, Path expected) {
    try {
      if (Files.exists(expected)) {
        try (Stream<Path> paths = Files.walk(expected)) {
          for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(path);
          }
        }
      }
      for (String name : files(actual)) {
        Path target = expected.resolve(name);
        Files.createDirectories(target.getParent());
        Files.copy(actual.resolve(name), target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update " + expected, e);
    }
  }

  private static List<String> files(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> paths = Files.walk(root)) {
      return paths
          .filter(Files::isRegularFile)
          .map(path -> root.relativize(path).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  private static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
