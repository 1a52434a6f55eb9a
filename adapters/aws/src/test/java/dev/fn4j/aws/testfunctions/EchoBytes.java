package dev.fn4j.aws.testfunctions;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Answers the bytes it got; remembers them. */
public final class EchoBytes implements Function<byte[], byte[]> {

  private final List<byte[]> received = new CopyOnWriteArrayList<>();

  @Override
  public byte[] apply(byte[] bytes) {
    received.add(bytes.clone());
    return bytes;
  }

  /**
   * Returns the inputs received, in order.
   *
   * @return the inputs
   */
  public List<byte[]> received() {
    return List.copyOf(received);
  }
}
