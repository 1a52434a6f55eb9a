package dev.fn4j.gcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts, per fixture file, the checks planned and the checks passed, so that the last check of a
 * fixture test can prove that every file of the folder was exercised in full, and that a file added
 * to the folder later is not silently ignored.
 */
final class FixtureLedger {

  private final Map<String, Integer> planned = new ConcurrentHashMap<>();
  private final Map<String, Integer> passed = new ConcurrentHashMap<>();

  /**
   * Plans checks for a file.
   *
   * @param file the file name
   * @param checks how many checks will read it
   */
  void plan(String file, int checks) {
    planned.merge(file, checks, Integer::sum);
  }

  /**
   * Records that one check of a file passed; call it as the last statement of the check.
   *
   * @param file the file name
   */
  void passed(String file) {
    passed.merge(file, 1, Integer::sum);
  }

  /**
   * Asserts that every file present, but the deliberately skipped ones, was planned and passed all
   * its checks.
   *
   * @param files the files of the folder
   * @param skipped the files deliberately not exercised, with the reason
   */
  void assertEveryFileExercised(List<Path> files, Map<String, String> skipped) {
    Set<String> present = new TreeSet<>();
    files.forEach(file -> present.add(file.getFileName().toString()));
    assertThat(present).as("the deliberately skipped files exist").containsAll(skipped.keySet());
    Map<String, String> incomplete = new TreeMap<>();
    Set<String> exercised = new TreeSet<>();
    planned.forEach(
        (file, count) -> {
          int done = passed.getOrDefault(file, 0);
          if (count > 0 && done == count) {
            exercised.add(file);
          } else {
            incomplete.put(file, done + " of " + count + " checks passed");
          }
        });
    assertThat(incomplete).as("fixture files whose checks did not all pass").isEmpty();
    Set<String> expected = new TreeSet<>(present);
    expected.removeAll(skipped.keySet());
    Set<String> unread = new TreeSet<>(expected);
    unread.removeAll(exercised);
    assertThat(unread)
        .as("fixture files no check read: give each a check, or skip it with the reason")
        .isEmpty();
    assertThat(exercised)
        .as("files exercised (%d present, %d skipped: %s)", present.size(), skipped.size(), skipped)
        .containsExactlyElementsOf(expected);
  }
}
