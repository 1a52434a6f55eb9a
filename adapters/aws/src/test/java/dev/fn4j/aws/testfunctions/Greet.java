package dev.fn4j.aws.testfunctions;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Greets in German or English; remembers every greeting it received. */
public final class Greet implements Function<Greeting, Salutation> {

  private final List<Greeting> received = new CopyOnWriteArrayList<>();

  @Override
  public Salutation apply(Greeting greeting) {
    received.add(greeting);
    String hello = "de".equals(greeting.language()) ? "Hallo" : "Hello";
    return new Salutation(hello + ", " + greeting.name());
  }

  /**
   * Returns the greetings received, in order.
   *
   * @return the inputs
   */
  public List<Greeting> received() {
    return List.copyOf(received);
  }
}
