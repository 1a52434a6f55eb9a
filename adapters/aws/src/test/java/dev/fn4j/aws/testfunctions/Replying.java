package dev.fn4j.aws.testfunctions;

import dev.fn4j.function.HttpReply;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Answers a fixed {@link HttpReply} whatever the request; remembers the request bodies, read as raw
 * bytes.
 */
public final class Replying implements Function<byte[], HttpReply<Object>> {

  private final HttpReply<Object> reply;
  private final List<byte[]> received = new CopyOnWriteArrayList<>();

  /**
   * Creates the function.
   *
   * @param reply what every call answers
   */
  public Replying(HttpReply<Object> reply) {
    this.reply = reply;
  }

  @Override
  public HttpReply<Object> apply(byte[] body) {
    received.add(body.clone());
    return reply;
  }

  /**
   * Returns the request bodies received, in order.
   *
   * @return the bodies
   */
  public List<byte[]> received() {
    return List.copyOf(received);
  }
}
