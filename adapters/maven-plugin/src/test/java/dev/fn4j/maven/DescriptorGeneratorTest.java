package dev.fn4j.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescriptorGeneratorTest {

  @TempDir Path output;

  private static DescriptorWriter writer(String platform, GeneratedFile... files) {
    return new DescriptorWriter() {
      @Override
      public String platform() {
        return platform;
      }

      @Override
      public List<GeneratedFile> write(DeploymentPlan plan) {
        return List.of(files);
      }

      @Override
      public List<String> warnings(DeploymentPlan plan) {
        return List.of("a note on " + plan.application());
      }
    };
  }

  @Test
  void each_platform_folder_holds_exactly_this_builds_files() throws Exception {
    Files.createDirectories(output.resolve("azure/removed-function"));
    Files.writeString(output.resolve("azure/removed-function/function.json"), "{}");
    Files.writeString(output.resolve("notes.txt"), "the user's own file");

    DescriptorGenerator.Result result =
        new DescriptorGenerator(
                List.of(
                    writer("azure", new GeneratedFile("azure/host.json", "{}\n")),
                    writer("gcp", new GeneratedFile("gcp/deploy.sh", "#!/bin/sh\n"))))
            .generate(AzureGcpKnativePlans.sample(), output);

    assertThat(result.files())
        .containsExactly(output.resolve("azure/host.json"), output.resolve("gcp/deploy.sh"));
    assertThat(output.resolve("azure/removed-function")).doesNotExist();
    assertThat(output.resolve("notes.txt")).exists();
    assertThat(result.warnings()).containsExactly("azure: a note on hello", "gcp: a note on hello");
  }

  @Test
  void a_writer_may_not_write_outside_its_folder() {
    DescriptorGenerator generator =
        new DescriptorGenerator(List.of(writer("aws", new GeneratedFile("gcp/x", "x\n"))));

    assertThatThrownBy(() -> generator.generate(AzureGcpKnativePlans.sample(), output))
        .hasMessage("aws wrote gcp/x outside its folder");
  }

  @Test
  void every_platform_has_a_writer_and_an_unknown_one_is_named() {
    assertThat(Platforms.writers(List.of(), "pom.xml"))
        .extracting(DescriptorWriter::platform)
        .containsExactly("aws", "alibaba", "azure", "gcp", "knative");
    assertThatThrownBy(() -> Platforms.writers(List.of("aws", "heroku"), "pom.xml"))
        .hasMessage(
            "pom.xml: fn4j-maven-plugin <platform> 'heroku' is not one of aws, alibaba, azure,"
                + " gcp, knative");
  }
}
