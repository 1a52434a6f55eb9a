package dev.fn4j.maven;

import static dev.fn4j.maven.AzureGcpKnativePlans.http;
import static dev.fn4j.maven.AzureGcpKnativePlans.plan;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Tests {@link KnativeWriter}: golden files (rewrite them with {@code -Dfn4j.golden.update=true},
 * see {@link AzureGcpKnativePlans}) and every document read back by snakeyaml.
 */
class KnativeWriterTest {

  private final KnativeWriter writer = new KnativeWriter();

  @Test
  void the_sample_matches_its_golden_files() throws IOException {
    Golden.assertMatches("knative", "sample", writer.write(AzureGcpKnativePlans.sample()));
  }

  @Test
  void every_trigger_matches_its_golden_files() throws IOException {
    Golden.assertMatches("knative", "triggers", writer.write(AzureGcpKnativePlans.triggers()));
  }

  @Test
  void one_service_runs_every_function_with_the_largest_memory_and_timeout() {
    // when
    List<Map<String, Object>> documents =
        documents(AzureGcpKnativePlans.triggers(), "service.yaml");

    // then
    assertThat(documents).hasSize(1);
    Map<String, Object> service = documents.get(0);
    assertThat(service)
        .containsEntry("apiVersion", "serving.knative.dev/v1")
        .containsEntry("kind", "Service");
    assertThat(map(service, "metadata")).containsEntry("name", "shop");
    Map<String, Object> podSpec = map(map(map(service, "spec"), "template"), "spec");
    assertThat(podSpec)
        .containsEntry("timeoutSeconds", 300)
        .doesNotContainKey("containerConcurrency");
    List<Map<String, Object>> containers = list(podSpec, "containers");
    assertThat(containers).hasSize(1);
    Map<String, Object> container = containers.get(0);
    assertThat(container).containsEntry("image", "registry.example/acme/hello:1.0");
    assertThat(map(map(container, "readinessProbe"), "httpGet"))
        .containsEntry("path", "/_fn4j/ready");
    assertThat(map(map(container, "resources"), "limits")).containsEntry("memory", "1024Mi");
  }

  @Test
  void the_service_sets_routing_paths_only_for_paths_that_do_not_name_their_function() {
    Map<String, Object> shop = container(AzureGcpKnativePlans.triggers());
    Map<String, Object> hello = container(AzureGcpKnativePlans.sample());

    assertThat(list(shop, "env"))
        .containsExactly(Map.of("name", "FN4J_ROUTING_PATHS", "value", "/v1/hello=greet"));
    assertThat(hello).doesNotContainKey("env");
    assertThat(plan(http("greet", "/greet/fr", 512, 30)).routingPaths()).isNull();
    assertThat(
            plan(http("a", "/x/a", 512, 30), http("b", "/b", 512, 30), http("c", "/", 512, 30))
                .routingPaths())
        .isEqualTo("/x/a=a");
  }

  @Test
  void an_event_function_gets_a_broker_trigger_on_its_type_delivered_to_its_path() {
    // when
    List<Map<String, Object>> documents =
        documents(AzureGcpKnativePlans.triggers(), "triggers.yaml");

    // then
    assertThat(documents).extracting(d -> d.get("kind")).containsExactly("PingSource", "Trigger");
    Map<String, Object> trigger = documents.get(1);
    assertThat(trigger).containsEntry("apiVersion", "eventing.knative.dev/v1");
    assertThat(map(trigger, "metadata")).containsEntry("name", "shop-ship-order");
    Map<String, Object> spec = map(trigger, "spec");
    assertThat(spec).containsEntry("broker", "default");
    assertThat(map(map(spec, "filter"), "attributes"))
        .containsExactly(Map.entry("type", "com.acme.order.created"));
    assertThat(map(spec, "subscriber")).containsEntry("uri", "/shipOrder");
    assertThat(map(map(spec, "subscriber"), "ref"))
        .containsEntry("apiVersion", "serving.knative.dev/v1")
        .containsEntry("kind", "Service")
        .containsEntry("name", "shop");
    Map<String, Object> delivery = map(spec, "delivery");
    assertThat(delivery)
        .containsEntry("retry", 3)
        .containsEntry("backoffPolicy", "exponential")
        .containsEntry("backoffDelay", "PT0.5S");
    assertThat(map(delivery, "deadLetterSink"))
        .containsExactly(Map.entry("uri", "http://dead-letters.default.svc.cluster.local"));
  }

  @Test
  void a_trigger_without_a_dead_letter_sink_has_none() {
    List<Map<String, Object>> documents =
        documents(
            plan(new FunctionPlan("ship", false, new Trigger.Event("com.acme.shipped"), 512, 30)),
            "triggers.yaml");

    assertThat(map(map(documents.get(0), "spec"), "delivery"))
        .doesNotContainKey("deadLetterSink")
        .containsEntry("retry", 3);
  }

  @Test
  void a_scheduled_function_gets_a_ping_source_in_utc_sent_to_its_path() {
    Map<String, Object> ping = documents(AzureGcpKnativePlans.triggers(), "triggers.yaml").get(0);

    assertThat(ping)
        .containsEntry("apiVersion", "sources.knative.dev/v1")
        .containsEntry("kind", "PingSource");
    assertThat(map(ping, "metadata")).containsEntry("name", "shop-report");
    Map<String, Object> spec = map(ping, "spec");
    assertThat(spec).containsEntry("schedule", "0 6 * * 1-5").containsEntry("timezone", "UTC");
    assertThat(map(spec, "sink")).containsEntry("uri", "/report");
    assertThat(map(map(spec, "sink"), "ref"))
        .containsEntry("kind", "Service")
        .containsEntry("name", "shop");
  }

  @Test
  void without_events_or_schedules_there_is_no_triggers_file() {
    assertThat(AzureGcpKnativePlans.byPath("knative", writer.write(AzureGcpKnativePlans.sample())))
        .containsOnlyKeys("service.yaml");
  }

  @Test
  void queues_and_topics_are_warned_with_the_sink_their_source_needs() {
    List<String> warnings = writer.warnings(AzureGcpKnativePlans.sample());

    assertThat(warnings)
        .containsExactly(
            "function 'greetings': Knative has no topic trigger of its own; create the cluster's"
                + " source for topic 'greetings' (KafkaSource, RabbitmqSource, ...) with sink the"
                + " Service 'hello' and uri /greetings");
    assertThat(writer.warnings(AzureGcpKnativePlans.triggers()))
        .singleElement()
        .asString()
        .startsWith("function 'orders': Knative has no queue trigger");
  }

  @Test
  void timeouts_over_knatives_default_maximum_are_warned() {
    assertThat(writer.warnings(plan(http("slow", "/slow", 512, 601))))
        .singleElement()
        .asString()
        .contains("601", "max-revision-timeout-seconds");
    assertThat(writer.warnings(plan(http("ok", "/ok", 512, 600)))).isEmpty();
  }

  private Map<String, Object> container(DeploymentPlan plan) {
    Map<String, Object> service = documents(plan, "service.yaml").get(0);
    return list(map(map(map(service, "spec"), "template"), "spec"), "containers").get(0);
  }

  /** Every document of a file, read by a real YAML parser that builds only plain types. */
  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> documents(DeploymentPlan plan, String file) {
    String yaml = AzureGcpKnativePlans.byPath("knative", writer.write(plan)).get(file);
    assertThat(yaml).as(file).isNotNull();
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Object document :
        new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
      assertThat(document).isInstanceOf(Map.class);
      documents.add((Map<String, Object>) document);
    }
    return documents;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    assertThat(parent.get(key)).as(key).isInstanceOf(Map.class);
    return (Map<String, Object>) parent.get(key);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
    assertThat(parent.get(key)).as(key).isInstanceOf(List.class);
    return (List<Map<String, Object>>) parent.get(key);
  }
}
