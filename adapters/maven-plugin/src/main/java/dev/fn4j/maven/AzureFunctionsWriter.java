package dev.fn4j.maven;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Writes an Azure Functions app folder for the custom handler: {@code azure/host.json} (the host
 * starts {@code java -jar <jar>} and proxies HTTP requests to it as they are) and one {@code
 * azure/<function>/function.json} per fn4j function. The shapes are those of the adapter's tested
 * templates ({@code dev/fn4j/azure/descriptors/custom-handler/}); the jar is copied next to {@code
 * host.json} when the folder is deployed.
 *
 * <p>Each Azure function is named after its fn4j function, because the custom handler routes a
 * non-HTTP invocation to the fn4j function named like the Azure function; HTTP requests are proxied
 * and routed by path, so an HTTP function's route is its path.
 *
 * <table>
 *   <caption>Triggers</caption>
 *   <tr><th>fn4j</th><th>binding</th></tr>
 *   <tr><td>http</td><td>{@code httpTrigger} (authLevel function, the method, route = the path)
 *       and an {@code http} output {@code res}</td></tr>
 *   <tr><td>queue</td><td>{@code queueTrigger} on a Storage queue, connection
 *       {@code AzureWebJobsStorage}</td></tr>
 *   <tr><td>topic</td><td>{@code serviceBusTrigger} on the topic, subscription named like the
 *       application, connection {@code ServiceBusConnection}</td></tr>
 *   <tr><td>schedule</td><td>{@code timerTrigger}, six-field NCRONTAB (UTC)</td></tr>
 *   <tr><td>event</td><td>{@code eventGridTrigger}; the Event Grid subscription filters the type
 *       (a warning says so)</td></tr>
 * </table>
 *
 * <p>Azure has one timeout per app ({@code functionTimeout}, the largest function's) and no memory
 * setting per function (the plan decides).
 */
public final class AzureFunctionsWriter implements DescriptorWriter {

  /** The Functions host's rule for function names ({@code Utility.IsValidFunctionName}). */
  private static final Pattern FUNCTION_NAME =
      Pattern.compile("(?i)(?!host$)[a-z][a-z0-9_\\-]{0,127}");

  /** Azure Storage queue names: lower case, digits and single hyphens, 3 to 63 characters. */
  private static final Pattern STORAGE_QUEUE =
      Pattern.compile("(?!.*--)[a-z0-9][a-z0-9\\-]{1,61}[a-z0-9]");

  /** The Consumption plan's largest {@code functionTimeout}, in seconds. */
  private static final int CONSUMPTION_MAX_TIMEOUT = 600;

  /** How long an HTTP-triggered function may take to answer (Azure Load Balancer), in seconds. */
  private static final int HTTP_MAX_RESPONSE = 230;

  private static final ObjectWriter JSON =
      new ObjectMapper()
          .writer(
              new DefaultPrettyPrinter(
                      Separators.createDefaultInstance()
                          .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                  .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                  .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  /** Creates the writer. */
  public AzureFunctionsWriter() {}

  @Override
  public String platform() {
    return "azure";
  }

  @Override
  public List<GeneratedFile> write(DeploymentPlan plan) {
    List<GeneratedFile> files = new ArrayList<>();
    files.add(new GeneratedFile("azure/host.json", json(host(plan))));
    for (FunctionPlan function : plan.functions()) {
      Map<String, Object> descriptor = new LinkedHashMap<>();
      descriptor.put("bindings", bindings(plan, function));
      files.add(
          new GeneratedFile(
              "azure/" + functionName(function) + "/function.json", json(descriptor)));
    }
    return files;
  }

  @Override
  public List<String> warnings(DeploymentPlan plan) {
    List<String> warnings = new ArrayList<>();
    for (FunctionPlan function : plan.functions()) {
      functionWarnings(plan, function, warnings);
    }
    String routingPaths = plan.routingPaths();
    if (routingPaths != null) {
      warnings.add(
          "the custom handler routes proxied HTTP requests by path, and some paths do not start"
              + " with their function's name: set the app setting FN4J_ROUTING_PATHS="
              + routingPaths);
    }
    TreeSet<Integer> memories = new TreeSet<>();
    plan.functions().forEach(f -> memories.add(f.memoryMb()));
    if (memories.size() > 1) {
      warnings.add(
          "the functions ask for "
              + memories.first()
              + " to "
              + memories.last()
              + " MiB of memory, but an Azure function app has one memory size for all its"
              + " functions, set by its hosting plan: choose a plan that gives "
              + memories.last()
              + " MiB");
    }
    int timeout = largestTimeout(plan);
    if (timeout > CONSUMPTION_MAX_TIMEOUT) {
      warnings.add(
          "host.json's functionTimeout is "
              + duration(timeout)
              + " (one timeout for the whole app, the largest function's), more than the"
              + " Consumption plan's 00:10:00: deploy to a Flex Consumption, Premium or Dedicated"
              + " plan");
    }
    return warnings;
  }

  /**
   * Returns the Azure function's name, which is also its folder: the fn4j function's name when
   * Azure allows it (a letter, then letters, digits, {@code _} and {@code -}), else its kebab-case
   * form.
   *
   * @param function the function
   * @return the Azure function's name
   */
  static String functionName(FunctionPlan function) {
    if (FUNCTION_NAME.matcher(function.name()).matches()) {
      return function.name();
    }
    String dns = function.dnsName();
    if (FUNCTION_NAME.matcher(dns).matches()) {
      return dns;
    }
    String prefixed = "fn-" + dns;
    return prefixed.length() > 128 ? prefixed.substring(0, 128) : prefixed;
  }

  private static Map<String, Object> host(DeploymentPlan plan) {
    Map<String, Object> description = new LinkedHashMap<>();
    description.put("defaultExecutablePath", "java");
    description.put("arguments", List.of("-jar", plan.jarName()));
    description.put("workingDirectory", "");
    Map<String, Object> customHandler = new LinkedHashMap<>();
    customHandler.put("description", description);
    customHandler.put("enableProxyingHttpRequest", true);
    Map<String, Object> extensionBundle = new LinkedHashMap<>();
    extensionBundle.put("id", "Microsoft.Azure.Functions.ExtensionBundle");
    extensionBundle.put("version", "[4.*, 5.0.0)");
    Map<String, Object> host = new LinkedHashMap<>();
    host.put("version", "2.0");
    host.put("functionTimeout", duration(largestTimeout(plan)));
    host.put("customHandler", customHandler);
    host.put("extensions", Map.of("http", Map.of("routePrefix", "api")));
    host.put("extensionBundle", extensionBundle);
    return host;
  }

  private static List<Map<String, Object>> bindings(DeploymentPlan plan, FunctionPlan function) {
    Trigger trigger = function.trigger();
    if (trigger instanceof Trigger.Http http) {
      Map<String, Object> request = binding("httpTrigger", "in", "req");
      request.put("authLevel", "function");
      request.put("methods", List.of(http.method().toLowerCase(Locale.ROOT)));
      String route = http.path().substring(1);
      if (!route.isEmpty()) {
        request.put("route", route);
      }
      return List.of(request, binding("http", "out", "res"));
    }
    Map<String, Object> binding;
    if (trigger instanceof Trigger.Queue queue) {
      binding = binding("queueTrigger", "in", "message");
      binding.put("queueName", queue.name());
      binding.put("connection", "AzureWebJobsStorage");
    } else if (trigger instanceof Trigger.Topic topic) {
      binding = binding("serviceBusTrigger", "in", "message");
      binding.put("topicName", topic.name());
      binding.put("subscriptionName", plan.application());
      binding.put("connection", "ServiceBusConnection");
    } else if (trigger instanceof Trigger.Schedule schedule) {
      binding = binding("timerTrigger", "in", "timer");
      binding.put("schedule", schedule.cron().withSeconds());
    } else if (trigger instanceof Trigger.Event) {
      binding = binding("eventGridTrigger", "in", "event");
    } else {
      throw new AssertionError(trigger);
    }
    return List.of(binding);
  }

  private static Map<String, Object> binding(String type, String direction, String name) {
    Map<String, Object> binding = new LinkedHashMap<>();
    binding.put("type", type);
    binding.put("direction", direction);
    binding.put("name", name);
    return binding;
  }

  private static void functionWarnings(
      DeploymentPlan plan, FunctionPlan function, List<String> warnings) {
    String where = "function '" + function.name() + "': ";
    Trigger trigger = function.trigger();
    if (trigger instanceof Trigger.Http) {
      httpWarnings(where, function, warnings);
      return;
    }
    String azureName = functionName(function);
    if (!azureName.equals(function.name())) {
      warnings.add(
          where
              + "an Azure function name is a letter, then letters, digits, '_' and '-', so its"
              + " Azure function is '"
              + azureName
              + "'; the custom handler sends that function's invocations to the fn4j function"
              + " named '"
              + azureName
              + "', which does not exist: rename the function");
    }
    String triggerWarning = triggerWarning(plan, trigger, azureName);
    if (triggerWarning != null) {
      warnings.add(where + triggerWarning);
    }
  }

  private static String triggerWarning(DeploymentPlan plan, Trigger trigger, String azureName) {
    if (trigger instanceof Trigger.Queue queue && !STORAGE_QUEUE.matcher(queue.name()).matches()) {
      return "'"
          + queue.name()
          + "' is not an Azure Storage queue name (3 to 63 lower-case letters, digits and"
          + " single hyphens)";
    } else if (trigger instanceof Trigger.Topic topic) {
      return "the trigger reads the subscription '"
          + plan.application()
          + "' of Service Bus topic '"
          + topic.name()
          + "': create it with the topic (the trigger does not)";
    } else if (trigger instanceof Trigger.Event event) {
      return "function.json cannot filter Event Grid events: the Event Grid subscription that"
          + " delivers to the Azure function '"
          + azureName
          + "' must filter on the event type '"
          + event.type()
          + "' (--included-event-types or an advanced filter), or the function gets every"
          + " event of the topic";
    }
    return null;
  }

  private static void httpWarnings(String where, FunctionPlan function, List<String> warnings) {
    if (function.timeoutSeconds() > HTTP_MAX_RESPONSE) {
      warnings.add(
          where
              + "an HTTP-triggered function must answer within "
              + HTTP_MAX_RESPONSE
              + " s on Azure (the load balancer's idle timeout), whatever its timeout of "
              + function.timeoutSeconds()
              + " s");
    }
  }

  private static int largestTimeout(DeploymentPlan plan) {
    return plan.functions().stream().mapToInt(FunctionPlan::timeoutSeconds).max().orElse(0);
  }

  /** Formats seconds as host.json's {@code hh:mm:ss}. */
  static String duration(int seconds) {
    return String.format(
        Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON of plain maps and lists", e);
    }
  }
}
