package dev.fn4j.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts what the bad-input tests sent along each path and what came back, by kind ({@code 400
 * DECODE}, {@code 200}, {@code failed invocation}), and prints them as one block at the end, also
 * written to {@value #FILE} (one section per test, the other test's section kept) so that the
 * README can quote them.
 */
final class BadInputSummary {

  /** Where the summary goes, relative to the module. */
  static final String FILE = "target/reliability/bad-input.txt";

  private final String title;
  private final long started = System.nanoTime();
  private final Map<String, Map<String, AtomicInteger>> byPath = new ConcurrentSkipListMap<>();
  private final Map<String, String> table = new ConcurrentHashMap<>();
  private final List<String> notes = new ArrayList<>();

  BadInputSummary(String title) {
    this.title = title;
  }

  /**
   * Counts one answer.
   *
   * @param path the path
   * @param kind what it was, for example {@code 400 DECODE}
   */
  void count(String path, String kind) {
    byPath
        .computeIfAbsent(path, name -> new ConcurrentSkipListMap<>())
        .computeIfAbsent(kind, name -> new AtomicInteger())
        .incrementAndGet();
  }

  /**
   * Keeps one cell of the entry-by-path table.
   *
   * @param entry the entry's name
   * @param path the path
   * @param kind what it answered
   */
  void cell(String entry, String path, String kind) {
    table.put(entry + "\u0000" + path, kind);
  }

  /**
   * Adds a line under the counts.
   *
   * @param note the line
   */
  synchronized void note(String note) {
    notes.add(note);
  }

  /**
   * Returns the kind of an answer.
   *
   * @param answer the answer
   * @return {@code failed invocation}, {@code <status> <phase>} for a problem, else the status
   */
  static String kind(RawAnswer answer) {
    if (answer.isFailure()) {
      return "failed invocation";
    }
    Outcome outcome = answer.outcome();
    return outcome
        .problem()
        .map(problem -> outcome.status() + " " + problem.phase())
        .orElse(Integer.toString(outcome.status()));
  }

  /**
   * Renders the block.
   *
   * @param entries the entries' names in order, for the table; empty for none
   * @return the text
   */
  synchronized String render(List<String> entries) {
    StringBuilder out = new StringBuilder();
    out.append("== ").append(title).append(" ==\n");
    int total = 0;
    for (Map.Entry<String, Map<String, AtomicInteger>> path : byPath.entrySet()) {
      int tried = path.getValue().values().stream().mapToInt(AtomicInteger::get).sum();
      total += tried;
      out.append(String.format("%-29s %5d tried:", path.getKey(), tried));
      path.getValue()
          .forEach((kind, count) -> out.append("  ").append(kind).append(" x").append(count));
      out.append('\n');
    }
    Map<String, Integer> kinds = new TreeMap<>();
    byPath
        .values()
        .forEach(counts -> counts.forEach((kind, n) -> kinds.merge(kind, n.get(), Integer::sum)));
    out.append(String.format("%-29s %5d tried:", "all paths", total));
    kinds.forEach((kind, count) -> out.append("  ").append(kind).append(" x").append(count));
    out.append('\n');
    out.append(String.format("run time %.1f s%n", (System.nanoTime() - started) / 1e9));
    notes.forEach(note -> out.append(note).append('\n'));
    if (!entries.isEmpty()) {
      int width = entries.stream().mapToInt(String::length).max().orElse(0);
      out.append('\n').append(String.format("%-" + width + "s", "entry \\ path"));
      AdapterPaths.NAMES.forEach(path -> out.append(" | ").append(pad(path, path)));
      out.append('\n');
      for (String entry : entries) {
        out.append(String.format("%-" + width + "s", entry));
        for (String path : AdapterPaths.NAMES) {
          String kind = table.getOrDefault(entry + "\u0000" + path, "-");
          out.append(" | ").append(pad(kind, path));
        }
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** Pads a cell to its column: the path's name, at least as wide as {@code 400 DECODE}. */
  private static String pad(String cell, String path) {
    return String.format("%-" + Math.max(path.length(), 17) + "s", cell);
  }

  /**
   * Prints the block and writes it as this test's section of {@value #FILE}.
   *
   * @param entries the entries' names in order, for the table; empty for none
   */
  void publish(List<String> entries) {
    String block = render(entries);
    System.out.println(block);
    // Surefire sets basedir; a run from an IDE starts in the module's directory.
    Path file = Path.of(System.getProperty("basedir", "."), FILE);
    try {
      Files.createDirectories(file.getParent());
      List<String> sections = new ArrayList<>();
      if (Files.exists(file)) {
        for (String section :
            Files.readString(file, StandardCharsets.UTF_8).split("(?m)^(?=== )")) {
          if (!section.isBlank() && !section.startsWith("== " + title + " ==")) {
            sections.add(section.strip() + "\n");
          }
        }
      }
      sections.add(block.strip() + "\n");
      Files.writeString(file, String.join("\n", sections), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
