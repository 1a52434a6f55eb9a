package dev.fn4j.maven;

/**
 * One {@code <function>} of the plugin's configuration in the POM: the trigger of a function of the
 * catalog and its resources. Maven sets the fields; {@link PlanBuilder} checks them.
 *
 * <pre>{@code
 * <function>
 *   <name>greetings</name>
 *   <trigger>topic</trigger>
 *   <topic>greetings</topic>
 *   <memory>256</memory>
 * </function>
 * }</pre>
 */
public class FunctionConfig {

  /** The function's name in the catalog. */
  String name;

  /** {@code http}, {@code queue}, {@code topic}, {@code schedule} or {@code event}. */
  String trigger;

  /** The HTTP path of an {@code http} trigger; {@code /<name>} when not given. */
  String path;

  /** The queue of a {@code queue} trigger. */
  String queue;

  /** The topic of a {@code topic} trigger. */
  String topic;

  /** The five-field cron expression (UTC) of a {@code schedule} trigger. */
  String schedule;

  /** The event type of an {@code event} trigger. */
  String eventType;

  /** Memory in MiB; the plugin's {@code <memory>} when not given. */
  Integer memory;

  /** Timeout in seconds; the plugin's {@code <timeout>} when not given. */
  Integer timeout;

  /** Creates an empty configuration; Maven calls this. */
  public FunctionConfig() {}

  /**
   * Creates a configuration, for tests and for code that builds plans.
   *
   * @param name the function's name
   * @param trigger the trigger kind
   * @return the configuration, to be completed with the {@code with...} methods
   */
  public static FunctionConfig of(String name, String trigger) {
    FunctionConfig config = new FunctionConfig();
    config.name = name;
    config.trigger = trigger;
    return config;
  }

  /**
   * Sets the HTTP path.
   *
   * @param value the path
   * @return this configuration
   */
  public FunctionConfig withPath(String value) {
    this.path = value;
    return this;
  }

  /**
   * Sets the queue.
   *
   * @param value the queue's name
   * @return this configuration
   */
  public FunctionConfig withQueue(String value) {
    this.queue = value;
    return this;
  }

  /**
   * Sets the topic.
   *
   * @param value the topic's name
   * @return this configuration
   */
  public FunctionConfig withTopic(String value) {
    this.topic = value;
    return this;
  }

  /**
   * Sets the schedule.
   *
   * @param value a five-field cron expression
   * @return this configuration
   */
  public FunctionConfig withSchedule(String value) {
    this.schedule = value;
    return this;
  }

  /**
   * Sets the event type.
   *
   * @param value the event type
   * @return this configuration
   */
  public FunctionConfig withEventType(String value) {
    this.eventType = value;
    return this;
  }

  /**
   * Sets the memory.
   *
   * @param value MiB
   * @return this configuration
   */
  public FunctionConfig withMemory(int value) {
    this.memory = value;
    return this;
  }

  /**
   * Sets the timeout.
   *
   * @param value seconds
   * @return this configuration
   */
  public FunctionConfig withTimeout(int value) {
    this.timeout = value;
    return this;
  }
}
