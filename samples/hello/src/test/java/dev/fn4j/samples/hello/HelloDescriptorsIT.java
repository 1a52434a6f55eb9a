package dev.fn4j.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.testkit.GoldenFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The build wrote every cloud's deployment descriptors for the sample, exactly the reviewed ones
 * under {@code src/test/resources/descriptors} ({@code -Dfn4j.golden.update=true} rewrites them
 * after an intended change).
 */
class HelloDescriptorsIT {

  @Test
  void the_generated_descriptors_are_the_reviewed_ones() {
    Path generated = Path.of("target/fn4j");
    assertThat(generated.resolve("aws/template.yaml")).exists();

    assertThat(GoldenFolder.differences(generated, Path.of("src/test/resources/descriptors")))
        .isEmpty();
  }
}
