package dev.fn4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldenFolderTest {

  @TempDir Path actual;
  @TempDir Path expected;

  @AfterEach
  void clearUpdate() {
    System.clearProperty(GoldenFolder.UPDATE);
  }

  private static void write(Path root, String name, String text) throws Exception {
    Path file = root.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void equal_folders_have_no_differences() throws Exception {
    write(actual, "aws/template.yaml", "a: 1\n");
    write(expected, "aws/template.yaml", "a: 1\n");

    assertThat(GoldenFolder.differences(actual, expected)).isEmpty();
  }

  @Test
  void missing_extra_and_changed_files_are_each_named() throws Exception {
    write(actual, "aws/template.yaml", "a: 1\nb: 2\n");
    write(expected, "aws/template.yaml", "a: 1\nb: 3\n");
    write(actual, "gcp/deploy.sh", "#!/bin/sh\n");
    write(expected, "knative/service.yaml", "kind: Service\n");

    assertThat(GoldenFolder.differences(actual, expected))
        .containsExactly(
            "aws/template.yaml: differs (line 2: written 'b: 2', expected 'b: 3')",
            "gcp/deploy.sh: written, not expected",
            "knative/service.yaml: expected, not written");
  }

  @Test
  void updating_makes_the_expected_folder_a_copy_of_the_actual_one() throws Exception {
    write(actual, "azure/host.json", "{}\n");
    write(expected, "azure/old/function.json", "{}\n");
    System.setProperty(GoldenFolder.UPDATE, "true");

    assertThat(GoldenFolder.differences(actual, expected)).isEmpty();

    System.clearProperty(GoldenFolder.UPDATE);
    assertThat(GoldenFolder.differences(actual, expected)).isEmpty();
    assertThat(expected.resolve("azure/old")).doesNotExist();
  }
}
