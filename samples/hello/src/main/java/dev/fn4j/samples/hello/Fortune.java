package dev.fn4j.samples.hello;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Supplies sayings in turn: a supplier, invoked with GET. */
public final class Fortune implements Supplier<Fortune.Saying> {

  private static final List<String> SAYINGS =
      List.of(
          "Write it once, run it anywhere.",
          "The best code is the code you do not deploy twice.",
          "Cold starts are warm memories.");

  private final AtomicInteger next = new AtomicInteger();

  /**
   * A saying and its position in the rotation.
   *
   * @param number the 1-based position
   * @param text the saying
   */
  public record Saying(int number, String text) {}

  @Override
  public Saying get() {
    int index = Math.floorMod(next.getAndIncrement(), SAYINGS.size());
    return new Saying(index + 1, SAYINGS.get(index));
  }
}
