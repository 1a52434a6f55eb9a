package dev.fn4j.conformance;

import java.util.List;

/**
 * What the bad-input tests share: the leak watch installed first, every path, the raw paths, and
 * the summary they print; stopped together, the watch last.
 */
final class BadInputRig {

  final LeakWatch watch;
  final AdapterPaths paths;
  final RawPaths raw;
  final BadInputSummary summary;

  private BadInputRig(String title) {
    this.watch = LeakWatch.install();
    BadInputCorpus.Tripwire.CREATED.set(0);
    this.paths = AdapterPaths.all();
    this.raw = new RawPaths();
    this.summary = new BadInputSummary(title);
  }

  static BadInputRig start(String title) {
    return new BadInputRig(title);
  }

  /**
   * Stops the paths, then notes what was checked and publishes the summary.
   *
   * @param note what ran, without the checked log counts
   * @param order the entries' order in the summary's table, or empty
   */
  void stop(String note, List<String> order) {
    try {
      paths.close();
      raw.close();
      summary.note(
          note
              + "; "
              + watch.logRecords().size()
              + " log records and "
              + watch.printed().lines().count()
              + " printed lines checked");
      summary.publish(order);
    } finally {
      watch.close();
    }
  }
}
