package dev.fn4j.maven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Writes Knative descriptors: {@code knative/service.yaml}, one Knative Service running the jar's
 * image for every function (the launcher routes by request path and CloudEvent type), and, when
 * some function needs one, {@code knative/triggers.yaml} with a Broker {@code Trigger} per event
 * function and a {@code PingSource} per scheduled function.
 *
 * <p>Events are delivered to {@code /<function>} on the Service (a Trigger's or a source's {@code
 * uri} resolved against the Service's address), so a function gets its events whatever their type
 * is called. Queues and topics have no Knative resource of their own: they need a cluster-specific
 * source (KafkaSource, RabbitmqSource, ...), which a warning names.
 */
public final class KnativeWriter implements DescriptorWriter {

  private static final String SERVICE_API = "serving.knative.dev/v1";

  /** Knative Serving's default {@code max-revision-timeout-seconds}. */
  private static final int DEFAULT_MAX_TIMEOUT = 600;

  /** Creates the writer. */
  public KnativeWriter() {}

  @Override
  public String platform() {
    return "knative";
  }

  @Override
  public List<GeneratedFile> write(DeploymentPlan plan) {
    List<GeneratedFile> files = new ArrayList<>();
    files.add(new GeneratedFile("knative/service.yaml", Yaml.write(service(plan))));
    List<Map<String, Object>> sources = new ArrayList<>();
    for (FunctionPlan function : plan.functions()) {
      if (function.trigger() instanceof Trigger.Event event) {
        sources.add(trigger(plan, function, event));
      } else if (function.trigger() instanceof Trigger.Schedule schedule) {
        sources.add(pingSource(plan, function, schedule));
      }
    }
    if (!sources.isEmpty()) {
      files.add(new GeneratedFile("knative/triggers.yaml", Yaml.writeAll(sources)));
    }
    return files;
  }

  @Override
  public List<String> warnings(DeploymentPlan plan) {
    List<String> warnings = new ArrayList<>();
    for (FunctionPlan function : plan.functions()) {
      String what;
      if (function.trigger() instanceof Trigger.Queue queue) {
        what = "queue '" + queue.name() + "'";
      } else if (function.trigger() instanceof Trigger.Topic topic) {
        what = "topic '" + topic.name() + "'";
      } else {
        continue;
      }
      warnings.add(
          "function '"
              + function.name()
              + "': Knative has no "
              + function.trigger().kind()
              + " trigger of its own; create the cluster's source for "
              + what
              + " (KafkaSource, RabbitmqSource, ...) with sink the Service '"
              + plan.application()
              + "' and uri /"
              + function.name());
    }
    int timeout = largest(plan, FunctionPlan::timeoutSeconds);
    if (timeout > DEFAULT_MAX_TIMEOUT) {
      warnings.add(
          "the Service's timeoutSeconds is "
              + timeout
              + " (the largest function's), more than Knative's default"
              + " max-revision-timeout-seconds of "
              + DEFAULT_MAX_TIMEOUT
              + ": the cluster must allow it (config-defaults)");
    }
    return warnings;
  }

  private static Map<String, Object> service(DeploymentPlan plan) {
    Map<String, Object> container = new LinkedHashMap<>();
    container.put("image", plan.settings().knativeImage());
    String routingPaths = plan.routingPaths();
    if (routingPaths != null) {
      Map<String, Object> variable = new LinkedHashMap<>();
      variable.put("name", "FN4J_ROUTING_PATHS");
      variable.put("value", routingPaths);
      container.put("env", List.of(variable));
    }
    container.put("readinessProbe", Map.of("httpGet", Map.of("path", "/_fn4j/ready")));
    container.put(
        "resources",
        Map.of("limits", Map.of("memory", largest(plan, FunctionPlan::memoryMb) + "Mi")));
    Map<String, Object> podSpec = new LinkedHashMap<>();
    podSpec.put("timeoutSeconds", largest(plan, FunctionPlan::timeoutSeconds));
    podSpec.put("containers", List.of(container));
    return resource(
        SERVICE_API, "Service", plan.application(), Map.of("template", Map.of("spec", podSpec)));
  }

  private static Map<String, Object> trigger(
      DeploymentPlan plan, FunctionPlan function, Trigger.Event event) {
    DeploymentPlan.Settings settings = plan.settings();
    Map<String, Object> delivery = new LinkedHashMap<>();
    delivery.put("retry", settings.knativeRetries());
    delivery.put("backoffPolicy", "exponential");
    delivery.put("backoffDelay", "PT0.5S");
    if (settings.knativeDeadLetterSink() != null) {
      delivery.put("deadLetterSink", Map.of("uri", settings.knativeDeadLetterSink()));
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("broker", settings.knativeBroker());
    spec.put("filter", Map.of("attributes", Map.of("type", event.type())));
    spec.put("subscriber", destination(plan, function));
    spec.put("delivery", delivery);
    return resource(
        "eventing.knative.dev/v1", "Trigger", plan.application() + "-" + function.dnsName(), spec);
  }

  private static Map<String, Object> pingSource(
      DeploymentPlan plan, FunctionPlan function, Trigger.Schedule schedule) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("schedule", schedule.cron().unix());
    spec.put("timezone", "UTC");
    spec.put("sink", destination(plan, function));
    return resource(
        "sources.knative.dev/v1",
        "PingSource",
        plan.application() + "-" + function.dnsName(),
        spec);
  }

  /** The Service, and the function's path on it (a relative uri resolves against the ref). */
  private static Map<String, Object> destination(DeploymentPlan plan, FunctionPlan function) {
    Map<String, Object> ref = new LinkedHashMap<>();
    ref.put("apiVersion", SERVICE_API);
    ref.put("kind", "Service");
    ref.put("name", plan.application());
    Map<String, Object> destination = new LinkedHashMap<>();
    destination.put("ref", ref);
    destination.put("uri", "/" + function.name());
    return destination;
  }

  private static Map<String, Object> resource(
      String apiVersion, String kind, String name, Map<String, Object> spec) {
    Map<String, Object> resource = new LinkedHashMap<>();
    resource.put("apiVersion", apiVersion);
    resource.put("kind", kind);
    resource.put("metadata", Map.of("name", name));
    resource.put("spec", spec);
    return resource;
  }

  private static int largest(DeploymentPlan plan, ToIntFunction<FunctionPlan> value) {
    return plan.functions().stream().mapToInt(value).max().orElse(0);
  }
}
