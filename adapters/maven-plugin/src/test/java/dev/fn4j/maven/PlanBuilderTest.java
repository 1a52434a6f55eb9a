package dev.fn4j.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checks between the POM and the built application: every mistake fails the build naming the
 * POM, the function and what is wrong, before any file is written.
 */
class PlanBuilderTest {

  private static final List<CatalogEntry> CATALOG =
      List.of(
          new CatalogEntry("uppercase", false),
          new CatalogEntry("fortune", true),
          new CatalogEntry("greetings", false));

  private static final DeploymentPlan.Settings SETTINGS =
      new DeploymentPlan.Settings(
          false,
          "java21",
          "custom",
          "cn-hangzhou",
          "europe-west1",
          "java17",
          "hello:1.0",
          "default",
          3,
          null);

  private final PlanBuilder builder = new PlanBuilder("samples/hello/pom.xml", 512, 30);

  private DeploymentPlan build(FunctionConfig... configs) {
    return builder.build("hello", "hello.jar", CATALOG, List.of(configs), SETTINGS);
  }

  @Test
  void an_unconfigured_function_is_served_over_http_on_its_name_get_for_a_supplier() {
    DeploymentPlan plan = build();

    assertThat(plan.functions())
        .extracting(FunctionPlan::name, FunctionPlan::trigger, FunctionPlan::memoryMb)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "uppercase", new Trigger.Http("/uppercase", "POST"), 512),
            org.assertj.core.groups.Tuple.tuple(
                "fortune", new Trigger.Http("/fortune", "GET"), 512),
            org.assertj.core.groups.Tuple.tuple(
                "greetings", new Trigger.Http("/greetings", "POST"), 512));
  }

  @Test
  void each_trigger_kind_takes_its_own_parameter_and_resources_override_the_defaults() {
    DeploymentPlan plan =
        build(
            FunctionConfig.of("greetings", "topic").withTopic("greetings").withMemory(256),
            FunctionConfig.of("fortune", "schedule").withSchedule("0 6 * * 1-5").withTimeout(60),
            FunctionConfig.of("uppercase", "http").withPath("/api/upper"));

    assertThat(plan.functions())
        .extracting(FunctionPlan::trigger)
        .containsExactly(
            new Trigger.Http("/api/upper", "POST"),
            new Trigger.Schedule(Cron.parse("0 6 * * 1-5")),
            new Trigger.Topic("greetings"));
    assertThat(plan.functions().get(1).timeoutSeconds()).isEqualTo(60);
    assertThat(plan.functions().get(2).memoryMb()).isEqualTo(256);
    assertThat(build(FunctionConfig.of("uppercase", "queue").withQueue("orders")).functions())
        .first()
        .extracting(FunctionPlan::trigger)
        .isEqualTo(new Trigger.Queue("orders"));
    assertThat(
            build(FunctionConfig.of("greetings", "event").withEventType("com.acme.order.created"))
                .functions())
        .last()
        .extracting(FunctionPlan::trigger)
        .isEqualTo(new Trigger.Event("com.acme.order.created"));
  }

  @Test
  void an_unknown_function_names_the_pom_and_the_functions_there_are() {
    assertThatThrownBy(() -> build(FunctionConfig.of("farewell", "http")))
        .isInstanceOf(DescriptorConfigurationException.class)
        .hasMessage(
            "samples/hello/pom.xml: fn4j-maven-plugin <function> 'farewell': no such function in"
                + " the built application; it has: uppercase, fortune, greetings");
  }

  @Test
  void a_trigger_without_its_parameter_says_which_one() {
    assertThatThrownBy(() -> build(FunctionConfig.of("greetings", "queue")))
        .hasMessageEndingWith("<function> 'greetings': a queue trigger needs <queue>");
    assertThatThrownBy(() -> build(FunctionConfig.of("greetings", "topic")))
        .hasMessageEndingWith("a topic trigger needs <topic>");
    assertThatThrownBy(() -> build(FunctionConfig.of("greetings", "schedule")))
        .hasMessageContaining("a schedule trigger needs <schedule>");
    assertThatThrownBy(() -> build(FunctionConfig.of("greetings", "event")))
        .hasMessageEndingWith("an event trigger needs <eventType>");
  }

  @Test
  void parameters_of_another_trigger_kind_contradict_it() {
    assertThatThrownBy(
            () -> build(FunctionConfig.of("greetings", "topic").withTopic("t").withQueue("q")))
        .hasMessageEndingWith("<function> 'greetings': <queue> does not belong to a topic trigger");
    assertThatThrownBy(() -> build(FunctionConfig.of("greetings", null).withQueue("q")))
        .hasMessageEndingWith(
            "<queue> does not belong to a http trigger (no <trigger> given means http)");
    assertThatThrownBy(
            () ->
                build(
                    FunctionConfig.of("greetings", "http")
                        .withSchedule("* * * * *")
                        .withEventType("x")))
        .hasMessageEndingWith("<schedule>, <eventType> do not belong to a http trigger");
  }

  @Test
  void invalid_values_are_named() {
    assertThatThrownBy(() -> build(FunctionConfig.of("greetings", "sqs")))
        .hasMessageEndingWith("<trigger> 'sqs' is not one of http, queue, topic, schedule, event");
    assertThatThrownBy(() -> build(FunctionConfig.of("uppercase", "http").withPath("upper")))
        .hasMessageContaining("<path> 'upper' must start with '/'");
    assertThatThrownBy(() -> build(FunctionConfig.of("uppercase", "http").withPath("/a=b")))
        .hasMessageContaining("other than ',' and '='");
    assertThatThrownBy(
            () -> build(FunctionConfig.of("greetings", "schedule").withSchedule("every day")))
        .hasMessageContaining("<function> 'greetings': <schedule>: a schedule is a five-field");
    assertThatThrownBy(
            () -> build(FunctionConfig.of("greetings", "queue").withQueue("orders queue")))
        .hasMessageContaining("<queue> 'orders queue' must be 1 to 80 letters");
    assertThatThrownBy(() -> build(FunctionConfig.of("uppercase", "http").withMemory(64)))
        .hasMessageContaining("<function> 'uppercase': <memory> is 64 MiB; every platform accepts");
    assertThatThrownBy(() -> build(FunctionConfig.of("uppercase", "http").withTimeout(3600)))
        .hasMessageContaining("<timeout> is 3600 s; every platform accepts 1 to 900");
    assertThatThrownBy(() -> new PlanBuilder("pom.xml", 512, 0))
        .hasMessageContaining("the plugin's <timeout> is 0 s");
  }

  @Test
  void the_configuration_itself_must_be_whole() {
    assertThatThrownBy(() -> build(FunctionConfig.of(null, "http")))
        .hasMessageEndingWith("a <function> has no <name>");
    assertThatThrownBy(
            () ->
                build(
                    FunctionConfig.of("uppercase", "http"), FunctionConfig.of("uppercase", "http")))
        .hasMessageEndingWith("<function> 'uppercase': configured twice");
    assertThatThrownBy(
            () -> builder.build("Hello World", "hello.jar", CATALOG, List.of(), SETTINGS))
        .hasMessageContaining("<application> 'Hello World' must be 1 to 40 lower-case letters");
    assertThatThrownBy(() -> builder.build("hello", "hello.jar", List.of(), List.of(), SETTINGS))
        .hasMessageContaining("the built application has no functions");
  }

  @Test
  void two_functions_that_would_share_a_resource_name_are_refused() {
    List<CatalogEntry> clash =
        List.of(new CatalogEntry("order-created", false), new CatalogEntry("orderCreated", false));

    assertThatThrownBy(() -> builder.build("hello", "hello.jar", clash, List.of(), SETTINGS))
        .hasMessageContaining("<function> 'orderCreated': its resource name 'OrderCreated'");
  }
}
