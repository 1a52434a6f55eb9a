package dev.fn4j.maven;

import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Everything the descriptor writers need: the application, its jar, each function's trigger and
 * resources, and the per-platform settings. Built and checked by {@link PlanBuilder}; the writers
 * only translate it.
 *
 * @param application the application's name (resource and service names derive from it)
 * @param jarName the file name of the packaged jar, for example {@code hello.jar}
 * @param functions the functions, in catalog order
 * @param settings the per-platform settings
 */
public record DeploymentPlan(
    String application, String jarName, List<FunctionPlan> functions, Settings settings) {

  /** Checks the values. */
  public DeploymentPlan {
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(jarName, "jarName");
    functions = List.copyOf(functions);
    Objects.requireNonNull(settings, "settings");
  }

  /**
   * Returns the {@code FN4J_ROUTING_PATHS} value that routes the HTTP paths whose first segment is
   * not their function's name ({@code /v1/hello=greet}), or null when every path starts with its
   * function's name (which the launcher routes without help).
   *
   * @return {@code path=function} pairs separated by commas, or null
   */
  public String routingPaths() {
    StringJoiner pairs = new StringJoiner(",");
    for (FunctionPlan function : functions) {
      if (function.trigger() instanceof Trigger.Http http) {
        String first = http.path().substring(1).split("/", -1)[0];
        if (!first.isEmpty() && !first.equals(function.name())) {
          pairs.add(http.path() + "=" + function.name());
        }
      }
    }
    return pairs.length() == 0 ? null : pairs.toString();
  }

  /**
   * The settings that only some platforms read.
   *
   * @param snapStart AWS: turn on SnapStart (published versions)
   * @param awsRuntime AWS: the managed Java runtime, for example {@code java21}
   * @param alibabaRuntime Alibaba: {@code custom} (the launcher on the custom runtime, the default:
   *     FC's built-in Java runtimes are too old for Java 17 classes) or {@code builtin}
   * @param alibabaRegion Alibaba: the region, for example {@code cn-hangzhou}
   * @param gcpRegion Google: the region, for example {@code europe-west1}
   * @param gcpRuntime Google: the Java runtime, for example {@code java17}
   * @param knativeImage Knative: the container image of the jar
   * @param knativeBroker Knative: the broker the event triggers subscribe to
   * @param knativeRetries Knative: delivery attempts after the first, for event triggers
   * @param knativeDeadLetterSink Knative: where undeliverable events go (a URI), or null for none
   */
  public record Settings(
      boolean snapStart,
      String awsRuntime,
      String alibabaRuntime,
      String alibabaRegion,
      String gcpRegion,
      String gcpRuntime,
      String knativeImage,
      String knativeBroker,
      int knativeRetries,
      String knativeDeadLetterSink) {

    /** Checks the values. */
    public Settings {
      Objects.requireNonNull(awsRuntime, "awsRuntime");
      Objects.requireNonNull(alibabaRuntime, "alibabaRuntime");
      Objects.requireNonNull(alibabaRegion, "alibabaRegion");
      Objects.requireNonNull(gcpRegion, "gcpRegion");
      Objects.requireNonNull(gcpRuntime, "gcpRuntime");
      Objects.requireNonNull(knativeImage, "knativeImage");
      Objects.requireNonNull(knativeBroker, "knativeBroker");
    }
  }
}
