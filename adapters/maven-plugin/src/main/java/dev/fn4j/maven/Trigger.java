package dev.fn4j.maven;

import java.util.List;
import java.util.Objects;

/**
 * What invokes a function on a cloud: an HTTP route, a message queue, a publish/subscribe topic, a
 * schedule, or CloudEvents of one type. Each writer maps these to its platform's own trigger (the
 * module README has the table).
 */
public sealed interface Trigger {

  /** The names a POM's {@code <trigger>} takes, in this order. */
  List<String> KINDS = List.of("http", "queue", "topic", "schedule", "event");

  /**
   * Returns the name of this kind of trigger.
   *
   * @return one of {@link #KINDS}
   */
  String kind();

  /**
   * An HTTP route.
   *
   * @param path the path, starting with {@code /}
   * @param method {@code GET} for a supplier, {@code POST} otherwise (fn4j's HTTP contract)
   */
  record Http(String path, String method) implements Trigger {
    /** Checks the values. */
    public Http {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(method, "method");
    }

    @Override
    public String kind() {
      return "http";
    }
  }

  /**
   * A message queue (SQS, Azure Storage queue, MNS queue; Pub/Sub on Google).
   *
   * @param name the queue's name
   */
  record Queue(String name) implements Trigger {
    /** Checks the values. */
    public Queue {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String kind() {
      return "queue";
    }
  }

  /**
   * A publish/subscribe topic (SNS, Service Bus topic, Pub/Sub, MNS topic).
   *
   * @param name the topic's name
   */
  record Topic(String name) implements Trigger {
    /** Checks the values. */
    public Topic {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String kind() {
      return "topic";
    }
  }

  /**
   * A schedule.
   *
   * @param cron a five-field Unix cron expression ({@code minute hour day-of-month month
   *     day-of-week}), in UTC; each writer turns it into its platform's syntax
   */
  record Schedule(Cron cron) implements Trigger {
    /** Checks the values. */
    public Schedule {
      Objects.requireNonNull(cron, "cron");
    }

    @Override
    public String kind() {
      return "schedule";
    }
  }

  /**
   * CloudEvents (or the platform's events) of one type.
   *
   * @param type the event type to filter on, for example {@code com.acme.order.created}
   */
  record Event(String type) implements Trigger {
    /** Checks the values. */
    public Event {
      Objects.requireNonNull(type, "type");
    }

    @Override
    public String kind() {
      return "event";
    }
  }
}
