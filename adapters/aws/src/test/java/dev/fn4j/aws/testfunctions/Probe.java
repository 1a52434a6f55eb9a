package dev.fn4j.aws.testfunctions;

import dev.fn4j.function.Message;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Keeps every message it receives, context included, and answers {@code "ok"}. */
public final class Probe implements Function<Message<String>, String> {

  private final List<Message<String>> received = new CopyOnWriteArrayList<>();

  @Override
  public String apply(Message<String> message) {
    received.add(message);
    return "ok";
  }

  /**
   * Returns the messages received, in order.
   *
   * @return the messages
   */
  public List<Message<String>> received() {
    return List.copyOf(received);
  }

  /**
   * Returns the only message received.
   *
   * @return the message
   * @throws IllegalStateException when it received none or several
   */
  public Message<String> only() {
    if (received.size() != 1) {
      throw new IllegalStateException("expected one message, got " + received.size());
    }
    return received.get(0);
  }
}
