package dev.fn4j.alibaba.runtime;

import dev.fn4j.function.FunctionRegistrar;
import dev.fn4j.function.FunctionRegistry;
import dev.fn4j.function.HttpReply;
import dev.fn4j.function.Lifecycle;
import dev.fn4j.function.Message;
import dev.fn4j.function.TypeRef;
import dev.fn4j.testkit.FcCredentials;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The functions the in-process runtime tests serve, with lifecycle hooks that count their calls and
 * can be told to fail. One instance per server, so that counts do not leak between tests.
 *
 * <table>
 *   <caption>Functions</caption>
 *   <tr><td>{@code uppercase}</td><td>text to text</td></tr>
 *   <tr><td>{@code greet}</td><td>{@link Greeting} to {@link Reply} (JSON both ways)</td></tr>
 *   <tr><td>{@code fail}</td><td>throws, with {@link #SECRET} in the exception's message</td></tr>
 *   <tr><td>{@code echo}</td><td>{@code Message<String>} to what reached it: request id,
 *       platform, function name, context attributes, headers, payload, and whether the FC
 *       credentials it can reach are the fake host's (never the credentials themselves)</td></tr>
 *   <tr><td>{@code created}</td><td>text to an {@code HttpReply}: 201, {@code X-Order-Id}, a
 *       content type</td></tr>
 *   <tr><td>{@code reverse}</td><td>bytes to bytes, reversed</td></tr>
 *   <tr><td>{@code order}</td><td>one {@link Order} to text, kept in {@link #orders()}; throws
 *       for a negative quantity</td></tr>
 *   <tr><td>{@code orderBatch}</td><td>a whole batch of {@link Order}s to a summary</td></tr>
 * </table>
 */
public final class RuntimeFunctions implements FunctionRegistrar {

  /** What a failing function or hook puts in its exception's message: never to be seen. */
  public static final String SECRET = "secret-marker-7f3a";

  /** The event type routing of the CloudEvent tests, for {@code FN4J_ROUTING_TYPES}. */
  public static final String ROUTING_TYPES =
      "com.example.greeting=greet,com.example.echo=echo,"
          + "com.example.order.placed=order,com.example.order.bulk=orderBatch,"
          + "com.example.bytes=reverse";

  /** A greeting request. */
  public record Greeting(String name) {}

  /** A greeting answer. */
  public record Reply(String message) {}

  /** An order, one item of a batch. */
  public record Order(String id, int quantity) {}

  private final AtomicInteger inits = new AtomicInteger();
  private final AtomicInteger preFreezes = new AtomicInteger();
  private final AtomicInteger preStops = new AtomicInteger();
  private final AtomicBoolean hooksFail = new AtomicBoolean();
  private final Queue<Order> orders = new ConcurrentLinkedQueue<>();

  @Override
  public void register(FunctionRegistry registry) {
    registry.function(
        "uppercase", String.class, String.class, text -> text.toUpperCase(Locale.ROOT));
    registry.function(
        "greet", Greeting.class, Reply.class, greeting -> new Reply("Hello, " + greeting.name()));
    registry.function(
        "fail",
        String.class,
        String.class,
        text -> {
          throw new IllegalStateException("the function failed: " + SECRET);
        });
    registry.function(
        "echo",
        new TypeRef<Message<String>>() {},
        new TypeRef<Map<String, Object>>() {},
        RuntimeFunctions::echo);
    registry.function(
        "created",
        new TypeRef<String>() {},
        new TypeRef<HttpReply<String>>() {},
        text ->
            HttpReply.of(201, "created " + text)
                .withHeader("X-Order-Id", "42")
                .withContentType("text/plain; charset=UTF-8"));
    registry.function("reverse", byte[].class, byte[].class, RuntimeFunctions::reverse);
    registry.function("order", Order.class, String.class, this::order);
    registry.function(
        "orderBatch",
        new TypeRef<List<Order>>() {},
        new TypeRef<Map<String, Object>>() {},
        RuntimeFunctions::summary);
    registry.lifecycle(new Hooks());
  }

  /** How many times {@code onInit} ran. */
  public int inits() {
    return inits.get();
  }

  /** How many times {@code preFreeze} ran. */
  public int preFreezes() {
    return preFreezes.get();
  }

  /** How many times {@code preStop} ran. */
  public int preStops() {
    return preStops.get();
  }

  /** Makes every later pre-freeze and pre-stop hook throw. */
  public void failHooks() {
    hooksFail.set(true);
  }

  /** The orders {@code order} received, in order. */
  public List<Order> orders() {
    return List.copyOf(orders);
  }

  private String order(Order order) {
    if (order.quantity() < 0) {
      throw new IllegalArgumentException("negative quantity " + SECRET);
    }
    orders.add(order);
    return "order " + order.id() + " x" + order.quantity();
  }

  private static Map<String, Object> summary(List<Order> batch) {
    List<String> ids = new ArrayList<>();
    int total = 0;
    for (Order order : batch) {
      ids.add(order.id());
      total += order.quantity();
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("count", batch.size());
    summary.put("ids", ids);
    summary.put("total", total);
    return summary;
  }

  private static byte[] reverse(byte[] bytes) {
    byte[] reversed = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      reversed[i] = bytes[bytes.length - 1 - i];
    }
    return reversed;
  }

  static Map<String, Object> echo(Message<String> message) {
    Map<String, String> headers = new TreeMap<>();
    for (String name : message.headers().names()) {
      headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", message.headers().all(name)));
    }
    FcCredentials fake = FcCredentials.fake();
    Map<String, Object> echo = new LinkedHashMap<>();
    echo.put("requestId", message.context().requestId());
    echo.put("platform", message.context().platform());
    echo.put("functionName", message.context().functionName());
    echo.put("attributes", new TreeMap<>(message.context().attributes()));
    echo.put("headers", headers);
    echo.put("payload", message.payload());
    echo.put("hasDeadline", message.context().deadline().isPresent());
    echo.put(
        "credentials",
        message
            .context()
            .unwrap(dev.fn4j.alibaba.FcCredentials.class)
            .map(
                credentials -> {
                  if (credentials.isEmpty()) {
                    return "empty";
                  }
                  return credentials.accessKeyId().equals(fake.accessKeyId())
                          && credentials.accessKeySecret().equals(fake.accessKeySecret())
                          && credentials.securityToken().equals(fake.securityToken())
                      ? "the fake host's"
                      : "other";
                })
            .orElse("none"));
    return echo;
  }

  /** Counts the hook calls; throws when told to. */
  private final class Hooks implements Lifecycle {
    @Override
    public void onInit() {
      inits.incrementAndGet();
    }

    @Override
    public void preFreeze() {
      preFreezes.incrementAndGet();
      if (hooksFail.get()) {
        throw new IllegalStateException("pre-freeze failed " + SECRET);
      }
    }

    @Override
    public void preStop() {
      preStops.incrementAndGet();
      if (hooksFail.get()) {
        throw new IllegalStateException("pre-stop failed " + SECRET);
      }
    }
  }
}
