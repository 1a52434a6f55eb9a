package dev.fn4j.maven;

import static dev.fn4j.maven.AwsAlibabaPlans.list;
import static dev.fn4j.maven.AwsAlibabaPlans.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SAM template {@link AwsSamWriter} writes: golden files for the sample and the events plan,
 * and the fields SAM documents as required, checked on the parsed template.
 *
 * <p>Golden files: {@code src/test/resources/golden/aws/<case>/template.yaml}; {@code mvn test
 * -Dfn4j.golden.update=true} rewrites them from the generated text (review the diff).
 */
class AwsSamWriterTest {

  private final AwsSamWriter writer = new AwsSamWriter();

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("sample", AwsAlibabaPlans.sample()),
        Arguments.of("events", AwsAlibabaPlans.events("custom")));
  }

  private static String template(DeploymentPlan plan) {
    List<GeneratedFile> files = new AwsSamWriter().write(plan);
    assertThat(files).extracting(GeneratedFile::path).containsExactly("aws/template.yaml");
    return files.get(0).content();
  }

  private static Map<String, Object> resources(DeploymentPlan plan) {
    return map(AwsAlibabaPlans.parse(template(plan)).get("Resources"));
  }

  private static Map<String, Object> properties(Map<String, Object> resources, String id) {
    assertThat(resources).containsKey(id);
    return map(map(resources.get(id)).get("Properties"));
  }

  /** The function's only event. */
  private static Map<String, Object> event(Map<String, Object> resources, String function) {
    Map<String, Object> events = map(properties(resources, function).get("Events"));
    assertThat(events).hasSize(1);
    return map(events.values().iterator().next());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void template_matches_its_golden_file(String name, DeploymentPlan plan) throws IOException {
    Golden.assertMatches("aws", name, new AwsSamWriter().write(plan));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void template_parses_and_has_what_sam_requires(String name, DeploymentPlan plan) {
    Map<String, Object> template = AwsAlibabaPlans.parse(template(plan));

    assertThat(template)
        .containsEntry("AWSTemplateFormatVersion", "2010-09-09")
        .containsEntry("Transform", "AWS::Serverless-2016-10-31");
    Map<String, Object> resources = map(template.get("Resources"));
    resources.forEach((id, resource) -> assertThat(map(resource)).containsKeys("Type"));
    for (FunctionPlan function : plan.functions()) {
      Map<String, Object> properties = properties(resources, function.resourceName() + "Function");
      assertThat(map(resources.get(function.resourceName() + "Function")))
          .containsEntry("Type", "AWS::Serverless::Function");
      assertThat(properties)
          .containsEntry("Handler", "dev.fn4j.aws.LambdaHandler")
          .containsEntry("Runtime", "java21")
          .containsEntry("CodeUri", "../../" + plan.jarName())
          .containsEntry("MemorySize", function.memoryMb())
          .containsEntry("Timeout", function.timeoutSeconds());
      assertThat(map(map(properties.get("Environment")).get("Variables")))
          .containsExactly(entry("FN4J_FUNCTION", function.name()));
    }
    for (Object resource : resources.values()) {
      Map<String, Object> properties = map(map(resource).get("Properties"));
      if (properties.get("Events") == null) {
        continue;
      }
      for (Object event : map(properties.get("Events")).values()) {
        if ("SQS".equals(map(event).get("Type"))) {
          Object queue = map(map(event).get("Properties")).get("Queue");
          String queueId = (String) list(map(queue).get("Fn::GetAtt")).get(0);
          assertThat(map(resources.get(queueId))).containsEntry("Type", "AWS::SQS::Queue");
        }
      }
    }
  }

  @Test
  void http_functions_get_http_api_routes_and_the_api_url_as_output() {
    Map<String, Object> template = AwsAlibabaPlans.parse(template(AwsAlibabaPlans.sample()));
    Map<String, Object> resources = map(template.get("Resources"));

    assertThat(event(resources, "UppercaseFunction"))
        .containsEntry("Type", "HttpApi")
        .containsEntry("Properties", Map.of("Path", "/uppercase", "Method", "POST"));
    assertThat(map(event(resources, "FortuneFunction").get("Properties")))
        .containsEntry("Method", "GET");
    assertThat(map(map(map(template.get("Outputs")).get("HttpApiUrl")).get("Value")))
        .containsEntry(
            "Fn::Sub",
            "https://${ServerlessHttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/");
  }

  @Test
  void without_http_functions_there_is_no_output() {
    Map<String, Object> template =
        AwsAlibabaPlans.parse(template(AwsAlibabaPlans.events("custom")));

    assertThat(template).doesNotContainKey("Outputs");
  }

  @Test
  void a_queue_trigger_reports_batch_item_failures_and_its_queue_outlives_six_timeouts() {
    Map<String, Object> resources = resources(AwsAlibabaPlans.events("custom"));

    Map<String, Object> event = event(resources, "ProcessOrderFunction");
    assertThat(event).containsEntry("Type", "SQS");
    assertThat(map(event.get("Properties")))
        .containsEntry("Queue", Map.of("Fn::GetAtt", List.of("OrdersQueue", "Arn")))
        .containsEntry("BatchSize", 10)
        .containsEntry("FunctionResponseTypes", List.of("ReportBatchItemFailures"));
    assertThat(properties(resources, "OrdersQueue"))
        .containsEntry("QueueName", "orders")
        .containsEntry("VisibilityTimeout", 6 * 60)
        .doesNotContainKey("FifoQueue");
  }

  @Test
  void consumers_of_one_queue_share_it_with_the_longest_timeout_six_times() {
    DeploymentPlan plan =
        AwsAlibabaPlans.plan(
            AwsAlibabaPlans.settings(false, "custom"),
            new FunctionPlan("fast", false, new Trigger.Queue("jobs.fifo"), 512, 10),
            new FunctionPlan("slow", false, new Trigger.Queue("jobs.fifo"), 512, 100));

    Map<String, Object> resources = resources(plan);

    assertThat(resources).containsOnlyKeys("FastFunction", "SlowFunction", "JobsFifoQueue");
    assertThat(properties(resources, "JobsFifoQueue"))
        .containsEntry("QueueName", "jobs.fifo")
        .containsEntry("FifoQueue", true)
        .containsEntry("VisibilityTimeout", 600);
  }

  @Test
  void topic_subscribers_share_one_topic_referenced_by_ref() {
    DeploymentPlan plan =
        AwsAlibabaPlans.plan(
            AwsAlibabaPlans.settings(false, "custom"),
            new FunctionPlan("audit", false, new Trigger.Topic("order-events"), 512, 30),
            new FunctionPlan("notify", false, new Trigger.Topic("order-events"), 512, 30));

    Map<String, Object> resources = resources(plan);

    assertThat(resources).containsOnlyKeys("AuditFunction", "NotifyFunction", "OrderEventsTopic");
    assertThat(map(resources.get("OrderEventsTopic"))).containsEntry("Type", "AWS::SNS::Topic");
    assertThat(properties(resources, "OrderEventsTopic"))
        .containsEntry("TopicName", "order-events");
    for (String function : List.of("AuditFunction", "NotifyFunction")) {
      assertThat(event(resources, function))
          .containsEntry("Type", "SNS")
          .containsEntry("Properties", Map.of("Topic", Map.of("Ref", "OrderEventsTopic")));
    }
  }

  @Test
  void a_schedule_runs_on_eventbridge_scheduler_in_utc_with_the_aws_cron() {
    Map<String, Object> event =
        event(resources(AwsAlibabaPlans.events("custom")), "DailyReportFunction");

    assertThat(event).containsEntry("Type", "ScheduleV2");
    assertThat(map(event.get("Properties")))
        .containsEntry("ScheduleExpression", "cron(0 6 ? * 2-6 *)")
        .containsEntry("ScheduleExpressionTimezone", "UTC")
        .containsEntry("OmitName", true);
  }

  @Test
  void an_event_trigger_is_an_eventbridge_rule_on_the_detail_type() {
    Map<String, Object> event =
        event(resources(AwsAlibabaPlans.events("custom")), "OrderCreatedFunction");

    assertThat(event).containsEntry("Type", "EventBridgeRule");
    assertThat(map(event.get("Properties")))
        .containsEntry("Pattern", Map.of("detail-type", List.of("com.acme.order.created")));
  }

  @Test
  void snap_start_publishes_versions_behind_an_alias_only_when_asked() {
    Map<String, Object> on =
        properties(resources(AwsAlibabaPlans.events("custom")), "ProcessOrderFunction");
    Map<String, Object> off = properties(resources(AwsAlibabaPlans.sample()), "UppercaseFunction");

    assertThat(on)
        .containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"))
        .containsEntry("AutoPublishAlias", "live");
    assertThat(off).doesNotContainKeys("SnapStart", "AutoPublishAlias");
  }

  @Test
  void the_runtime_comes_from_the_settings() {
    DeploymentPlan.Settings java17 =
        new DeploymentPlan.Settings(
            false,
            "java17",
            "custom",
            "cn-hangzhou",
            "europe-west1",
            "java17",
            "img",
            "default",
            3,
            null);

    Map<String, Object> resources =
        resources(AwsAlibabaPlans.plan(java17, AwsAlibabaPlans.http("echo", false)));

    assertThat(properties(resources, "EchoFunction")).containsEntry("Runtime", "java17");
  }

  @Test
  void an_http_function_that_may_outlast_api_gateway_is_warned_about() {
    DeploymentPlan plan =
        AwsAlibabaPlans.plan(
            AwsAlibabaPlans.settings(false, "custom"),
            new FunctionPlan("report", false, new Trigger.Http("/report", "POST"), 512, 31),
            new FunctionPlan("quick", false, new Trigger.Http("/quick", "POST"), 512, 30),
            new FunctionPlan("batch", false, new Trigger.Queue("batch"), 512, 300));

    assertThat(writer.warnings(plan))
        .singleElement()
        .asString()
        .contains("function 'report'", "30 s", "31 s");
    assertThat(writer.warnings(AwsAlibabaPlans.sample())).isEmpty();
  }

  @Test
  void the_platform_is_aws() {
    assertThat(writer.platform()).isEqualTo("aws");
  }
}
