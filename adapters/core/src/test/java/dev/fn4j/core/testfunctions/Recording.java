package dev.fn4j.core.testfunctions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A function that keeps every input it receives and answers {@code "ok"}. Subclass it with a
 * concrete type argument ({@code class BytesIn extends Recording<byte[]> {}}) so the catalog reads
 * the declared input type from the class.
 *
 * @param <I> the declared input type
 */
public abstract class Recording<I> implements Function<I, String> {

  private final List<I> inputs = new ArrayList<>();

  @Override
  public synchronized String apply(I input) {
    inputs.add(input);
    return "ok";
  }

  /**
   * Returns every input received, in call order.
   *
   * @return a copy of the inputs
   */
  public synchronized List<I> inputs() {
    return new ArrayList<>(inputs);
  }

  /**
   * Returns the one input received.
   *
   * @return the input
   * @throws IllegalStateException unless the function was called exactly once
   */
  public synchronized I only() {
    if (inputs.size() != 1) {
      throw new IllegalStateException("expected one call, got " + inputs.size());
    }
    return inputs.get(0);
  }
}
