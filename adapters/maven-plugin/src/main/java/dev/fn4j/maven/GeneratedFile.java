package dev.fn4j.maven;

import java.util.Objects;

/**
 * One file a writer produces.
 *
 * @param path where it goes, relative to {@code target/fn4j/}, with {@code /} separators (for
 *     example {@code aws/template.yaml})
 * @param content the file's text (UTF-8, ending with a newline)
 */
public record GeneratedFile(String path, String content) {

  /** Checks the values. */
  public GeneratedFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
    if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
      throw new IllegalArgumentException("not a relative path: " + path);
    }
  }
}
