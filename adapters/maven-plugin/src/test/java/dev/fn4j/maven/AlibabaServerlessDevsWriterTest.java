package dev.fn4j.maven;

import static dev.fn4j.maven.AwsAlibabaPlans.list;
import static dev.fn4j.maven.AwsAlibabaPlans.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Serverless Devs project {@link AlibabaServerlessDevsWriter} writes: golden files for the
 * sample and the events plan (custom and built-in runtime), and the fields the fc3 component
 * documents as required, checked on the parsed file.
 *
 * <p>Golden files: {@code src/test/resources/golden/alibaba/<case>/s.yaml}; {@code mvn test
 * -Dfn4j.golden.update=true} rewrites them from the generated text (review the diff).
 */
class AlibabaServerlessDevsWriterTest {

  private final AlibabaServerlessDevsWriter writer = new AlibabaServerlessDevsWriter();

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("sample", AwsAlibabaPlans.sample()),
        Arguments.of("events", AwsAlibabaPlans.events("custom")),
        Arguments.of("events-builtin", AwsAlibabaPlans.events("builtin")));
  }

  private static String project(DeploymentPlan plan) {
    List<GeneratedFile> files = new AlibabaServerlessDevsWriter().write(plan);
    assertThat(files).extracting(GeneratedFile::path).containsExactly("alibaba/s.yaml");
    return files.get(0).content();
  }

  /** The props of the function's resource. */
  private static Map<String, Object> props(DeploymentPlan plan, String function) {
    Map<String, Object> resources = map(AwsAlibabaPlans.parse(project(plan)).get("resources"));
    assertThat(resources).containsKey(function);
    return map(map(resources.get(function)).get("props"));
  }

  /** The function's only trigger. */
  private static Map<String, Object> trigger(DeploymentPlan plan, String function) {
    List<Object> triggers = list(props(plan, function).get("triggers"));
    assertThat(triggers).hasSize(1);
    return map(triggers.get(0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void project_matches_its_golden_file(String name, DeploymentPlan plan) throws IOException {
    Golden.assertMatches("alibaba", name, new AlibabaServerlessDevsWriter().write(plan));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void project_parses_and_has_what_fc3_requires(String name, DeploymentPlan plan) {
    Map<String, Object> project = AwsAlibabaPlans.parse(project(plan));

    assertThat(project)
        .containsEntry("edition", "3.0.0")
        .containsEntry("name", plan.application())
        .containsEntry("access", "default");
    Map<String, Object> resources = map(project.get("resources"));
    assertThat(resources).hasSize(plan.functions().size());
    for (FunctionPlan function : plan.functions()) {
      Map<String, Object> resource = map(resources.get(function.dnsName()));
      assertThat(resource).containsEntry("component", "fc3");
      Map<String, Object> props = map(resource.get("props"));
      assertThat(props)
          .containsEntry("region", "cn-hangzhou")
          .containsEntry("functionName", plan.application() + "-" + function.dnsName())
          .containsEntry("code", "../../" + plan.jarName())
          .containsEntry("memorySize", function.memoryMb())
          .containsEntry("timeout", function.timeoutSeconds())
          .containsKeys("runtime", "handler");
      assertThat(map(props.get("environmentVariables")))
          .containsEntry("FN4J_FUNCTION", function.name());
      for (Object trigger : list(props.get("triggers"))) {
        assertThat(map(trigger)).containsKeys("triggerName", "triggerType", "triggerConfig");
        assertThat(map(trigger).get("triggerConfig")).isInstanceOf(Map.class);
      }
    }
  }

  @Test
  void the_custom_runtime_starts_the_jar_with_the_official_java17_layer() {
    DeploymentPlan plan = AwsAlibabaPlans.sample();

    Map<String, Object> props = props(plan, "uppercase");

    assertThat(props)
        .containsEntry("runtime", "custom.debian10")
        .containsEntry("handler", "index.handler")
        .containsEntry("layers", List.of("acs:fc:cn-hangzhou:official:layers/Java17/versions/3"))
        .containsEntry(
            "customRuntimeConfig",
            Map.of(
                "command",
                List.of("java"),
                "args",
                List.of("-jar", "/code/hello.jar"),
                "port",
                9000))
        .doesNotContainKey("instanceLifecycleConfig");
    assertThat(map(props.get("environmentVariables")))
        .containsEntry("JAVA_HOME", "/opt/java17")
        .hasEntrySatisfying(
            "PATH", path -> assertThat((String) path).startsWith("/opt/java17/bin:"));
    // Serverless Devs zips a jar for a custom runtime only when the command line holds "java -jar".
    Map<String, Object> runtime = map(props.get("customRuntimeConfig"));
    assertThat(String.join(" ", concat(list(runtime.get("command")), list(runtime.get("args")))))
        .contains("java -jar");
  }

  private static List<String> concat(List<Object> first, List<Object> second) {
    return Stream.concat(first.stream(), second.stream()).map(String::valueOf).toList();
  }

  @Test
  void the_builtin_runtime_names_fc_handler_and_is_warned_about() {
    DeploymentPlan plan = AwsAlibabaPlans.events("builtin");

    Map<String, Object> props = props(plan, "process-order");

    assertThat(props)
        .containsEntry("runtime", "java11")
        .containsEntry("handler", "dev.fn4j.alibaba.FcHandler::handleRequest")
        .containsEntry(
            "instanceLifecycleConfig",
            Map.of(
                "initializer",
                Map.of("handler", "dev.fn4j.alibaba.FcHandler::initialize", "timeout", 60)))
        .doesNotContainKeys("layers", "customRuntimeConfig");
    assertThat(map(props.get("environmentVariables"))).containsOnlyKeys("FN4J_FUNCTION");
    assertThat(writer.warnings(plan))
        .anySatisfy(w -> assertThat(w).contains("builtin", "Java 17", "java11"));
    assertThat(writer.warnings(AwsAlibabaPlans.events("custom")))
        .noneSatisfy(w -> assertThat(w).contains("java11"));
  }

  @Test
  void an_http_trigger_is_anonymous_with_the_functions_method() {
    DeploymentPlan plan = AwsAlibabaPlans.sample();

    assertThat(trigger(plan, "greet"))
        .containsEntry("triggerType", "http")
        .containsEntry(
            "triggerConfig", Map.of("authType", "anonymous", "methods", List.of("POST")));
    assertThat(map(trigger(plan, "fortune").get("triggerConfig")))
        .containsEntry("methods", List.of("GET"));
  }

  @Test
  void a_topic_trigger_subscribes_to_the_mns_topic_with_json_notifications() {
    Map<String, Object> trigger = trigger(AwsAlibabaPlans.sample(), "greetings");

    assertThat(trigger)
        .containsEntry("triggerType", "mns_topic")
        .containsEntry("sourceArn", "acs:mns:cn-hangzhou:${config('AccountID')}:/topics/greetings")
        .containsEntry(
            "invocationRole", "acs:ram::${config('AccountID')}:role/aliyunmnsnotificationrole")
        .containsEntry(
            "triggerConfig",
            Map.of("notifyContentFormat", "JSON", "notifyStrategy", "BACKOFF_RETRY"));
  }

  @Test
  void a_queue_trigger_is_an_eventbridge_trigger_with_the_mns_queue_as_source() {
    Map<String, Object> trigger = trigger(AwsAlibabaPlans.events("custom"), "process-order");

    assertThat(trigger)
        .containsEntry("triggerName", "mns-queue")
        .containsEntry("triggerType", "eventbridge");
    Map<String, Object> config = map(trigger.get("triggerConfig"));
    assertThat(config)
        .containsEntry("triggerEnable", true)
        .containsEntry("asyncInvocationType", false);
    Map<String, Object> source = map(config.get("eventSourceConfig"));
    assertThat(source).containsEntry("eventSourceType", "MNS");
    assertThat(map(map(source.get("eventSourceParameters")).get("sourceMNSParameters")))
        .containsEntry("QueueName", "orders")
        .containsEntry("RegionId", "cn-hangzhou");
    // The filter pattern is JSON text, which a YAML parser reads too.
    assertThat(AwsAlibabaPlans.parse((String) config.get("eventRuleFilterPattern")))
        .containsExactly(Map.entry("source", List.of("MNS-orders-process-order-mns-queue")));
  }

  @Test
  void an_event_trigger_filters_the_default_bus_on_the_type_and_is_warned_about() {
    DeploymentPlan plan = AwsAlibabaPlans.events("custom");
    Map<String, Object> trigger = trigger(plan, "order-created");

    assertThat(trigger).containsEntry("triggerType", "eventbridge");
    Map<String, Object> config = map(trigger.get("triggerConfig"));
    assertThat(map(config.get("eventSourceConfig"))).containsEntry("eventSourceType", "Default");
    assertThat(AwsAlibabaPlans.parse((String) config.get("eventRuleFilterPattern")))
        .containsExactly(Map.entry("type", List.of("com.acme.order.created")));
    assertThat(writer.warnings(plan))
        .singleElement()
        .asString()
        .contains("function 'orderCreated'", "default bus", "custom bus");
  }

  @Test
  void a_schedule_is_a_timer_in_utc_with_seconds_and_named_days() {
    Map<String, Object> trigger = trigger(AwsAlibabaPlans.events("custom"), "daily-report");

    assertThat(trigger).containsEntry("triggerType", "timer");
    assertThat(map(trigger.get("triggerConfig")))
        .containsEntry("cronExpression", "CRON_TZ=UTC 0 0 6 * * MON-FRI")
        .containsEntry("enable", true)
        .containsEntry("payload", "");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0 6 * * 1-5      | CRON_TZ=UTC 0 0 6 * * MON-FRI",
        "*/15 * * * *     | CRON_TZ=UTC 0 */15 * * * *",
        "0 0 1 * *        | CRON_TZ=UTC 0 0 0 1 * *",
        "30 2 * * 0       | CRON_TZ=UTC 0 30 2 * * SUN",
        "30 2 * * 7       | CRON_TZ=UTC 0 30 2 * * SUN",
        "0 12 * * 1,3,5   | CRON_TZ=UTC 0 0 12 * * MON,WED,FRI",
        "0 12 * * 1-5/2   | CRON_TZ=UTC 0 0 12 * * MON-FRI/2",
        "0 12 * * */2     | CRON_TZ=UTC 0 0 12 * * */2",
        "0 12 * * SAT,SUN | CRON_TZ=UTC 0 0 12 * * SAT,SUN",
      })
  void unix_schedules_become_fc_timer_expressions(String unix, String fc) {
    assertThat(Cron.parse(unix).alibaba()).isEqualTo(fc);
  }

  @Test
  void a_function_name_longer_than_fc_allows_is_warned_about() {
    String longName = "a".repeat(30) + "Function" + "b".repeat(30);
    DeploymentPlan plan =
        AwsAlibabaPlans.plan(
            AwsAlibabaPlans.settings(false, "custom"),
            AwsAlibabaPlans.http(longName, false),
            AwsAlibabaPlans.http("short", false));

    assertThat(writer.warnings(plan))
        .singleElement()
        .asString()
        .contains("function '" + longName + "'", "64");
    assertThat(writer.warnings(AwsAlibabaPlans.sample())).isEmpty();
  }

  @Test
  void the_region_comes_from_the_settings() {
    DeploymentPlan.Settings singapore =
        new DeploymentPlan.Settings(
            false,
            "java21",
            "custom",
            "ap-southeast-1",
            "europe-west1",
            "java17",
            "img",
            "default",
            3,
            null);
    DeploymentPlan plan =
        AwsAlibabaPlans.plan(
            singapore, new FunctionPlan("news", false, new Trigger.Topic("news"), 512, 30));

    Map<String, Object> props = props(plan, "news");

    assertThat(props)
        .containsEntry("region", "ap-southeast-1")
        .containsEntry(
            "layers", List.of("acs:fc:ap-southeast-1:official:layers/Java17/versions/3"));
    assertThat(map(list(props.get("triggers")).get(0)))
        .containsEntry("sourceArn", "acs:mns:ap-southeast-1:${config('AccountID')}:/topics/news");
  }

  @Test
  void the_platform_is_alibaba() {
    assertThat(writer.platform()).isEqualTo("alibaba");
  }
}
