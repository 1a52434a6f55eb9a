package dev.fn4j.conformance;

import dev.fn4j.function.BatchResult;
import dev.fn4j.function.FunctionRegistrar;
import dev.fn4j.function.FunctionRegistry;
import dev.fn4j.function.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The application these tests drive, found as the launcher finds it: through {@code
 * META-INF/services/dev.fn4j.function.FunctionRegistrar} on the test class path. One function of
 * each shape the paths must agree on.
 */
public final class ConformanceFunctions implements FunctionRegistrar {

  /** What {@code remember} was given, in order, by every path. */
  static final List<String> REMEMBERED = new CopyOnWriteArrayList<>();

  @Override
  public void register(FunctionRegistry registry) {
    registry
        .add("uppercase", new Uppercase())
        .add("greet", new Greet())
        .add("invert", new Invert())
        .add("answer", new Answer())
        .add("remember", new Remember())
        .add("explode", new Explode())
        .add("echo-header", new EchoHeader())
        .add("count", new Count())
        .add("slow", new Slow())
        .add("ship", new Ship())
        .add("ship-one", new ShipOne())
        .add("unencodable", new Unencodable());
  }

  /** Text in, text out. */
  static final class Uppercase implements Function<String, String> {
    @Override
    public String apply(String text) {
      return text.toUpperCase(Locale.ROOT);
    }
  }

  /**
   * Who to greet.
   *
   * @param name the name
   * @param language a language code, or null
   */
  public record Person(String name, String language) {}

  /**
   * A greeting.
   *
   * @param message the text
   * @param length how many characters the name has
   */
  public record Greeting(String message, int length) {}

  /** A JSON record in, a JSON record out. */
  static final class Greet implements Function<Person, Greeting> {
    @Override
    public Greeting apply(Person person) {
      String hello = "de".equals(person.language()) ? "Hallo" : "Hello";
      return new Greeting(hello + ", " + person.name() + "!", person.name().length());
    }
  }

  /** Bytes in, every bit flipped out: binary both ways, never valid UTF-8 by accident. */
  static final class Invert implements Function<byte[], byte[]> {
    @Override
    public byte[] apply(byte[] bytes) {
      byte[] inverted = new byte[bytes.length];
      for (int i = 0; i < bytes.length; i++) {
        inverted[i] = (byte) ~bytes[i];
      }
      return inverted;
    }
  }

  /**
   * A supplier's value.
   *
   * @param value the answer
   * @param question what it answers
   */
  public record Reply(int value, String question) {}

  /** A supplier, called with GET; always the same value, so that paths can be compared. */
  static final class Answer implements Supplier<Reply> {
    @Override
    public Reply get() {
      return new Reply(42, "life, the universe and everything");
    }
  }

  /** A consumer: keeps what it is given, returns nothing. */
  static final class Remember implements Consumer<String> {
    @Override
    public void accept(String text) {
      REMEMBERED.add(text);
    }
  }

  /** A function that throws, with a message that must never reach a client. */
  static final class Explode implements Function<String, String> {
    @Override
    public String apply(String text) {
      throw new IllegalStateException("secret-internal-detail " + text);
    }
  }

  /** Answers the values of the request header {@code X-Conformance}, joined by {@code |}. */
  static final class EchoHeader implements Function<Message<String>, String> {
    @Override
    public String apply(Message<String> message) {
      List<String> values = message.headers().all("X-Conformance");
      return values.isEmpty() ? "(none)" : String.join("|", values);
    }
  }

  /**
   * Counts its calls: every path that serves this very object continues the count, so a path that
   * served a copy of the application would start again at 1.
   */
  static final class Count implements Supplier<Integer> {
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public Integer get() {
      return calls.incrementAndGet();
    }
  }

  /**
   * Waits as many milliseconds as its body says (at most 10 s), then answers how long it waited:
   * requests in flight for the load and shutdown tests.
   */
  static final class Slow implements Function<String, String> {
    @Override
    public String apply(String millis) {
      long wait = Math.min(10_000, Long.parseLong(millis.isBlank() ? "0" : millis.strip()));
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting", e);
      }
      return "waited " + wait + " ms";
    }
  }

  /**
   * An order of a batch.
   *
   * @param id the order's id
   * @param quantity how many; zero or less cannot be shipped
   */
  public record Order(String id, int quantity) {}

  /**
   * A function over a whole batch: ships every order, and names the ones it could not ship (a
   * quantity of zero or less) so that the platform redelivers exactly those.
   */
  static final class Ship implements Function<List<Order>, BatchResult> {
    /** The ids of the orders shipped, by every path, in order. */
    static final List<String> SHIPPED = new CopyOnWriteArrayList<>();

    @Override
    public BatchResult apply(List<Order> orders) {
      List<Integer> failed = new ArrayList<>();
      for (int i = 0; i < orders.size(); i++) {
        if (orders.get(i).quantity() > 0) {
          SHIPPED.add(orders.get(i).id());
        } else {
          failed.add(i);
        }
      }
      return BatchResult.failed(failed);
    }
  }

  /**
   * A function over one order at a time: ships it, or throws for a quantity of zero or less, so
   * that a batch trigger reports that order alone.
   */
  static final class ShipOne implements Function<Order, String> {
    /** The ids of the orders shipped one at a time, by every path, in order. */
    static final List<String> SHIPPED_ONE = new CopyOnWriteArrayList<>();

    @Override
    public String apply(Order order) {
      if (order.quantity() <= 0) {
        throw new IllegalArgumentException(
            "secret-internal-detail: cannot ship " + order.quantity() + " of " + order.id());
      }
      SHIPPED_ONE.add(order.id());
      return "shipped " + order.id();
    }
  }

  /**
   * What {@code unencodable} returns: a bean whose only property cannot be read, so JSON
   * serialisation fails (phase ENCODE) with a message that must never reach a client.
   */
  public static final class Unserialisable {
    /**
     * Fails, as a broken getter would.
     *
     * @return never
     */
    public String getDetail() {
      throw new IllegalStateException("secret-internal-detail in a getter");
    }
  }

  /** Returns a value that cannot be serialised: the ENCODE phase fails. */
  static final class Unencodable implements Function<String, Unserialisable> {
    @Override
    public Unserialisable apply(String text) {
      return new Unserialisable();
    }
  }
}
