package dev.fn4j.alibaba;

import dev.fn4j.core.convert.JsonCodec;
import dev.fn4j.core.convert.JsonTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An event FC delivers to {@code /invoke} (or to a built-in runtime's handler), recognised by the
 * documented fields of each trigger, never guessed: what kind it is, the routing keys it offers
 * from the most to the least specific (for {@code FN4J_ROUTING_TYPES} or a function named after
 * one), and its parsed tree.
 *
 * <table>
 *   <caption>Kinds and routing keys</caption>
 *   <tr><th>kind</th><th>recognised by</th><th>routing keys</th></tr>
 *   <tr><td>HTTP trigger (FC 3.0, event function)</td><td>{@code version: "v1"}, {@code rawPath},
 *       {@code requestContext}</td><td>routed by {@code rawPath}, as HTTP</td></tr>
 *   <tr><td>OSS</td><td>{@code events[0].eventSource: "acs:oss"}</td><td>{@code
 *       oss:<eventName>}, {@code oss}</td></tr>
 *   <tr><td>CDN</td><td>{@code events[0].eventSource: "cdn"}</td><td>{@code cdn:<eventName>},
 *       {@code cdn}</td></tr>
 *   <tr><td>timer</td><td>{@code triggerTime}, {@code triggerName}</td><td>{@code
 *       timer:<triggerName>}, {@code timer}</td></tr>
 *   <tr><td>MNS topic (JSON format)</td><td>{@code TopicOwner}, {@code TopicName}, {@code
 *       Message}</td><td>{@code mns:topic:<TopicName>}, {@code mns:topic}</td></tr>
 *   <tr><td>SLS</td><td>{@code source.projectName}, {@code source.logstoreName}, {@code
 *       jobName}</td><td>{@code sls:<logstoreName>}, {@code sls}</td></tr>
 *   <tr><td>Tablestore</td><td>{@code Version}, {@code Records}</td><td>{@code
 *       tablestore}</td></tr>
 *   <tr><td>CloudEvent (EventBridge: MNS queue, RocketMQ, Kafka, ...)</td><td>{@code
 *       specversion}, {@code id}, {@code source}, {@code type}</td><td>its {@code type}</td></tr>
 *   <tr><td>CloudEvent batch</td><td>an array of CloudEvents, or of JSON strings holding them
 *       (Kafka)</td><td>each event's {@code type}</td></tr>
 *   <tr><td>other (MNS stream format, any raw body)</td><td>none of the above</td><td>none: the
 *       selected or only function</td></tr>
 * </table>
 *
 * @param kind the kind
 * @param routingKeys the routing keys, most specific first; for {@link Kind#OTHER} empty, or the
 *     {@code eventSource} of an {@code events[]} event of another source
 * @param tree the parsed JSON (for a batch, the list of event objects), or null for {@link
 *     Kind#OTHER}
 */
record FcEvent(Kind kind, List<String> routingKeys, Object tree) {

  /** The trigger kinds. */
  enum Kind {
    HTTP_TRIGGER,
    OSS,
    CDN,
    TIMER,
    MNS_TOPIC,
    SLS,
    TABLESTORE,
    CLOUD_EVENT,
    CLOUD_EVENT_BATCH,
    OTHER
  }

  FcEvent {
    routingKeys = List.copyOf(routingKeys);
  }

  private static final FcEvent OTHER = new FcEvent(Kind.OTHER, List.of(), null);

  /**
   * Recognises an event.
   *
   * @param body the raw event
   * @return the event; {@link Kind#OTHER} for anything that is not one of the documented shapes,
   *     including bodies that are not JSON
   */
  static FcEvent of(byte[] body) {
    int first = firstNonSpace(body);
    if (first < 0 || (body[first] != '{' && body[first] != '[')) {
      return OTHER;
    }
    Object tree;
    try {
      tree = JsonTree.parse(body);
    } catch (JsonCodec.JsonDecodeException e) {
      return OTHER;
    }
    if (tree instanceof Map<?, ?> object) {
      return ofObject(object);
    }
    if (tree instanceof List<?> list) {
      return ofList(list);
    }
    return OTHER;
  }

  private static FcEvent ofObject(Map<?, ?> event) {
    if ("v1".equals(event.get("version"))
        && event.get("rawPath") instanceof String
        && event.get("requestContext") instanceof Map) {
      return new FcEvent(Kind.HTTP_TRIGGER, List.of(), event);
    }
    if (isCloudEvent(event)) {
      return new FcEvent(Kind.CLOUD_EVENT, List.of((String) event.get("type")), event);
    }
    if (event.get("events") instanceof List<?> events
        && !events.isEmpty()
        && events.get(0) instanceof Map<?, ?> record
        && record.get("eventSource") instanceof String source) {
      String name = record.get("eventName") instanceof String text ? text : null;
      return switch (source) {
        case "acs:oss" -> new FcEvent(Kind.OSS, keys("oss", name), event);
        case "cdn" -> new FcEvent(Kind.CDN, keys("cdn", name), event);
        default -> new FcEvent(Kind.OTHER, List.of(source), event);
      };
    }
    if (event.get("triggerTime") instanceof String && event.get("triggerName") instanceof String) {
      return new FcEvent(Kind.TIMER, keys("timer", (String) event.get("triggerName")), event);
    }
    if (event.containsKey("TopicOwner")
        && event.get("TopicName") instanceof String topic
        && event.containsKey("Message")) {
      return new FcEvent(Kind.MNS_TOPIC, keys("mns:topic", topic), event);
    }
    if (event.get("source") instanceof Map<?, ?> source
        && source.get("projectName") instanceof String
        && source.get("logstoreName") instanceof String logstore
        && event.containsKey("jobName")) {
      return new FcEvent(Kind.SLS, keys("sls", logstore), event);
    }
    if (event.containsKey("Version") && event.get("Records") instanceof List) {
      return new FcEvent(Kind.TABLESTORE, List.of("tablestore"), event);
    }
    return new FcEvent(Kind.OTHER, List.of(), event);
  }

  private static FcEvent ofList(List<?> items) {
    if (items.isEmpty()) {
      return OTHER;
    }
    List<Map<?, ?>> events = new ArrayList<>(items.size());
    for (Object item : items) {
      Object event = item;
      if (item instanceof String text) {
        try {
          event = JsonTree.parse(text);
        } catch (JsonCodec.JsonDecodeException e) {
          return OTHER;
        }
      }
      if (!(event instanceof Map<?, ?> object) || !isCloudEvent(object)) {
        return OTHER;
      }
      events.add(object);
    }
    return new FcEvent(
        Kind.CLOUD_EVENT_BATCH, List.of((String) events.get(0).get("type")), List.copyOf(events));
  }

  static boolean isCloudEvent(Map<?, ?> event) {
    return event.get("specversion") instanceof String
        && event.get("id") instanceof String
        && event.get("source") instanceof String
        && event.get("type") instanceof String;
  }

  private static List<String> keys(String prefix, String specific) {
    return specific == null || specific.isEmpty()
        ? List.of(prefix)
        : List.of(prefix + ":" + specific, prefix);
  }

  private static int firstNonSpace(byte[] body) {
    for (int i = 0; i < body.length; i++) {
      byte b = body[i];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return i;
      }
    }
    return -1;
  }
}
