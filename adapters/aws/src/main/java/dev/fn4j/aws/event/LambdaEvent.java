package dev.fn4j.aws.event;

import java.util.Map;

/**
 * A classified Lambda event: its kind, the parsed JSON (null when the payload is not JSON) and the
 * raw bytes. Functions reach it through {@code InvocationContext.unwrap(LambdaEvent.class)}, and
 * the parsed tree through {@code unwrap(Map.class)}.
 *
 * @param kind what the event is
 * @param json the parsed JSON object, or null for a payload that is not a JSON object
 * @param bytes the payload as it arrived
 */
public record LambdaEvent(EventKind kind, Map<String, Object> json, byte[] bytes) {

  /**
   * Returns the parsed event as a tree with checked access.
   *
   * @return the tree
   * @throws MalformedEventException when the event is not a JSON object
   */
  public EventTree tree() {
    return EventTree.of("", json);
  }
}
