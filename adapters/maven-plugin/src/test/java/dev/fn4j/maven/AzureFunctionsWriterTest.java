package dev.fn4j.maven;

import static dev.fn4j.maven.AzureGcpKnativePlans.http;
import static dev.fn4j.maven.AzureGcpKnativePlans.plan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tests {@link AzureFunctionsWriter}: golden files (rewrite them with {@code
 * -Dfn4j.golden.update=true}, see {@link AzureGcpKnativePlans}), the fields the Functions host
 * requires, and the adapter's tested custom handler templates.
 */
class AzureFunctionsWriterTest {

  /** The adapter's tested custom handler templates (the test runs in the module's folder). */
  private static final Path TEMPLATES =
      Path.of("../azure/src/main/resources/dev/fn4j/azure/descriptors/custom-handler");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AzureFunctionsWriter writer = new AzureFunctionsWriter();

  @Test
  void the_sample_matches_its_golden_files() throws IOException {
    Golden.assertMatches("azure", "sample", writer.write(AzureGcpKnativePlans.sample()));
  }

  @Test
  void every_trigger_matches_its_golden_files() throws IOException {
    Golden.assertMatches("azure", "triggers", writer.write(AzureGcpKnativePlans.triggers()));
  }

  @Test
  void host_json_is_the_templates_with_the_jar_and_the_largest_timeout() throws IOException {
    // given
    DeploymentPlan plan = AzureGcpKnativePlans.triggers();

    // when
    ObjectNode host = (ObjectNode) parse(files(plan).get("host.json"));

    // then
    assertThat(host.path("version").asText()).isEqualTo("2.0");
    assertThat(host.path("functionTimeout").asText()).isEqualTo("00:05:00");
    JsonNode description = host.path("customHandler").path("description");
    assertThat(description.path("defaultExecutablePath").asText()).isEqualTo("java");
    assertThat(texts(description.path("arguments"))).containsExactly("-jar", "shop-1.0.jar");
    ObjectNode template = (ObjectNode) JSON.readTree(TEMPLATES.resolve("host.json").toFile());
    host.remove("functionTimeout");
    ((ObjectNode) host.path("customHandler").path("description"))
        .withArray("arguments")
        .set(1, template.path("customHandler").path("description").path("arguments").get(1));
    assertThat(host).isEqualTo(template);
  }

  @Test
  void each_function_gets_a_folder_named_like_it() {
    assertThat(files(AzureGcpKnativePlans.sample()).keySet())
        .containsExactly(
            "fortune/function.json",
            "greet/function.json",
            "greetings/function.json",
            "host.json",
            "reverse/function.json",
            "uppercase/function.json");
    assertThat(files(AzureGcpKnativePlans.triggers()).keySet())
        .contains("shipOrder/function.json", "orders/function.json");
  }

  @ParameterizedTest
  @CsvSource({
    "uppercase, uppercase",
    "ship_order-2, ship_order-2",
    "order.created, order-created",
    "orderCreated, orderCreated",
    "order$created, order-created",
    "1st, fn-1st",
    "host, fn-host",
    "Host, fn-host"
  })
  void azure_function_names_keep_the_name_when_azure_allows_it(String name, String azureName) {
    FunctionPlan function = http(name, "/" + name, 512, 30);

    assertThat(AzureFunctionsWriter.functionName(function)).isEqualTo(azureName);
    assertThat(files(plan(function))).containsKey(azureName + "/function.json");
  }

  @Test
  void every_function_json_has_the_fields_its_trigger_requires() {
    List<JsonNode> triggers = new ArrayList<>();
    for (DeploymentPlan plan :
        List.of(AzureGcpKnativePlans.sample(), AzureGcpKnativePlans.triggers())) {
      for (Map.Entry<String, String> file : files(plan).entrySet()) {
        if (file.getKey().equals("host.json")) {
          continue;
        }
        JsonNode bindings = parse(file.getValue()).path("bindings");
        assertThat(bindings.isArray()).as(file.getKey()).isTrue();
        assertThat(bindings.size()).as(file.getKey()).isPositive();
        for (JsonNode binding : bindings) {
          assertThat(binding.path("type").isTextual()).as(file.getKey()).isTrue();
          assertThat(binding.path("direction").asText()).isIn("in", "out");
          assertThat(binding.path("name").asText()).matches("[a-zA-Z][a-zA-Z0-9]*");
        }
        JsonNode trigger = bindings.get(0);
        assertThat(trigger.path("direction").asText()).isEqualTo("in");
        assertThat(trigger.path("type").asText()).endsWith("Trigger");
        triggers.add(trigger);
      }
    }
    assertThat(triggers)
        .extracting(t -> t.path("type").asText())
        .contains(
            "httpTrigger", "queueTrigger", "serviceBusTrigger", "timerTrigger", "eventGridTrigger");
    for (JsonNode trigger : triggers) {
      switch (trigger.path("type").asText()) {
        case "httpTrigger" -> {
          assertThat(trigger.path("authLevel").asText()).isEqualTo("function");
          assertThat(texts(trigger.path("methods"))).hasSize(1).allMatch(m -> m.matches("[a-z]+"));
        }
        case "queueTrigger" -> assertThat(trigger.path("queueName").asText()).isEqualTo("orders");
        case "serviceBusTrigger" -> {
          assertThat(trigger.path("topicName").asText()).isEqualTo("greetings");
          assertThat(trigger.path("subscriptionName").asText()).isEqualTo("hello");
        }
        case "timerTrigger" ->
            assertThat(trigger.path("schedule").asText()).isEqualTo("0 0 6 * * 1-5");
        case "eventGridTrigger" -> assertThat(trigger.size()).isEqualTo(3);
        default -> throw new AssertionError(trigger);
      }
    }
  }

  @Test
  void http_bindings_are_the_templates_with_the_functions_method_and_route() throws IOException {
    // given
    JsonNode template = JSON.readTree(TEMPLATES.resolve("fn4j-http/function.json").toFile());

    // when
    Map<String, String> files = files(AzureGcpKnativePlans.triggers());
    JsonNode greet = parse(files.get("greet/function.json"));
    JsonNode fortune = parse(files(AzureGcpKnativePlans.sample()).get("fortune/function.json"));

    // then
    assertThat(texts(greet.path("bindings").get(0).path("methods"))).containsExactly("post");
    assertThat(greet.path("bindings").get(0).path("route").asText()).isEqualTo("v1/hello");
    assertThat(texts(fortune.path("bindings").get(0).path("methods"))).containsExactly("get");
    assertThat(fortune.path("bindings").get(0).path("route").asText()).isEqualTo("fortune");
    ((ObjectNode) greet.path("bindings").get(0))
        .set("methods", template.path("bindings").get(0).path("methods"));
    ((ObjectNode) greet.path("bindings").get(0))
        .set("route", template.path("bindings").get(0).path("route"));
    assertThat(greet).isEqualTo(template);
  }

  @ParameterizedTest
  @CsvSource({
    "orders/function.json, fn4j-queue",
    "report/function.json, fn4j-timer",
    "shipOrder/function.json, fn4j-eventgrid"
  })
  void event_bindings_share_the_templates_fields(String file, String templateFolder)
      throws IOException {
    JsonNode template =
        JSON.readTree(TEMPLATES.resolve(templateFolder + "/function.json").toFile());

    JsonNode generated = parse(files(AzureGcpKnativePlans.triggers()).get(file));

    assertSharedFieldsEqual(generated, template);
  }

  @Test
  void topics_are_service_bus_bindings_like_the_templates() throws IOException {
    JsonNode template = JSON.readTree(TEMPLATES.resolve("fn4j-servicebus/function.json").toFile());

    JsonNode generated = parse(files(AzureGcpKnativePlans.sample()).get("greetings/function.json"));

    assertSharedFieldsEqual(generated, template);
    assertThat(generated.path("bindings").get(0).has("queueName")).isFalse();
  }

  @Test
  void an_http_path_of_slash_leaves_the_route_to_azure() {
    JsonNode binding =
        parse(files(plan(http("root", "/", 512, 30))).get("root/function.json"))
            .path("bindings")
            .get(0);

    assertThat(binding.has("route")).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"1, 00:00:01", "30, 00:00:30", "61, 00:01:01", "600, 00:10:00", "900, 00:15:00"})
  void timeouts_are_written_as_hours_minutes_seconds(int seconds, String duration) {
    assertThat(AzureFunctionsWriter.duration(seconds)).isEqualTo(duration);
    assertThat(
            parse(
                    files(plan(http("a", "/a", 512, seconds), http("b", "/b", 512, 1)))
                        .get("host.json"))
                .path("functionTimeout")
                .asText())
        .isEqualTo(duration);
  }

  @Test
  void the_sample_warns_only_that_the_topic_needs_its_subscription() {
    assertThat(writer.warnings(AzureGcpKnativePlans.sample()))
        .containsExactly(
            "function 'greetings': the trigger reads the subscription 'hello' of Service Bus topic"
                + " 'greetings': create it with the topic (the trigger does not)");
  }

  @Test
  void an_event_trigger_warns_that_the_subscription_must_filter_its_type() {
    List<String> warnings =
        writer.warnings(
            plan(new FunctionPlan("ship", false, new Trigger.Event("com.acme.shipped"), 512, 30)));

    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0))
        .startsWith("function 'ship': ")
        .contains("Event Grid subscription", "'ship'", "'com.acme.shipped'");
  }

  @Test
  void different_memory_is_warned_once_and_equal_memory_not_at_all() {
    DeploymentPlan different =
        plan(http("a", "/a", 256, 30), http("b", "/b", 1024, 30), http("c", "/c", 512, 30));

    assertThat(writer.warnings(different))
        .containsExactly(
            "the functions ask for 256 to 1024 MiB of memory, but an Azure function app has one"
                + " memory size for all its functions, set by its hosting plan: choose a plan that"
                + " gives 1024 MiB");
    assertThat(writer.warnings(plan(http("a", "/a", 256, 30), http("b", "/b", 256, 30)))).isEmpty();
  }

  @Test
  void timeouts_azure_cannot_honour_are_warned() {
    List<String> warnings =
        writer.warnings(
            plan(
                http("slow", "/slow", 512, 231),
                new FunctionPlan("batch", false, new Trigger.Queue("batch"), 512, 601)));

    assertThat(warnings).hasSize(2);
    assertThat(warnings.get(0)).startsWith("function 'slow': ").contains("230 s", "231 s");
    assertThat(warnings.get(1)).contains("00:10:01", "Consumption");
    assertThat(writer.warnings(plan(http("ok", "/ok", 512, 230)))).isEmpty();
  }

  @Test
  void paths_that_do_not_start_with_the_name_need_routing_paths() {
    assertThat(writer.warnings(AzureGcpKnativePlans.triggers()))
        .contains(
            "the custom handler routes proxied HTTP requests by path, and some paths do not start"
                + " with their function's name: set the app setting"
                + " FN4J_ROUTING_PATHS=/v1/hello=greet");
    assertThat(writer.warnings(plan(http("greet", "/greet/fr", 512, 30)))).isEmpty();
  }

  @Test
  void event_functions_azure_must_rename_are_warned() {
    List<String> warnings =
        writer.warnings(
            plan(
                new FunctionPlan("order.paid", false, new Trigger.Queue("paid"), 512, 30),
                http("web.page", "/web.page", 512, 30)));

    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0)).startsWith("function 'order.paid': ").contains("'order-paid'");
  }

  @Test
  void queue_names_azure_storage_refuses_are_warned() {
    assertThat(
            writer.warnings(
                plan(new FunctionPlan("orders", false, new Trigger.Queue("Orders_1"), 512, 30))))
        .singleElement()
        .asString()
        .contains("'Orders_1'", "Azure Storage queue name");
    assertThat(
            writer.warnings(
                plan(new FunctionPlan("orders", false, new Trigger.Queue("orders-1"), 512, 30))))
        .isEmpty();
  }

  private Map<String, String> files(DeploymentPlan plan) {
    return AzureGcpKnativePlans.byPath("azure", writer.write(plan));
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  private static List<String> texts(JsonNode array) {
    assertThat(array.isArray()).as("%s is an array", array).isTrue();
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }

  /**
   * Asserts one binding each, with the same type, direction and name, and equal values wherever
   * both have a field the template does not leave to an app setting ({@code %...%}).
   */
  private static void assertSharedFieldsEqual(JsonNode generated, JsonNode template) {
    assertThat(generated.path("bindings").size()).isEqualTo(template.path("bindings").size());
    for (int i = 0; i < template.path("bindings").size(); i++) {
      JsonNode ours = generated.path("bindings").get(i);
      JsonNode theirs = template.path("bindings").get(i);
      int shared = 0;
      for (Iterator<String> names = theirs.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (ours.has(name) && !theirs.path(name).asText().startsWith("%")) {
          assertThat(ours.path(name)).as(name).isEqualTo(theirs.path(name));
          shared++;
        }
      }
      assertThat(shared).isGreaterThanOrEqualTo(3);
      assertThat(ours.path("type")).isEqualTo(theirs.path("type"));
      assertThat(ours.path("name")).isEqualTo(theirs.path("name"));
    }
  }
}
