package dev.fn4j.gcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the event functions of {@link InvokerFunctions} saw: one JSON line per invocation, {@code
 * {"function": name, "seen": value}}, appended by the function in the invoker's JVM to a file of
 * this JVM's temporary folder. A function has finished writing before the invoker answers, so the
 * line of a request is there when its answer arrives.
 */
final class SeenEvents {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path file;

  private SeenEvents(Path file) {
    this.file = file;
  }

  static SeenEvents create() {
    try {
      return new SeenEvents(Files.createTempFile("fn4j-gcp-seen-", ".jsonl"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path file() {
    return file;
  }

  /**
   * Returns how many invocations were reported so far; a mark for {@link #onlyOneSince}.
   *
   * @return the count
   */
  int count() {
    return lines().size();
  }

  /**
   * Returns what the one invocation reported after a mark saw, and checks which function it was.
   *
   * @param mark the count before the request
   * @param function the function expected to have run
   * @return its report's {@code seen} value
   */
  JsonNode onlyOneSince(int mark, String function) {
    List<String> lines = lines();
    List<String> added = lines.subList(Math.min(mark, lines.size()), lines.size());
    assertThat(added).as("reports of functions since the request").hasSize(1);
    JsonNode report = parse(added.get(0));
    assertThat(report.path("function").asText()).as("the function that ran").isEqualTo(function);
    return report.path("seen");
  }

  /**
   * Tells whether no function reported anything after a mark.
   *
   * @param mark the count before the request
   * @return true when nothing was added
   */
  boolean noneSince(int mark) {
    return count() == mark;
  }

  private List<String> lines() {
    try {
      List<String> lines = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new AssertionError("not a JSON report: " + line, e);
    }
  }

  void delete() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A temporary file: the system removes it eventually.
    }
  }
}
