package dev.fn4j.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plans for the Azure, Google and Knative writers' tests; {@link Golden} compares their files with
 * the golden ones.
 */
final class AzureGcpKnativePlans {

  private AzureGcpKnativePlans() {}

  /**
   * The settings of the plugin's defaults, with a Knative image of a registry.
   *
   * @param deadLetterSink Knative's dead-letter sink, or null
   * @return the settings
   */
  static DeploymentPlan.Settings settings(String deadLetterSink) {
    return new DeploymentPlan.Settings(
        false,
        "java21",
        "custom",
        "cn-hangzhou",
        "europe-west1",
        "java17",
        "registry.example/acme/hello:1.0",
        "default",
        3,
        deadLetterSink);
  }

  /**
   * The plain sample ({@code samples/hello}): four HTTP functions (one a supplier) and a topic,
   * with the plugin's default memory (512 MiB) and timeout (30 s).
   *
   * @return the plan
   */
  static DeploymentPlan sample() {
    return new DeploymentPlan(
        "hello",
        "hello.jar",
        List.of(
            http("uppercase", "/uppercase", 512, 30),
            http("reverse", "/reverse", 512, 30),
            http("greet", "/greet", 512, 30),
            new FunctionPlan("fortune", true, new Trigger.Http("/fortune", "GET"), 512, 30),
            new FunctionPlan("greetings", false, new Trigger.Topic("greetings"), 512, 30)),
        settings(null));
  }

  /**
   * A shop with every other trigger: a queue, a schedule (a supplier), an event, an HTTP path that
   * does not start with its function's name, memory and timeout overrides, a dead-letter sink.
   *
   * @return the plan
   */
  static DeploymentPlan triggers() {
    return new DeploymentPlan(
        "shop",
        "shop-1.0.jar",
        List.of(
            http("greet", "/v1/hello", 512, 30),
            new FunctionPlan("orders", false, new Trigger.Queue("orders"), 1024, 120),
            new FunctionPlan(
                "report", true, new Trigger.Schedule(Cron.parse("0 6 * * 1-5")), 512, 300),
            new FunctionPlan(
                "shipOrder", false, new Trigger.Event("com.acme.order.created"), 256, 30)),
        settings("http://dead-letters.default.svc.cluster.local"));
  }

  /**
   * Makes a plan of the given functions, application {@code app}, jar {@code app.jar}.
   *
   * @param functions the functions
   * @return the plan
   */
  static DeploymentPlan plan(FunctionPlan... functions) {
    return new DeploymentPlan("app", "app.jar", List.of(functions), settings(null));
  }

  /**
   * An HTTP function called with POST.
   *
   * @param name its name
   * @param path its path
   * @param memory MiB
   * @param timeout seconds
   * @return the function
   */
  static FunctionPlan http(String name, String path, int memory, int timeout) {
    return new FunctionPlan(name, false, new Trigger.Http(path, "POST"), memory, timeout);
  }

  /**
   * Returns the files by their path below the platform's folder.
   *
   * @param platform the platform's folder
   * @param files what the writer wrote
   * @return path to content, sorted by path
   */
  static Map<String, String> byPath(String platform, List<GeneratedFile> files) {
    Map<String, String> contents = new TreeMap<>();
    for (GeneratedFile file : files) {
      assertThat(file.path()).startsWith(platform + "/");
      assertThat(file.content()).endsWith("\n");
      String previous = contents.put(file.path().substring(platform.length() + 1), file.content());
      assertThat(previous).as("%s written twice", file.path()).isNull();
    }
    return contents;
  }
}
