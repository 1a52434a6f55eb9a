package dev.fn4j.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Plans for the AWS and Alibaba writers' tests, built directly from the records, and the parsing
 * they share; {@link Golden} compares their files with the golden ones.
 */
final class AwsAlibabaPlans {

  private AwsAlibabaPlans() {}

  /**
   * The plain sample's functions with their defaults: four HTTP functions (one a supplier) and a
   * topic subscriber.
   */
  static DeploymentPlan sample() {
    return new DeploymentPlan(
        "hello",
        "hello.jar",
        List.of(
            http("uppercase", false),
            http("reverse", false),
            http("greet", false),
            http("fortune", true),
            new FunctionPlan("greetings", false, new Trigger.Topic("greetings"), 512, 30)),
        settings(false, "custom"));
  }

  /**
   * A queue consumer, a schedule and an event subscriber with their own memory and timeouts, with
   * SnapStart on.
   *
   * @param alibabaRuntime {@code custom} or {@code builtin}
   */
  static DeploymentPlan events(String alibabaRuntime) {
    return new DeploymentPlan(
        "orders",
        "orders-1.0.0.jar",
        List.of(
            new FunctionPlan("processOrder", false, new Trigger.Queue("orders"), 1024, 60),
            new FunctionPlan(
                "dailyReport", true, new Trigger.Schedule(Cron.parse("0 6 * * 1-5")), 512, 120),
            new FunctionPlan(
                "orderCreated", false, new Trigger.Event("com.acme.order.created"), 256, 15)),
        settings(true, alibabaRuntime));
  }

  /** A plan of the given functions, application {@code app}, jar {@code app.jar}. */
  static DeploymentPlan plan(DeploymentPlan.Settings settings, FunctionPlan... functions) {
    return new DeploymentPlan("app", "app.jar", List.of(functions), settings);
  }

  static FunctionPlan http(String name, boolean supplier) {
    return new FunctionPlan(
        name, supplier, new Trigger.Http("/" + name, supplier ? "GET" : "POST"), 512, 30);
  }

  static DeploymentPlan.Settings settings(boolean snapStart, String alibabaRuntime) {
    return new DeploymentPlan.Settings(
        snapStart,
        "java21",
        alibabaRuntime,
        "cn-hangzhou",
        "europe-west1",
        "java17",
        "registry.example.com/app:1.0",
        "default",
        3,
        null);
  }

  /** Parses YAML the way a careful consumer does: SnakeYAML's safe loader, no custom tags. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(String yaml) {
    Object document =
        new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    assertThat(document).isInstanceOf(Map.class);
    return (Map<String, Object>) document;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    assertThat(value).isInstanceOf(List.class);
    return (List<Object>) value;
  }
}
