package dev.fn4j.aws.testfunctions;

import dev.fn4j.function.BatchResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Takes a whole batch of greetings in one call and reports the positions it was told to fail;
 * remembers every batch.
 */
public final class GreetAll implements Function<List<Greeting>, BatchResult> {

  private final int[] failed;
  private final List<List<Greeting>> batches = new CopyOnWriteArrayList<>();

  /**
   * Creates the function.
   *
   * @param failed the positions (in the list it receives) to report as failed
   */
  public GreetAll(int... failed) {
    this.failed = failed.clone();
  }

  @Override
  public BatchResult apply(List<Greeting> greetings) {
    batches.add(List.copyOf(greetings));
    return BatchResult.failed(failed);
  }

  /**
   * Returns the batches received, in order.
   *
   * @return the batches
   */
  public List<List<Greeting>> batches() {
    return List.copyOf(batches);
  }
}
