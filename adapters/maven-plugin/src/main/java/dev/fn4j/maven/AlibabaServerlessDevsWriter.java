package dev.fn4j.maven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a Serverless Devs project for Alibaba Cloud Function Compute 3.0, {@code alibaba/s.yaml}:
 * one {@code fc3} resource per function, named {@code <application>-<function>}, running the jar
 * and pinned to its function by {@code FN4J_FUNCTION}, with the FC trigger of its trigger.
 *
 * <p>Runtime: {@code custom} (the default) runs the launcher on {@code custom.debian10} with
 * Alibaba's official {@code Java17} layer ({@code java -jar /code/<jar>} on port 9000); {@code
 * builtin} names {@code dev.fn4j.alibaba.FcHandler} on FC's newest built-in Java runtime, which is
 * older than Java 17 today, so {@link #warnings} says so.
 *
 * <table>
 *   <caption>Triggers</caption>
 *   <tr><th>trigger</th><th>FC trigger</th></tr>
 *   <tr><td>http</td><td>{@code http}, anonymous, the function's one method</td></tr>
 *   <tr><td>queue</td><td>{@code eventbridge} with an MNS queue event source (CloudEvents of type
 *       {@code mns:Queue:SendMessage})</td></tr>
 *   <tr><td>topic</td><td>{@code mns_topic}, JSON notifications, back-off retries</td></tr>
 *   <tr><td>schedule</td><td>{@code timer}, {@code CRON_TZ=UTC} and a seconds field, days of the
 *       week by name</td></tr>
 *   <tr><td>event</td><td>{@code eventbridge} on the default bus, filtered on the event's
 *       {@code type}</td></tr>
 * </table>
 *
 * <p>{@code code} names the jar itself ({@code ../../<jar>} from {@code target/fn4j/alibaba/}):
 * Serverless Devs uploads a jar as it is for a built-in runtime and zips it for a custom runtime
 * whose command is {@code java -jar}, so that it lands as {@code /code/<jar>}; naming a folder
 * instead would upload all of {@code target/}.
 */
public final class AlibabaServerlessDevsWriter implements DescriptorWriter {

  /** The custom runtime the launcher runs on. */
  static final String CUSTOM_RUNTIME = "custom.debian10";

  /** FC's newest built-in Java runtime (FC documents java8 and java11). */
  static final String BUILTIN_RUNTIME = "java11";

  /** The version of Alibaba's official {@code Java17} layer, as the project README uses it. */
  static final int JAVA17_LAYER_VERSION = 3;

  /** Where the {@code Java17} layer puts the JDK. */
  static final String JAVA_HOME = "/opt/java17";

  /** The port the launcher listens on in FC (FC's default for custom runtimes). */
  static final int PORT = 9000;

  /** The longest function name FC accepts. */
  static final int MAX_FUNCTION_NAME = 64;

  static final String HANDLER = "dev.fn4j.alibaba.FcHandler::handleRequest";
  static final String INITIALIZER = "dev.fn4j.alibaba.FcHandler::initialize";

  /** Creates the writer. */
  public AlibabaServerlessDevsWriter() {}

  @Override
  public String platform() {
    return "alibaba";
  }

  @Override
  public List<GeneratedFile> write(DeploymentPlan plan) {
    Map<String, Object> resources = new LinkedHashMap<>();
    for (FunctionPlan function : plan.functions()) {
      resources.put(
          function.dnsName(), Names.ordered("component", "fc3", "props", props(plan, function)));
    }
    Map<String, Object> project = new LinkedHashMap<>();
    project.put("edition", "3.0.0");
    project.put("name", plan.application());
    project.put("access", "default");
    project.put("resources", resources);
    return List.of(new GeneratedFile("alibaba/s.yaml", Yaml.write(project)));
  }

  @Override
  public List<String> warnings(DeploymentPlan plan) {
    List<String> warnings = new ArrayList<>();
    if (builtin(plan)) {
      warnings.add(
          "<alibabaRuntime>builtin</alibabaRuntime> needs a built-in Java runtime of Java 17 or"
              + " newer, which FC does not offer yet: s.yaml names "
              + BUILTIN_RUNTIME
              + ", which cannot load fn4j's classes, so every function fails to start until you"
              + " change runtime to FC's Java 17+ runtime; <alibabaRuntime>custom</alibabaRuntime>"
              + " runs today");
    }
    for (FunctionPlan function : plan.functions()) {
      String name = functionName(plan, function);
      if (name.length() > MAX_FUNCTION_NAME) {
        warnings.add(
            "function '"
                + function.name()
                + "': its FC name '"
                + name
                + "' is longer than FC's "
                + MAX_FUNCTION_NAME
                + " characters; shorten the application's or the function's name");
      }
      if (function.trigger() instanceof Trigger.Event event) {
        warnings.add(
            "function '"
                + function.name()
                + "': its eventbridge trigger listens on EventBridge's default bus, which carries"
                + " only Alibaba Cloud services' events; if '"
                + event.type()
                + "' is your applications' event, publish it to a custom bus and add a rule there"
                + " with the function as target");
      }
    }
    return warnings;
  }

  private static Map<String, Object> props(DeploymentPlan plan, FunctionPlan function) {
    String region = plan.settings().alibabaRegion();
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("region", region);
    props.put("functionName", functionName(plan, function));
    props.put("runtime", builtin(plan) ? BUILTIN_RUNTIME : CUSTOM_RUNTIME);
    props.put("code", "../../" + plan.jarName());
    // A custom runtime does not call the handler, but FC requires one.
    props.put("handler", builtin(plan) ? HANDLER : "index.handler");
    props.put("memorySize", function.memoryMb());
    props.put("timeout", function.timeoutSeconds());
    Map<String, Object> environment = new LinkedHashMap<>();
    if (builtin(plan)) {
      props.put(
          "instanceLifecycleConfig",
          Names.ordered(
              "initializer",
              Names.ordered("handler", INITIALIZER, "timeout", function.timeoutSeconds())));
    } else {
      props.put(
          "layers",
          List.of("acs:fc:" + region + ":official:layers/Java17/versions/" + JAVA17_LAYER_VERSION));
      environment.put("PATH", JAVA_HOME + "/bin:/usr/local/bin:/usr/bin:/bin");
      environment.put("JAVA_HOME", JAVA_HOME);
      props.put(
          "customRuntimeConfig",
          Names.ordered(
              "command",
              List.of("java"),
              "args",
              List.of("-jar", "/code/" + plan.jarName()),
              "port",
              PORT));
    }
    environment.put("FN4J_FUNCTION", function.name());
    props.put("environmentVariables", environment);
    props.put("triggers", List.of(trigger(plan, function)));
    return props;
  }

  private static Map<String, Object> trigger(DeploymentPlan plan, FunctionPlan function) {
    Trigger trigger = function.trigger();
    if (trigger instanceof Trigger.Http http) {
      return trigger(
          "http",
          "http",
          Names.ordered("authType", "anonymous", "methods", List.of(http.method())));
    }
    if (trigger instanceof Trigger.Queue queue) {
      return mnsQueue(plan, function, queue);
    }
    if (trigger instanceof Trigger.Topic topic) {
      return mnsTopic(plan, topic);
    }
    if (trigger instanceof Trigger.Schedule schedule) {
      return trigger(
          "timer",
          "timer",
          Names.ordered(
              "cronExpression", schedule.cron().alibaba(), "enable", true, "payload", ""));
    }
    if (trigger instanceof Trigger.Event event) {
      return trigger(
          "eventbridge",
          "eventbridge",
          eventBridge(
              "{\"type\":[" + json(event.type()) + "]}",
              Names.ordered("eventSourceType", "Default")));
    }
    throw new AssertionError(trigger);
  }

  /** An MNS queue reaches FC through EventBridge; FC names the event source after the trigger. */
  private static Map<String, Object> mnsQueue(
      DeploymentPlan plan, FunctionPlan function, Trigger.Queue queue) {
    String triggerName = "mns-queue";
    String source = "MNS-" + functionName(plan, function) + "-" + triggerName;
    Map<String, Object> mns =
        Names.ordered(
            "QueueName",
            queue.name(),
            "RegionId",
            plan.settings().alibabaRegion(),
            "IsBase64Decode",
            true);
    return trigger(
        triggerName,
        "eventbridge",
        eventBridge(
            "{\"source\":[" + json(source) + "]}",
            Names.ordered(
                "eventSourceType",
                "MNS",
                "eventSourceParameters",
                Names.ordered("sourceMNSParameters", mns))));
  }

  private static Map<String, Object> mnsTopic(DeploymentPlan plan, Trigger.Topic topic) {
    String account = "${config('AccountID')}";
    Map<String, Object> trigger = new LinkedHashMap<>();
    trigger.put("triggerName", "mns-topic");
    trigger.put("triggerType", "mns_topic");
    trigger.put(
        "sourceArn",
        "acs:mns:" + plan.settings().alibabaRegion() + ":" + account + ":/topics/" + topic.name());
    trigger.put("invocationRole", "acs:ram::" + account + ":role/aliyunmnsnotificationrole");
    trigger.put(
        "triggerConfig",
        Names.ordered("notifyContentFormat", "JSON", "notifyStrategy", "BACKOFF_RETRY"));
    return trigger;
  }

  /**
   * An EventBridge trigger in event mode (the default), which invokes synchronously with one
   * CloudEvent per invocation, so that a failed invocation is retried by EventBridge.
   */
  private static Map<String, Object> eventBridge(
      String filterPattern, Map<String, Object> eventSource) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("triggerEnable", true);
    config.put("asyncInvocationType", false);
    config.put("eventRuleFilterPattern", filterPattern);
    config.put("eventSourceConfig", eventSource);
    return config;
  }

  private static Map<String, Object> trigger(String name, String type, Map<String, Object> config) {
    return Names.ordered("triggerName", name, "triggerType", type, "triggerConfig", config);
  }

  private static String functionName(DeploymentPlan plan, FunctionPlan function) {
    return plan.application() + "-" + function.dnsName();
  }

  private static boolean builtin(DeploymentPlan plan) {
    return plan.settings().alibabaRuntime().equals("builtin");
  }

  /** A JSON string literal. */
  private static String json(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
