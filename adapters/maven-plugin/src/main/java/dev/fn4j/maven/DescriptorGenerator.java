package dev.fn4j.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Runs the writers of the chosen platforms over a plan and writes their files under one folder,
 * each platform's folder emptied first so that no file of an earlier build (a function since
 * removed) survives.
 */
final class DescriptorGenerator {

  /** What a generation wrote and what it could not express. */
  record Result(List<Path> files, List<String> warnings) {}

  private final List<DescriptorWriter> writers;

  DescriptorGenerator(List<DescriptorWriter> writers) {
    this.writers = List.copyOf(writers);
  }

  Result generate(DeploymentPlan plan, Path outputDirectory) {
    Objects.requireNonNull(plan, "plan");
    List<Path> written = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    try {
      for (DescriptorWriter writer : writers) {
        Path folder = outputDirectory.resolve(writer.platform());
        deleteRecursively(folder);
        for (GeneratedFile file : writer.write(plan)) {
          if (!file.path().startsWith(writer.platform() + "/")) {
            throw new IllegalStateException(
                writer.platform() + " wrote " + file.path() + " outside its folder");
          }
          Path target = outputDirectory.resolve(file.path());
          Files.createDirectories(target.getParent());
          Files.writeString(target, file.content(), StandardCharsets.UTF_8);
          written.add(target);
        }
        writer.warnings(plan).forEach(w -> warnings.add(writer.platform() + ": " + w));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write under " + outputDirectory, e);
    }
    return new Result(List.copyOf(written), List.copyOf(warnings));
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
