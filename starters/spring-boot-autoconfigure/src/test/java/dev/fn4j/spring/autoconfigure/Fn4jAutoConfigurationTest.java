package dev.fn4j.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.Composition;
import dev.fn4j.core.catalog.FunctionCatalog;
import dev.fn4j.core.catalog.FunctionDefinition;
import dev.fn4j.core.catalog.FunctionKind;
import dev.fn4j.core.convert.Payload;
import dev.fn4j.core.dispatch.FunctionRequest;
import dev.fn4j.core.dispatch.FunctionResult;
import dev.fn4j.function.Headers;
import dev.fn4j.function.InvocationContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

class Fn4jAutoConfigurationTest {

  record Order(String id, int quantity) {}

  record Receipt(String orderId, int total) {}

  /** Functions declared as {@code @Bean} methods: lambdas, whose types only the method knows. */
  @Configuration(proxyBeanMethods = false)
  static class BeanMethodFunctions {
    static final List<Order> RECEIVED = new CopyOnWriteArrayList<>();

    @Bean
    Function<String, String> uppercase() {
      return text -> text.toUpperCase(Locale.ROOT);
    }

    @Bean
    Function<Order, Receipt> checkout() {
      return order -> new Receipt(order.id(), order.quantity() * 10);
    }

    @Bean
    Supplier<List<String>> fortunes() {
      return () -> List.of("a", "b");
    }

    @Bean
    Consumer<Order> audit() {
      return RECEIVED::add;
    }
  }

  /** The same shapes as component classes. */
  @Component("reverse")
  static class Reverse implements Function<String, String> {
    @Override
    public String apply(String text) {
      return new StringBuilder(text).reverse().toString();
    }
  }

  @Component("bill")
  static class Bill implements Function<Order, Receipt> {
    @Override
    public Receipt apply(Order order) {
      return new Receipt(order.id(), order.quantity());
    }
  }

  @Component("names")
  static class Names implements Supplier<List<String>> {
    @Override
    public List<String> get() {
      return List.of("ada");
    }
  }

  @Component("ship")
  static class Ship implements Consumer<Order> {
    @Override
    public void accept(Order order) {}
  }

  /** A generic base class: the types come from the subclass's type arguments. */
  abstract static class Identity<T> implements Function<T, T> {
    @Override
    public T apply(T value) {
      return value;
    }
  }

  @Component("sameOrders")
  static class SameOrders extends Identity<List<Order>> {}

  /** A raw {@code @Bean} method: no types anywhere. */
  @Configuration(proxyBeanMethods = false)
  static class RawFunction {
    @Bean
    @SuppressWarnings("rawtypes")
    Function raw() {
      return value -> value;
    }
  }

  /** Spring Cloud Function style functions over Spring's {@code Message}. */
  @Configuration(proxyBeanMethods = false)
  static class SpringMessageFunctions {
    static final List<Message<Order>> RECEIVED = new CopyOnWriteArrayList<>();

    @Bean
    Function<Message<Order>, Message<Receipt>> tagged() {
      return in ->
          MessageBuilder.withPayload(new Receipt(in.getPayload().id(), 1))
              .setHeader("X-Order", in.getHeaders().get("X-Request"))
              .setHeader("X-Many", List.of("1", "2"))
              .build();
    }

    @Bean
    Function<Message<String>, String> echoHeader() {
      return in -> in.getPayload() + ":" + in.getHeaders().get("X-Request");
    }

    @Bean
    Function<String, Message<String>> reply() {
      return text -> MessageBuilder.withPayload(text).setHeader("X-Reply", "yes").build();
    }

    @Bean
    Supplier<Message<String>> hello() {
      return () -> MessageBuilder.withPayload("hello").setHeader("X-Greeting", "1").build();
    }

    @Bean
    Consumer<Message<Order>> inbox() {
      return RECEIVED::add;
    }
  }

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(Fn4jAutoConfiguration.class));

  @Nested
  class FunctionBeans {

    @Test
    void registers_every_bean_method_function_under_its_bean_name() {
      runner
          .withUserConfiguration(BeanMethodFunctions.class)
          .run(
              context -> {
                FunctionCatalog catalog = context.getBean(FunctionCatalog.class);
                assertThat(catalog.functions())
                    .extracting(FunctionDefinition::name)
                    .containsExactlyInAnyOrder("uppercase", "checkout", "fortunes", "audit");
                assertThat(catalog.find("fortunes").orElseThrow().kind())
                    .isEqualTo(FunctionKind.SUPPLIER);
                assertThat(catalog.find("audit").orElseThrow().kind())
                    .isEqualTo(FunctionKind.CONSUMER);
              });
    }

    @Test
    void resolves_the_generic_types_of_bean_methods() {
      runner
          .withUserConfiguration(BeanMethodFunctions.class)
          .run(
              context -> {
                FunctionCatalog catalog = context.getBean(FunctionCatalog.class);
                assertTypes(catalog, "uppercase", "java.lang.String", "java.lang.String");
                assertTypes(
                    catalog, "checkout", Order.class.getTypeName(), Receipt.class.getName());
                assertTypes(
                    catalog, "fortunes", "java.lang.Void", "java.util.List<java.lang.String>");
                assertTypes(catalog, "audit", Order.class.getTypeName(), "java.lang.Void");
              });
    }

    @Test
    void registers_and_resolves_component_classes() {
      runner
          .withUserConfiguration(Reverse.class, Bill.class, Names.class, Ship.class)
          .run(
              context -> {
                FunctionCatalog catalog = context.getBean(FunctionCatalog.class);
                assertThat(catalog.size()).isEqualTo(4);
                assertTypes(catalog, "reverse", "java.lang.String", "java.lang.String");
                assertTypes(catalog, "bill", Order.class.getTypeName(), Receipt.class.getName());
                assertTypes(catalog, "names", "java.lang.Void", "java.util.List<java.lang.String>");
                assertTypes(catalog, "ship", Order.class.getTypeName(), "java.lang.Void");
              });
    }

    @Test
    void resolves_type_arguments_given_through_a_generic_superclass() {
      runner
          .withUserConfiguration(SameOrders.class)
          .run(
              context -> {
                String orders = "java.util.List<" + Order.class.getTypeName() + ">";
                assertTypes(context.getBean(FunctionCatalog.class), "sameOrders", orders, orders);
                FunctionResult result =
                    call(
                        context.getBean(FunctionRuntime.class),
                        "sameOrders",
                        "[{\"id\":\"a\",\"quantity\":1}]",
                        Headers.empty().with("Content-Type", "application/json"));
                assertThat(text(result)).isEqualTo("[{\"id\":\"a\",\"quantity\":1}]");
              });
    }

    @Test
    void a_bean_without_type_arguments_fails_the_start_naming_the_bean() {
      runner
          .withUserConfiguration(RawFunction.class)
          .run(
              context ->
                  assertThat(context)
                      .hasFailed()
                      .getFailure()
                      .rootCause()
                      .hasMessageContaining("Bean 'raw'")
                      .hasMessageContaining("@Bean method's return type"));
    }

    @Test
    void skips_its_own_beans_and_registers_nothing_without_functions() {
      runner.run(
          context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(FunctionCatalog.class).size()).isZero();
          });
    }

    @Test
    void dispatches_json_to_a_record_function() {
      runner
          .withUserConfiguration(BeanMethodFunctions.class)
          .run(
              context -> {
                FunctionRuntime runtime = context.getBean(FunctionRuntime.class);
                FunctionResult result =
                    call(runtime, "checkout", "{\"id\":\"o-1\",\"quantity\":3}", Headers.empty());
                assertThat(text(result)).isEqualTo("{\"orderId\":\"o-1\",\"total\":30}");
              });
    }

    @Test
    void dispatches_text_and_compositions_across_bean_kinds() {
      runner
          .withUserConfiguration(BeanMethodFunctions.class, Reverse.class)
          .run(
              context -> {
                FunctionRuntime runtime = context.getBean(FunctionRuntime.class);
                assertThat(text(call(runtime, "uppercase|reverse", "hello", Headers.empty())))
                    .isEqualTo("OLLEH");
                assertThat(text(call(runtime, "fortunes", "", Headers.empty())))
                    .isEqualTo("[\"a\",\"b\"]");
              });
    }
  }

  @Nested
  class Properties {

    @Test
    void fn4j_function_selects_the_function() {
      runner
          .withUserConfiguration(BeanMethodFunctions.class)
          .withPropertyValues("fn4j.function=uppercase")
          .run(context -> assertThat(selection(context)).isEqualTo("uppercase"));
    }

    @Test
    void spring_cloud_function_definition_is_read_as_an_alias() {
      runner
          .withUserConfiguration(BeanMethodFunctions.class, Reverse.class)
          .withPropertyValues("spring.cloud.function.definition=uppercase|reverse")
          .run(context -> assertThat(selection(context)).isEqualTo("uppercase|reverse"));
    }

    @Test
    void several_spring_cloud_function_definitions_fail_the_start_saying_what_to_set() {
      runner
          .withUserConfiguration(BeanMethodFunctions.class, Reverse.class)
          .withPropertyValues("spring.cloud.function.definition=uppercase;reverse")
          .run(
              context ->
                  assertThat(context)
                      .hasFailed()
                      .getFailure()
                      .rootCause()
                      .hasMessageContaining("lists several functions ('uppercase;reverse')")
                      .hasMessageContaining("set fn4j.function to one of them"));
    }

    @Test
    void an_empty_fn4j_function_lifts_several_definitions_and_routes_among_all() {
      runner
          .withUserConfiguration(BeanMethodFunctions.class, Reverse.class)
          .withPropertyValues(
              "fn4j.function=", "spring.cloud.function.definition=uppercase;reverse")
          .run(
              context -> {
                FunctionRuntime runtime = context.getBean(FunctionRuntime.class);
                assertThat(runtime.router().selected()).isEmpty();
                assertThat(runtime.router().byPath("/reverse").definition()).isEqualTo("reverse");
              });
    }

    @Test
    void the_fn4j_function_variable_keeps_working() {
      runner
          .withUserConfiguration(BeanMethodFunctions.class)
          .withPropertyValues("FN4J_FUNCTION=checkout")
          .run(context -> assertThat(selection(context)).isEqualTo("checkout"));
    }

    @Test
    void a_routing_key_that_cannot_be_written_as_a_variable_fails_the_start() {
      runner
          .withUserConfiguration(BeanMethodFunctions.class)
          .withPropertyValues("fn4j.routing.paths[/a,b]=uppercase")
          .run(
              context ->
                  assertThat(context)
                      .hasFailed()
                      .getFailure()
                      .rootCause()
                      .hasMessageContaining("fn4j.routing.paths"));
    }

    @Test
    void fn4j_function_wins_over_the_alias() {
      runner
          .withUserConfiguration(BeanMethodFunctions.class)
          .withPropertyValues(
              "fn4j.function=checkout", "spring.cloud.function.definition=uppercase")
          .run(context -> assertThat(selection(context)).isEqualTo("checkout"));
    }

    @Test
    void nothing_is_selected_by_default() {
      runner
          .withUserConfiguration(BeanMethodFunctions.class)
          .run(
              context ->
                  assertThat(context.getBean(FunctionRuntime.class).router().selected()).isEmpty());
    }

    @Test
    void routing_types_paths_and_header_reach_the_router() {
      runner
          .withUserConfiguration(BeanMethodFunctions.class)
          .withPropertyValues(
              "fn4j.routing.types[com.acme.order.created]=checkout",
              "fn4j.routing.paths[/shout]=uppercase",
              "fn4j.routing.header=X-Fn")
          .run(
              context -> {
                FunctionRuntime runtime = context.getBean(FunctionRuntime.class);
                assertThat(runtime.router().byEventType("com.acme.order.created").definition())
                    .isEqualTo("checkout");
                assertThat(runtime.router().byPath("/shout/now").definition())
                    .isEqualTo("uppercase");
                assertThat(
                        runtime
                            .router()
                            .byHeader(Headers.empty().with("X-Fn", "audit"))
                            .map(Composition::definition))
                    .contains("audit");
              });
    }

    @Test
    void http_properties_answer_the_platform_variables() {
      runner
          .withPropertyValues(
              "fn4j.http.port=9090",
              "fn4j.http.host=0.0.0.0",
              "fn4j.http.threads=3",
              "fn4j.http.max-body-bytes=1024",
              "fn4j.http.drain-seconds=2")
          .run(
              context -> {
                dev.fn4j.core.platform.Environment environment =
                    context.getBean(FunctionRuntime.class).environment();
                assertThat(environment.value("PORT")).contains("9090");
                assertThat(environment.value("FN4J_HTTP_HOST")).contains("0.0.0.0");
                assertThat(environment.intValue("FN4J_HTTP_THREADS", 0)).isEqualTo(3);
                assertThat(environment.intValue("FN4J_MAX_BODY_BYTES", 0)).isEqualTo(1024);
                assertThat(environment.intValue("FN4J_DRAIN_SECONDS", 0)).isEqualTo(2);
              });
    }

    @Test
    void other_variables_are_read_from_spring_under_either_name() {
      runner
          .withPropertyValues("FN4J_PLATFORM=local", "fn4j.batch.mode=ordered")
          .run(
              context -> {
                dev.fn4j.core.platform.Environment environment =
                    context.getBean(FunctionRuntime.class).environment();
                assertThat(environment.value("FN4J_PLATFORM")).contains("local");
                assertThat(environment.value("FN4J_BATCH_MODE")).contains("ordered");
                assertThat(environment.value("FN4J_UNSET")).isEmpty();
              });
    }

    @Test
    void configuration_metadata_describes_the_properties() throws Exception {
      String metadata =
          Files.readString(
              Path.of("target/classes/META-INF/spring-configuration-metadata.json"),
              StandardCharsets.UTF_8);
      assertThat(metadata)
          .contains("\"name\": \"fn4j.function\"")
          .contains("The function every invocation goes to")
          .contains("fn4j.routing.types", "fn4j.routing.paths", "fn4j.routing.header")
          .contains("fn4j.http.port", "fn4j.http.max-body-bytes", "fn4j.http.drain-seconds");
    }
  }

  @Nested
  class SpringMessageFunctionsRun {

    @Test
    void message_types_are_seen_as_fn4j_messages_of_the_payload_type() {
      runner
          .withUserConfiguration(SpringMessageFunctions.class)
          .run(
              context -> {
                FunctionCatalog catalog = context.getBean(FunctionCatalog.class);
                String message = dev.fn4j.function.Message.class.getName();
                assertTypes(
                    catalog,
                    "tagged",
                    message + "<" + Order.class.getTypeName() + ">",
                    message + "<" + Receipt.class.getTypeName() + ">");
                assertTypes(catalog, "reply", "java.lang.String", message + "<java.lang.String>");
                assertThat(catalog.find("tagged").orElseThrow().signature().inputMessage())
                    .isTrue();
              });
    }

    @Test
    void headers_go_in_and_come_out_with_a_converted_payload() {
      runner
          .withUserConfiguration(SpringMessageFunctions.class)
          .run(
              context -> {
                FunctionRuntime runtime = context.getBean(FunctionRuntime.class);
                FunctionResult result =
                    call(
                        runtime,
                        "tagged",
                        "{\"id\":\"o-7\",\"quantity\":2}",
                        Headers.empty().with("X-Request", "r-1"));
                assertThat(text(result)).isEqualTo("{\"orderId\":\"o-7\",\"total\":1}");
                assertThat(result.headers().first("X-Order")).contains("r-1");
                assertThat(result.headers().all("X-Many")).containsExactly("1", "2");
                assertThat(result.headers().contains("id")).isFalse();
                assertThat(result.headers().contains("timestamp")).isFalse();
              });
    }

    @Test
    void message_in_only_out_only_suppliers_and_consumers_work() {
      runner
          .withUserConfiguration(SpringMessageFunctions.class)
          .run(
              context -> {
                FunctionRuntime runtime = context.getBean(FunctionRuntime.class);
                assertThat(
                        text(
                            call(
                                runtime,
                                "echoHeader",
                                "hi",
                                Headers.empty().with("X-Request", "7"))))
                    .isEqualTo("hi:7");
                FunctionResult reply = call(runtime, "reply", "yo", Headers.empty());
                assertThat(text(reply)).isEqualTo("yo");
                assertThat(reply.headers().first("X-Reply")).contains("yes");
                FunctionResult hello = call(runtime, "hello", "", Headers.empty());
                assertThat(text(hello)).isEqualTo("hello");
                assertThat(hello.headers().first("X-Greeting")).contains("1");

                SpringMessageFunctions.RECEIVED.clear();
                call(
                    runtime,
                    "inbox",
                    "{\"id\":\"o-9\",\"quantity\":1}",
                    Headers.empty().with("X-Request", "r-9"));
                assertThat(SpringMessageFunctions.RECEIVED).hasSize(1);
                Message<Order> received = SpringMessageFunctions.RECEIVED.get(0);
                assertThat(received.getPayload()).isEqualTo(new Order("o-9", 1));
                assertThat(received.getHeaders().get("X-Request")).isEqualTo("r-9");
              });
    }
  }

  @Nested
  class BackOff {

    @Configuration(proxyBeanMethods = false)
    static class OwnCatalog {
      @Bean
      FunctionCatalog myCatalog() {
        return FunctionCatalog.of(
            registry -> registry.function("mine", String.class, String.class, s -> s));
      }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRuntime {
      static final FunctionRuntime RUNTIME =
          FunctionRuntime.of(
              dev.fn4j.core.platform.Environment.of(Map.of()),
              FunctionCatalog.of(
                  registry -> registry.function("x", String.class, String.class, s -> s)));

      @Bean
      FunctionRuntime myRuntime() {
        return RUNTIME;
      }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnEnvironment {
      @Bean
      dev.fn4j.core.platform.Environment myEnvironment() {
        return dev.fn4j.core.platform.Environment.of(Map.of("FN4J_FUNCTION", "uppercase"));
      }
    }

    @Test
    void a_user_catalog_replaces_the_scanned_one_and_feeds_the_runtime() {
      runner
          .withUserConfiguration(OwnCatalog.class, BeanMethodFunctions.class)
          .run(
              context -> {
                assertThat(context).hasSingleBean(FunctionCatalog.class);
                assertThat(context).doesNotHaveBean("fn4jFunctionCatalog");
                FunctionRuntime runtime = context.getBean(FunctionRuntime.class);
                assertThat(runtime.catalog()).isSameAs(context.getBean("myCatalog"));
              });
    }

    @Test
    void a_user_runtime_replaces_the_auto_configured_one() {
      runner
          .withUserConfiguration(OwnRuntime.class)
          .run(
              context -> {
                assertThat(context).hasSingleBean(FunctionRuntime.class);
                assertThat(context.getBean(FunctionRuntime.class)).isSameAs(OwnRuntime.RUNTIME);
              });
    }

    @Test
    void a_user_environment_replaces_the_spring_bridge() {
      runner
          .withUserConfiguration(OwnEnvironment.class, BeanMethodFunctions.class)
          .withPropertyValues("fn4j.function=checkout")
          .run(context -> assertThat(selection(context)).isEqualTo("uppercase"));
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class BadlyNamed {
    @Bean("no good")
    Function<String, String> badlyNamed() {
      return text -> text;
    }
  }

  @Test
  void data_binding_is_prepared_for_the_json_types_of_the_bean_definitions_only() {
    runner
        .withUserConfiguration(BeanMethodFunctions.class, Reverse.class)
        .run(
            context -> {
              assertThat(context).hasBean("fn4jDataBindingWarmUp");
              assertThat(DataBindingWarmUp.jsonTypes(context.getBeanFactory()))
                  .extracting(java.lang.reflect.Type::getTypeName)
                  .contains(Order.class.getName(), Receipt.class.getName())
                  .doesNotContain("java.lang.String");
            });
  }

  @Test
  void an_application_of_text_functions_needs_no_data_binding() {
    runner
        .withUserConfiguration(Reverse.class)
        .run(
            context -> assertThat(DataBindingWarmUp.jsonTypes(context.getBeanFactory())).isEmpty());
  }

  @Test
  void a_function_bean_with_an_invalid_name_fails_the_start_with_its_name() {
    runner
        .withUserConfiguration(BadlyNamed.class)
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("Invalid function name 'no good'"));
  }

  private static String selection(
      org.springframework.boot.test.context.assertj.AssertableApplicationContext context) {
    return context.getBean(FunctionRuntime.class).router().selected().orElseThrow().definition();
  }

  private static void assertTypes(
      FunctionCatalog catalog, String name, String inputType, String outputType) {
    FunctionDefinition function = catalog.find(name).orElseThrow();
    assertThat(function.inputType().getTypeName()).as(name + " input").isEqualTo(inputType);
    assertThat(function.outputType().getTypeName()).as(name + " output").isEqualTo(outputType);
  }

  private static FunctionResult call(
      FunctionRuntime runtime, String definition, String body, Headers headers) {
    Headers withType =
        body.startsWith("{") ? headers.with("Content-Type", "application/json") : headers;
    return runtime
        .dispatcher()
        .call(
            runtime.router().byName(definition),
            new FunctionRequest(
                Payload.ofText(body), withType, InvocationContext.local(definition)));
  }

  private static String text(FunctionResult result) {
    return new String(result.bytes(), StandardCharsets.UTF_8);
  }
}
