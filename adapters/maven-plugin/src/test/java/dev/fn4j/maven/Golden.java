package dev.fn4j.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.testkit.GoldenFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The writers' golden files: what a writer writes for a case is compared, file by file and byte by
 * byte, with {@code src/test/resources/golden/<platform>/<case>/}, nothing missing or extra. After
 * a deliberate change of a writer, rewrite them with {@code mvn test -pl adapters/maven-plugin
 * -Dfn4j.golden.update=true} and read the diff: they are what users get.
 */
final class Golden {

  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

  private Golden() {}

  /**
   * Asserts that a writer's files are the golden ones of a case.
   *
   * @param platform the platform's folder, for example {@code azure}
   * @param caseName the case's folder, for example {@code sample}
   * @param files what the writer wrote
   * @throws IOException when the files cannot be written to a temporary folder
   */
  static void assertMatches(String platform, String caseName, List<GeneratedFile> files)
      throws IOException {
    Path written = Files.createTempDirectory("fn4j-golden-");
    for (GeneratedFile file : files) {
      assertThat(file.path()).startsWith(platform + "/");
      assertThat(file.content()).as(file.path()).endsWith("\n");
      Path target = written.resolve(file.path());
      assertThat(target).as("%s written twice", file.path()).doesNotExist();
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.content(), StandardCharsets.UTF_8);
    }
    assertThat(
            GoldenFolder.differences(
                written.resolve(platform), GOLDEN.resolve(platform).resolve(caseName)))
        .as(
            "%s/%s against its golden files (-D%s=true rewrites them)",
            platform, caseName, GoldenFolder.UPDATE)
        .isEmpty();
  }
}
