package dev.fn4j.testkit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.DynamicTest;

/**
 * Counts, per vendor fixture file, the checks planned and the checks passed, so that a summary can
 * prove that every file of a fixture folder was exercised in full, and that a file added to the
 * folder later is not silently ignored. A check that a known bug stops can be recorded as blocked,
 * with the bug: it counts as done, and the summary names it, as {@code @Disabled("bug: ...")} would
 * for a test method.
 *
 * <pre>{@code
 * LEDGER.plan("oss-event.json", 1);
 * ... the check ...
 * LEDGER.passed("oss-event.json");
 * // last dynamic test of the folder:
 * LEDGER.assertEveryFileExercised(VendorFixtures.files("alibaba"), Map.of());
 * }</pre>
 */
public final class FixtureLedger {

  private final Map<String, Integer> planned = new ConcurrentHashMap<>();
  private final Map<String, Integer> passed = new ConcurrentHashMap<>();
  private final Map<String, String> blocked = new ConcurrentHashMap<>();

  /** Creates an empty ledger. */
  public FixtureLedger() {}

  /**
   * Plans checks for a file.
   *
   * @param file the file's name
   * @param checks how many checks will read it
   */
  public void plan(String file, int checks) {
    planned.merge(file, checks, Integer::sum);
  }

  /**
   * Records that one check of a file passed; call it as the last line of the check.
   *
   * @param file the file's name
   */
  public void passed(String file) {
    passed.merge(file, 1, Integer::sum);
  }

  /**
   * Records that one check of a file was stopped by a known bug, before the check aborts.
   *
   * @param file the file's name
   * @param bug the bug, in one line
   */
  public void blocked(String file, String bug) {
    passed.merge(file, 1, Integer::sum);
    blocked.merge(file, bug, (a, b) -> a.equals(b) ? a : a + "; " + b);
  }

  /**
   * Returns the files whose checks a known bug stopped.
   *
   * @return file name to bug, sorted by name
   */
  public Map<String, String> blockedFiles() {
    return new TreeMap<>(blocked);
  }

  /**
   * Returns a test of one file with one check, planned in this ledger and marked passed when the
   * check returns.
   *
   * @param file the file's name
   * @param check the check
   * @return the test
   */
  public DynamicTest single(String file, Runnable check) {
    return check(file, file, check);
  }

  /**
   * Returns a test of one check of a file, planned in this ledger and marked passed when the check
   * returns; a file read by several checks gets one test each.
   *
   * @param display the test's name
   * @param file the file's name
   * @param check the check
   * @return the test
   */
  public DynamicTest check(String display, String file, Runnable check) {
    plan(file, 1);
    return DynamicTest.dynamicTest(
        display,
        () -> {
          check.run();
          passed(file);
        });
  }

  /**
   * Returns a failing test for a file no parser reads: a new fixture file must be read or skipped
   * on purpose, never ignored.
   *
   * @param file the file's name
   * @return the test
   */
  public static DynamicTest unread(String file) {
    return DynamicTest.dynamicTest(
        file,
        () -> {
          throw new AssertionError(
              "no test reads the fixture "
                  + file
                  + ": give it a parser here, or skip it in SKIPPED with the reason");
        });
  }

  /**
   * Returns the test that closes a fixture run: {@link #assertEveryFileExercised} as a test.
   *
   * @param folder the folder's name under the fixtures, for the test's name
   * @param files the files of the folder
   * @param skipped the files deliberately not sent, with the reason
   * @return the test
   */
  public DynamicTest everyFileExercised(
      String folder, List<Path> files, Map<String, String> skipped) {
    return DynamicTest.dynamicTest(
        "every file of fixtures/" + folder + " was exercised",
        () -> assertEveryFileExercised(files, skipped));
  }

  /**
   * Asserts that every file present but the deliberately skipped ones was planned and passed all
   * its checks (or was blocked by a known bug).
   *
   * @param files the files of the folder
   * @param skipped the files deliberately not sent, with the reason
   * @throws AssertionError naming the files that are missing, unread or incomplete
   */
  public void assertEveryFileExercised(List<Path> files, Map<String, String> skipped) {
    Set<String> present = new TreeSet<>();
    files.forEach(file -> present.add(file.getFileName().toString()));
    Set<String> missing = new TreeSet<>(skipped.keySet());
    missing.removeAll(present);
    check(missing.isEmpty(), "the deliberately skipped files exist; missing: " + missing);
    Set<String> exercised = new TreeSet<>();
    Map<String, String> incomplete = new TreeMap<>();
    planned.forEach(
        (file, count) -> {
          int done = passed.getOrDefault(file, 0);
          if (count > 0 && done == count) {
            exercised.add(file);
          } else {
            incomplete.put(file, done + " of " + count + " checks passed");
          }
        });
    check(incomplete.isEmpty(), "fixture files whose checks did not all pass: " + incomplete);
    Set<String> expected = new TreeSet<>(present);
    expected.removeAll(skipped.keySet());
    Set<String> unread = new TreeSet<>(expected);
    unread.removeAll(exercised);
    check(
        unread.isEmpty(),
        "fixture files that no check read: give each a parser, or skip it with the reason: "
            + unread);
    check(
        Objects.equals(exercised, expected),
        "files exercised "
            + exercised
            + " are not the files present less the skipped ones "
            + expected
            + " (skipped: "
            + skipped
            + "; blocked by known bugs: "
            + blockedFiles().keySet()
            + ")");
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError(message);
    }
  }
}
