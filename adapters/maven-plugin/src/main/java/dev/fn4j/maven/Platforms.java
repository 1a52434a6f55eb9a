package dev.fn4j.maven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The platforms the plugin writes descriptors for, by the ids a POM's {@code <platforms>} uses. */
final class Platforms {

  private static final Map<String, Supplier<DescriptorWriter>> WRITERS = new LinkedHashMap<>();

  static {
    WRITERS.put("aws", AwsSamWriter::new);
    WRITERS.put("alibaba", AlibabaServerlessDevsWriter::new);
    WRITERS.put("azure", AzureFunctionsWriter::new);
    WRITERS.put("gcp", GcloudScriptWriter::new);
    WRITERS.put("knative", KnativeWriter::new);
  }

  private Platforms() {}

  /**
   * Returns every platform's id.
   *
   * @return {@code aws, alibaba, azure, gcp, knative}
   */
  static List<String> ids() {
    return List.copyOf(WRITERS.keySet());
  }

  /**
   * Returns the writers of the chosen platforms.
   *
   * @param ids platform ids; every platform when empty
   * @param pom the POM, for the message
   * @return the writers, in the order given
   * @throws DescriptorConfigurationException when an id is unknown
   */
  static List<DescriptorWriter> writers(List<String> ids, String pom) {
    List<String> chosen = ids == null || ids.isEmpty() ? ids() : ids;
    List<DescriptorWriter> writers = new ArrayList<>();
    for (String id : chosen) {
      Supplier<DescriptorWriter> writer = WRITERS.get(id.trim());
      if (writer == null) {
        throw new DescriptorConfigurationException(
            pom
                + ": fn4j-maven-plugin <platform> '"
                + id
                + "' is not one of "
                + String.join(", ", ids()));
      }
      writers.add(writer.get());
    }
    return writers;
  }
}
