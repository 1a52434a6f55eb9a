package dev.fn4j.knative.sdk;

import dev.fn4j.function.FunctionRegistry;
import dev.fn4j.function.Headers;
import dev.fn4j.function.HttpReply;
import dev.fn4j.function.Message;
import dev.fn4j.function.TypeRef;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The functions the SDK tests call, each recording what it received so that a test can check what
 * reached the function as well as what came back.
 */
final class SdkFunctions {

  /** The message of the exception {@code explode} throws; no response may ever show it. */
  static final String SECRET = "secret-detail-7f3a";

  /** An order, the JSON data of the events. */
  public record Order(String item, int quantity) {}

  /** What {@code greet} answers. */
  public record Receipt(String item, int quantity, String status) {}

  final List<Message<Order>> greeted = new CopyOnWriteArrayList<>();
  final List<Message<String>> shouted = new CopyOnWriteArrayList<>();
  final List<byte[]> reversed = new CopyOnWriteArrayList<>();
  final List<Order> recorded = new CopyOnWriteArrayList<>();
  final List<Message<String>> described = new CopyOnWriteArrayList<>();

  void clear() {
    greeted.clear();
    shouted.clear();
    reversed.clear();
    recorded.clear();
    described.clear();
  }

  /** Registers {@code greet} alone: an order in, a receipt out. */
  void registerGreet(FunctionRegistry registry) {
    registry.function(
        "greet",
        new TypeRef<Message<Order>>() {},
        TypeRef.of(Receipt.class),
        message -> {
          greeted.add(message);
          Order order = message.payload();
          return new Receipt(order.item(), order.quantity(), "accepted");
        });
  }

  /**
   * Registers {@code greet} (record in, record out), {@code shout} (text), {@code reverse} (bytes),
   * {@code record} (a consumer), {@code attributes} (echoes the {@code ce-} headers and {@code ce.}
   * context attributes it received), {@code relabel} (answers a message whose {@code ce-} headers
   * set attributes of the reply), {@code refuse} (answers 409), {@code picky} (throws for a
   * quantity below 1) and {@code explode} (throws).
   */
  void register(FunctionRegistry registry) {
    registerGreet(registry);
    registry
        .function(
            "shout",
            new TypeRef<Message<String>>() {},
            TypeRef.of(String.class),
            message -> {
              shouted.add(message);
              return message.payload().toUpperCase(Locale.ROOT);
            })
        .function(
            "reverse",
            byte[].class,
            byte[].class,
            bytes -> {
              reversed.add(bytes.clone());
              byte[] out = new byte[bytes.length];
              for (int i = 0; i < bytes.length; i++) {
                out[i] = bytes[bytes.length - 1 - i];
              }
              return out;
            })
        .consumer("record", TypeRef.of(Order.class), recorded::add)
        .function(
            "attributes",
            new TypeRef<Message<String>>() {},
            new TypeRef<Map<String, String>>() {},
            message -> {
              described.add(message);
              Map<String, String> echo = new TreeMap<>();
              for (String name : message.headers().names()) {
                // Header names keep the spelling they arrived with; they compare ignoring case.
                if (name.regionMatches(true, 0, "ce-", 0, 3)) {
                  echo.put(
                      name.toLowerCase(java.util.Locale.ROOT),
                      message.headers().first(name).orElseThrow());
                }
              }
              message.context().attributes().entrySet().stream()
                  .filter(attribute -> attribute.getKey().startsWith("ce."))
                  .forEach(attribute -> echo.put(attribute.getKey(), attribute.getValue()));
              return echo;
            })
        .function(
            "relabel",
            new TypeRef<Message<Order>>() {},
            new TypeRef<Message<Receipt>>() {},
            message ->
                Message.of(
                    new Receipt(
                        message.payload().item(), message.payload().quantity(), "relabelled"),
                    Headers.builder()
                        .add("ce-type", "com.acme.receipt.issued")
                        .add("ce-subject", "receipt-for-" + message.payload().item())
                        .add("ce-channel", "web")
                        .add("X-Receipt", "r-1")
                        .build()))
        .function(
            "refuse",
            new TypeRef<String>() {},
            new TypeRef<HttpReply<String>>() {},
            text -> HttpReply.of(409, "busy, try again").withContentType("text/plain"))
        .function(
            "picky",
            Order.class,
            Receipt.class,
            order -> {
              if (order.quantity() <= 0) {
                throw new IllegalArgumentException(SECRET);
              }
              return new Receipt(order.item(), order.quantity(), "accepted");
            })
        .function(
            "explode",
            String.class,
            String.class,
            text -> {
              throw new IllegalStateException(SECRET);
            });
  }
}
