package dev.fn4j.maven;

import java.util.List;

/**
 * Writes one platform's deployment descriptors for a checked {@link DeploymentPlan}. A writer only
 * translates: every check that can fail belongs to {@link PlanBuilder}, so that a bad POM fails
 * before any file is written.
 */
public interface DescriptorWriter {

  /**
   * Returns the platform's id, which is also the folder under {@code target/fn4j/}.
   *
   * @return {@code aws}, {@code alibaba}, {@code azure}, {@code gcp} or {@code knative}
   */
  String platform();

  /**
   * Writes the descriptors.
   *
   * @param plan the checked plan
   * @return the files, with paths under the platform's folder
   */
  List<GeneratedFile> write(DeploymentPlan plan);

  /**
   * Returns what the plan asks that this platform cannot express, one sentence each naming the
   * function (for example a queue trigger on Knative, which needs a cluster-specific source). The
   * build logs them as warnings; the files are still written.
   *
   * @param plan the checked plan
   * @return the warnings, empty when none
   */
  default List<String> warnings(DeploymentPlan plan) {
    return List.of();
  }
}
