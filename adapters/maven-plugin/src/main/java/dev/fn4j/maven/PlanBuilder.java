package dev.fn4j.maven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks the plugin's configuration against the built application's catalog and makes the {@link
 * DeploymentPlan}: every function of the catalog is deployed, with an HTTP trigger on {@code
 * /<name>} unless a {@code <function>} says otherwise. Every mistake is a {@link
 * DescriptorConfigurationException} naming the POM, the function and what is wrong.
 */
public final class PlanBuilder {

  /** The smallest and largest memory every platform accepts, in MiB. */
  static final int MIN_MEMORY = 128;

  static final int MAX_MEMORY = 10240;

  /** The longest timeout every platform accepts (AWS Lambda's limit), in seconds. */
  static final int MAX_TIMEOUT = 900;

  private static final Pattern RESOURCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,79}");

  /** URL path characters, less ',' and '=' which separate FN4J_ROUTING_PATHS entries. */
  private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9_.~!$&'()*+;:@/\\-]*");

  private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:\\-]*");
  private static final Pattern APPLICATION = Pattern.compile("[a-z][a-z0-9\\-]{0,39}");

  private final String pom;
  private final int defaultMemory;
  private final int defaultTimeout;

  /**
   * Creates a builder.
   *
   * @param pom the POM the configuration comes from, for messages
   * @param defaultMemory the memory of functions that do not set theirs, in MiB
   * @param defaultTimeout the timeout of functions that do not set theirs, in seconds
   */
  public PlanBuilder(String pom, int defaultMemory, int defaultTimeout) {
    this.pom = Objects.requireNonNull(pom, "pom");
    this.defaultMemory = checkMemory("the plugin's <memory>", defaultMemory);
    this.defaultTimeout = checkTimeout("the plugin's <timeout>", defaultTimeout);
  }

  /**
   * Makes the plan.
   *
   * @param application the application's name: lower-case letters, digits and hyphens
   * @param jarName the packaged jar's file name
   * @param catalog the functions the built application holds
   * @param configs the {@code <function>} elements, possibly empty
   * @param settings the per-platform settings
   * @return the checked plan
   * @throws DescriptorConfigurationException when the configuration is wrong
   */
  public DeploymentPlan build(
      String application,
      String jarName,
      List<CatalogEntry> catalog,
      List<FunctionConfig> configs,
      DeploymentPlan.Settings settings) {
    if (application == null || !APPLICATION.matcher(application).matches()) {
      throw fail(
          "<application> '"
              + application
              + "' must be 1 to 40 lower-case letters, digits and hyphens, starting with a letter"
              + " (it names services on every cloud)");
    }
    if (catalog.isEmpty()) {
      throw fail(
          "the built application has no functions: list them in a FunctionRegistrar named in"
              + " META-INF/services, or declare Function/Supplier/Consumer beans");
    }
    if (settings.knativeRetries() < 0) {
      throw fail("<knativeRetries> must be 0 or more, not " + settings.knativeRetries());
    }
    if (!Set.of("custom", "builtin").contains(settings.alibabaRuntime())) {
      throw fail(
          "<alibabaRuntime> is 'custom' or 'builtin', not '" + settings.alibabaRuntime() + "'");
    }
    Map<String, CatalogEntry> known = new LinkedHashMap<>();
    catalog.forEach(entry -> known.put(entry.name(), entry));
    Map<String, FunctionConfig> configured = new LinkedHashMap<>();
    for (FunctionConfig config : configs) {
      if (config.name == null || config.name.isBlank()) {
        throw fail("a <function> has no <name>");
      }
      if (!known.containsKey(config.name)) {
        throw fail(
            where(config.name)
                + "no such function in the built application; it has: "
                + String.join(", ", known.keySet()));
      }
      if (configured.put(config.name, config) != null) {
        throw fail(where(config.name) + "configured twice");
      }
    }
    List<FunctionPlan> functions = new ArrayList<>();
    Set<String> resourceNames = new LinkedHashSet<>();
    for (CatalogEntry entry : catalog) {
      FunctionPlan plan = plan(entry, configured.get(entry.name()));
      if (!resourceNames.add(plan.resourceName().toLowerCase(java.util.Locale.ROOT))) {
        throw fail(
            where(entry.name())
                + "its resource name '"
                + plan.resourceName()
                + "' is the same as another function's; rename one of them");
      }
      functions.add(plan);
    }
    return new DeploymentPlan(application, jarName, functions, settings);
  }

  private FunctionPlan plan(CatalogEntry entry, FunctionConfig config) {
    String name = entry.name();
    String defaultMethod = entry.supplier() ? "GET" : "POST";
    if (config == null) {
      return new FunctionPlan(
          name,
          entry.supplier(),
          new Trigger.Http("/" + name, defaultMethod),
          defaultMemory,
          defaultTimeout);
    }
    String kind = config.trigger == null ? "http" : config.trigger.trim();
    if (!Trigger.KINDS.contains(kind)) {
      throw fail(
          where(name)
              + "<trigger> '"
              + kind
              + "' is not one of "
              + String.join(", ", Trigger.KINDS));
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("path", config.path);
    parameters.put("queue", config.queue);
    parameters.put("topic", config.topic);
    parameters.put("schedule", config.schedule);
    parameters.put("eventType", config.eventType);
    String own = ownParameter(kind);
    List<String> foreign =
        parameters.entrySet().stream()
            .filter(p -> p.getValue() != null && !p.getKey().equals(own))
            .map(p -> "<" + p.getKey() + ">")
            .collect(Collectors.toList());
    if (!foreign.isEmpty()) {
      throw fail(
          where(name)
              + String.join(", ", foreign)
              + (foreign.size() == 1 ? " does" : " do")
              + " not belong to a "
              + kind
              + " trigger"
              + (config.trigger == null ? " (no <trigger> given means http)" : ""));
    }
    Trigger trigger =
        switch (kind) {
          case "http" -> http(name, config.path, defaultMethod);
          case "queue" -> new Trigger.Queue(resource(name, "queue", config.queue));
          case "topic" -> new Trigger.Topic(resource(name, "topic", config.topic));
          case "schedule" -> new Trigger.Schedule(cron(name, config.schedule));
          default -> new Trigger.Event(eventType(name, config.eventType));
        };
    int memory =
        config.memory == null
            ? defaultMemory
            : checkMemory(where(name) + "<memory>", config.memory);
    int timeout =
        config.timeout == null
            ? defaultTimeout
            : checkTimeout(where(name) + "<timeout>", config.timeout);
    return new FunctionPlan(name, entry.supplier(), trigger, memory, timeout);
  }

  private static String ownParameter(String kind) {
    return switch (kind) {
      case "http" -> "path";
      case "event" -> "eventType";
      default -> kind;
    };
  }

  private Trigger.Http http(String name, String path, String method) {
    if (path == null) {
      return new Trigger.Http("/" + name, method);
    }
    if (!PATH.matcher(path).matches()) {
      throw fail(
          where(name)
              + "<path> '"
              + path
              + "' must start with '/' and hold only URL path characters other than ',' and '='");
    }
    return new Trigger.Http(path, method);
  }

  private String resource(String name, String parameter, String value) {
    if (value == null || value.isBlank()) {
      throw fail(where(name) + "a " + parameter + " trigger needs <" + parameter + ">");
    }
    if (!RESOURCE.matcher(value).matches()) {
      throw fail(
          where(name)
              + "<"
              + parameter
              + "> '"
              + value
              + "' must be 1 to 80 letters, digits, '.', '_' or '-', starting with a letter or"
              + " digit");
    }
    return value;
  }

  private Cron cron(String name, String schedule) {
    if (schedule == null || schedule.isBlank()) {
      throw fail(where(name) + "a schedule trigger needs <schedule>, a five-field cron (UTC)");
    }
    try {
      return Cron.parse(schedule);
    } catch (IllegalArgumentException e) {
      throw fail(where(name) + "<schedule>: " + e.getMessage());
    }
  }

  private String eventType(String name, String type) {
    if (type == null || type.isBlank()) {
      throw fail(where(name) + "an event trigger needs <eventType>");
    }
    if (!EVENT_TYPE.matcher(type).matches()) {
      throw fail(
          where(name) + "<eventType> '" + type + "' must be letters, digits, '.', '_', ':' or '-'");
    }
    return type;
  }

  private int checkMemory(String what, int memory) {
    if (memory < MIN_MEMORY || memory > MAX_MEMORY) {
      throw fail(
          what
              + " is "
              + memory
              + " MiB; every platform accepts "
              + MIN_MEMORY
              + " to "
              + MAX_MEMORY);
    }
    return memory;
  }

  private int checkTimeout(String what, int timeout) {
    if (timeout < 1 || timeout > MAX_TIMEOUT) {
      throw fail(
          what
              + " is "
              + timeout
              + " s; every platform accepts 1 to "
              + MAX_TIMEOUT
              + " (AWS Lambda's limit)");
    }
    return timeout;
  }

  private static String where(String name) {
    return "<function> '" + name + "': ";
  }

  private DescriptorConfigurationException fail(String what) {
    return new DescriptorConfigurationException(pom + ": fn4j-maven-plugin " + what);
  }
}
