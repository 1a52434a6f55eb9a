package dev.fn4j.aws.testfunctions;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Applies a DynamoDB change; throws for the event names it is told to fail on. */
public final class ApplyChange implements Function<StreamChange, String> {

  private final Set<String> failOn;
  private final List<StreamChange> received = new CopyOnWriteArrayList<>();

  /**
   * Creates the function.
   *
   * @param failOn event names (INSERT, MODIFY, REMOVE) that make it throw
   */
  public ApplyChange(String... failOn) {
    this.failOn = Set.of(failOn);
  }

  @Override
  public String apply(StreamChange change) {
    received.add(change);
    if (failOn.contains(change.eventName())) {
      throw new IllegalStateException("cannot apply " + change.eventName());
    }
    return change.eventName();
  }

  /**
   * Returns the changes received, in order.
   *
   * @return the changes
   */
  public List<StreamChange> received() {
    return List.copyOf(received);
  }
}
