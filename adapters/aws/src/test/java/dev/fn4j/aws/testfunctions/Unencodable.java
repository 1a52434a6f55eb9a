package dev.fn4j.aws.testfunctions;

import java.util.function.Function;

/** Answers an object that cannot be written as JSON (it refers to itself). */
public final class Unencodable implements Function<String, Object> {

  /** A bean whose only property is itself. */
  public static final class Cycle {
    /**
     * Returns this object.
     *
     * @return this
     */
    public Cycle getSelf() {
      return this;
    }
  }

  @Override
  public Object apply(String text) {
    return new Cycle();
  }
}
