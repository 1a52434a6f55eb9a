package dev.fn4j.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.azure.functions.annotation.FunctionName;
import dev.fn4j.core.platform.Environment;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The descriptor templates shipped in {@code dev/fn4j/azure/descriptors/}: every file is JSON with
 * the fields the Functions host needs, the Java worker's {@code function.json} files are exactly
 * what the Azure Maven plugin derives from {@link AzureFunctions}' annotations, and the custom
 * handler's templates bind the same triggers under the same names, so templates and code cannot
 * drift apart.
 */
class DescriptorTemplatesTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String BUNDLE_ID = "Microsoft.Azure.Functions.ExtensionBundle";
  static final String BUNDLE_VERSION = "[4.*, 5.0.0)";

  /** The binding type the Azure Maven plugin writes for each trigger annotation. */
  static final Map<String, String> TRIGGER_TYPES =
      Map.of(
          "HttpTrigger", "httpTrigger",
          "QueueTrigger", "queueTrigger",
          "ServiceBusQueueTrigger", "serviceBusTrigger",
          "TimerTrigger", "timerTrigger",
          "EventGridTrigger", "eventGridTrigger");

  static Path root() throws URISyntaxException {
    return Path.of(
        DescriptorTemplatesTest.class.getResource("/dev/fn4j/azure/descriptors").toURI());
  }

  static JsonNode read(String relative) throws Exception {
    return JSON.readTree(Files.readAllBytes(root().resolve(relative)));
  }

  static List<String> functionFolders(String mode) throws Exception {
    try (Stream<Path> entries = Files.list(root().resolve(mode))) {
      return entries
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    }
  }

  static Map<String, Method> workerMethods() {
    Map<String, Method> methods = new TreeMap<>();
    for (Method method : AzureFunctions.class.getDeclaredMethods()) {
      FunctionName name = method.getAnnotation(FunctionName.class);
      if (name != null) {
        assertThat(methods.put(name.value(), method)).as("duplicate " + name.value()).isNull();
      }
    }
    return methods;
  }

  @Test
  void exactly_these_templates_are_shipped_and_each_is_one_json_object() throws Exception {
    List<String> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root())) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String relative = root().relativize(file).toString().replace('\\', '/');
        files.add(relative);
        assertThat(JSON.readTree(file.toFile())).as(relative).isInstanceOf(ObjectNode.class);
      }
    }
    assertThat(files)
        .containsExactlyInAnyOrder(
            "custom-handler/host.json",
            "custom-handler/fn4j-http/function.json",
            "custom-handler/fn4j-queue/function.json",
            "custom-handler/fn4j-servicebus/function.json",
            "custom-handler/fn4j-timer/function.json",
            "custom-handler/fn4j-blob/function.json",
            "custom-handler/fn4j-eventgrid/function.json",
            "java-worker/host.json",
            "java-worker/fn4j-http/function.json",
            "java-worker/fn4j-queue/function.json",
            "java-worker/fn4j-servicebus/function.json",
            "java-worker/fn4j-timer/function.json",
            "java-worker/fn4j-eventgrid/function.json");
  }

  @Test
  void both_host_files_are_version_2_with_the_v4_bundle_and_fn4js_route_prefix() throws Exception {
    String fn4jPrefix = WorkerHttp.routePrefix(Optional.empty());
    assertThat(fn4jPrefix)
        .isEqualTo(CustomHandlerSettings.from(Environment.of(Map.of())).routePrefix());
    for (String mode : List.of("custom-handler", "java-worker")) {
      JsonNode host = read(mode + "/host.json");
      assertThat(host.path("version").asText()).as(mode).isEqualTo("2.0");
      assertThat(host.path("extensionBundle").path("id").asText()).as(mode).isEqualTo(BUNDLE_ID);
      assertThat(host.path("extensionBundle").path("version").asText())
          .as(mode)
          .isEqualTo(BUNDLE_VERSION);
      assertThat(host.path("extensions").path("http").path("routePrefix").asText())
          .as(mode)
          .isEqualTo(fn4jPrefix);
    }
    assertThat(read("java-worker/host.json").has("customHandler")).isFalse();
  }

  @Test
  void the_custom_handler_host_starts_the_jar_with_java_and_proxies_http() throws Exception {
    JsonNode handler = read("custom-handler/host.json").path("customHandler");
    JsonNode description = handler.path("description");
    assertThat(description.path("defaultExecutablePath").asText()).isEqualTo("java");
    assertThat(description.path("arguments"))
        .isEqualTo(JSON.createArrayNode().add("-jar").add("app.jar"));
    assertThat(description.has("workingDirectory")).isTrue();
    assertThat(description.path("workingDirectory").isTextual()).isTrue();
    // The current setting; enableForwardingHttpRequest is the legacy one.
    assertThat(handler.path("enableProxyingHttpRequest").asBoolean()).isTrue();
    assertThat(handler.has("enableForwardingHttpRequest")).isFalse();
    // The host picks a free port and passes it in FUNCTIONS_CUSTOMHANDLER_PORT.
    assertThat(handler.has("port")).isFalse();
  }

  @Test
  void every_function_json_has_one_trigger_and_well_formed_bindings() throws Exception {
    for (String mode : List.of("custom-handler", "java-worker")) {
      for (String folder : functionFolders(mode)) {
        String where = mode + "/" + folder;
        JsonNode bindings = read(where + "/function.json").path("bindings");
        assertThat(bindings.isArray()).as(where).isTrue();
        assertThat(bindings.size()).as(where).isPositive();
        int triggers = 0;
        for (JsonNode binding : bindings) {
          assertThat(binding.path("type").asText()).as(where).isNotBlank();
          assertThat(binding.path("name").asText()).as(where).isNotBlank();
          assertThat(binding.path("direction").asText()).as(where).isIn("in", "out");
          if (binding.path("type").asText().endsWith("Trigger")) {
            triggers++;
            assertThat(binding.path("direction").asText()).as(where).isEqualTo("in");
          }
        }
        assertThat(triggers).as(where + " triggers").isEqualTo(1);
      }
    }
  }

  @Test
  void the_custom_handler_http_function_catches_every_path_and_answers_in_fn4js_output()
      throws Exception {
    JsonNode bindings = read("custom-handler/fn4j-http/function.json").path("bindings");
    JsonNode trigger = bindings.get(0);
    assertThat(trigger.path("type").asText()).isEqualTo("httpTrigger");
    assertThat(trigger.path("route").asText()).isEqualTo("{*path}");
    assertThat(trigger.path("authLevel").asText()).isEqualTo("function");
    assertThat(trigger.path("methods"))
        .extracting(JsonNode::asText)
        .containsExactly("get", "post", "put", "patch", "delete", "head", "options");
    // HTTP in and out only: the host proxies such a function (enableProxyingHttpRequest).
    assertThat(bindings.size()).isEqualTo(2);
    JsonNode output = bindings.get(1);
    assertThat(output.path("type").asText()).isEqualTo("http");
    assertThat(output.path("direction").asText()).isEqualTo("out");
    assertThat(output.path("name").asText())
        .isEqualTo(CustomHandlerSettings.from(Environment.of(Map.of())).httpOutput());
  }

  @Test
  void the_custom_handler_blob_trigger_names_a_path_and_a_connection_and_reads_bytes()
      throws Exception {
    JsonNode blob = read("custom-handler/fn4j-blob/function.json").path("bindings").get(0);
    assertThat(blob.path("type").asText()).isEqualTo("blobTrigger");
    assertThat(blob.path("path").asText()).isEqualTo("%FN4J_BLOB_PATH%");
    assertThat(blob.path("connection").asText()).isEqualTo("AzureWebJobsStorage");
    // The host then sends the content as base64, which the custom handler decodes to bytes.
    assertThat(blob.path("dataType").asText()).isEqualTo("binary");
  }

  @Test
  void the_java_worker_functions_are_the_annotated_methods_of_azure_functions() throws Exception {
    Map<String, Method> methods = workerMethods();
    assertThat(functionFolders("java-worker")).containsExactlyElementsOf(methods.keySet());
    assertThat(Modifier.isPublic(AzureFunctions.class.getModifiers())).isTrue();
    assertThat(AzureFunctions.class.getConstructor().getParameterCount()).isZero();
    for (Map.Entry<String, Method> function : methods.entrySet()) {
      Method method = function.getValue();
      JsonNode descriptor = read("java-worker/" + function.getKey() + "/function.json");
      assertThat(Modifier.isPublic(method.getModifiers())).as(function.getKey()).isTrue();
      assertThat(descriptor.path("scriptFile").asText()).isEqualTo("../app.jar");
      assertThat(descriptor.path("entryPoint").asText())
          .as(function.getKey())
          .isEqualTo(AzureFunctions.class.getName() + "." + method.getName());
      // The entry point names exactly one method, the annotated one.
      assertThat(
              Arrays.stream(AzureFunctions.class.getMethods())
                  .filter(m -> m.getName().equals(method.getName())))
          .as(function.getKey())
          .containsExactly(method);
    }
  }

  @Test
  void the_java_worker_bindings_are_what_the_maven_plugin_derives_from_the_annotations()
      throws Exception {
    for (Map.Entry<String, Method> function : workerMethods().entrySet()) {
      JsonNode bindings =
          read("java-worker/" + function.getKey() + "/function.json").path("bindings");
      assertThat(bindings).as(function.getKey()).isEqualTo(pluginBindings(function.getValue()));
    }
  }

  @Test
  void each_custom_handler_template_binds_the_java_workers_trigger_the_same_way() throws Exception {
    for (String folder : functionFolders("java-worker")) {
      JsonNode worker = read("java-worker/" + folder + "/function.json").path("bindings").get(0);
      JsonNode handler =
          read("custom-handler/" + folder + "/function.json").path("bindings").get(0);
      for (String field :
          List.of("type", "direction", "name", "route", "queueName", "connection", "schedule")) {
        assertThat(handler.path(field)).as(folder + " " + field).isEqualTo(worker.path(field));
      }
    }
  }

  /**
   * The bindings the Azure Maven plugin writes for a method: per trigger annotation its type,
   * {@code in}, its name, and every attribute that differs from the annotation's default ({@code
   * authLevel} always for HTTP), enums by name; an HTTP trigger whose method returns a value gets
   * an {@code http} output named {@code $return}.
   */
  static ArrayNode pluginBindings(Method method) throws Exception {
    ArrayNode bindings = JSON.createArrayNode();
    boolean http = false;
    for (Annotation[] annotations : method.getParameterAnnotations()) {
      for (Annotation annotation : annotations) {
        String simpleName = annotation.annotationType().getSimpleName();
        String type = TRIGGER_TYPES.get(simpleName);
        if (type == null) {
          fail("no binding type known for @" + simpleName + " on " + method.getName());
        }
        http |= type.equals("httpTrigger");
        ObjectNode binding = bindings.addObject().put("type", type).put("direction", "in");
        for (Method attribute : annotation.annotationType().getDeclaredMethods()) {
          Object value = attribute.invoke(annotation);
          boolean required = type.equals("httpTrigger") && attribute.getName().equals("authLevel");
          if (attribute.getName().equals("name")
              || required
              || !Objects.deepEquals(value, attribute.getDefaultValue())) {
            binding.set(attribute.getName(), JSON.valueToTree(jsonValue(value)));
          }
        }
      }
    }
    if (http && method.getReturnType() != void.class) {
      bindings.addObject().put("type", "http").put("direction", "out").put("name", "$return");
    }
    return bindings;
  }

  private static Object jsonValue(Object value) {
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    if (value instanceof Object[] array) {
      return Arrays.stream(array).map(DescriptorTemplatesTest::jsonValue).toList();
    }
    return value;
  }
}
