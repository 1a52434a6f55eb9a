package dev.fn4j.azure.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fn4j.function.Cookie;
import dev.fn4j.function.FunctionRegistrar;
import dev.fn4j.function.FunctionRegistry;
import dev.fn4j.function.HttpReply;
import dev.fn4j.function.Message;
import dev.fn4j.function.TypeRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * The functions the in-process custom handler tests serve. One instance per server, so that what
 * they record does not leak between test classes.
 *
 * <table>
 *   <caption>Functions</caption>
 *   <tr><td>{@code uppercase}</td><td>text to text</td></tr>
 *   <tr><td>{@code greet}</td><td>{@link Greeting} to {@link Reply} (JSON both ways)</td></tr>
 *   <tr><td>{@code status}</td><td>a supplier (GET only) of a JSON object</td></tr>
 *   <tr><td>{@code created}</td><td>text to an {@code HttpReply}: 201, two {@code X-Tag} values,
 *       two cookies, a text content type</td></tr>
 *   <tr><td>{@code reverse}</td><td>bytes to bytes, reversed</td></tr>
 *   <tr><td>{@code fail}</td><td>throws, with {@link #SECRET} in the exception's message</td></tr>
 *   <tr><td>{@code echo}</td><td>{@code Message<String>} to what reached it: request id, platform,
 *       context attributes, headers, payload</td></tr>
 *   <tr><td>{@code order}</td><td>an {@link Order} to text; throws (with the secret) for a
 *       negative quantity</td></tr>
 *   <tr><td>{@code blob}</td><td>{@code Message<byte[]>} to a summary; keeps the bytes</td></tr>
 *   <tr><td>{@code timer}</td><td>the timer status as a map to a summary</td></tr>
 *   <tr><td>{@code blobCreated}</td><td>{@code Message<}{@link BlobCreated}{@code >} (an Event
 *       Grid event's data, decoded by the declared type) to its fields, {@code ce.*} attributes and
 *       {@code ce-*} headers</td></tr>
 *   <tr><td>{@code logging}</td><td>text to text, logging two lines with {@code
 *       System.getLogger}</td></tr>
 *   <tr><td>{@code webhook}</td><td>the raw body of an Event Grid webhook delivery to the count
 *       and ids of its events</td></tr>
 * </table>
 */
public final class HandlerFunctions implements FunctionRegistrar {

  /** What a failing function puts in its exception's message: never to be seen in an answer. */
  public static final String SECRET = "secret-marker-azure-5c1d";

  /** The first line {@code logging} logs, followed by its input. */
  public static final String LOGGED = "logging function got ";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A greeting request. */
  public record Greeting(String name) {}

  /** A greeting answer. */
  public record Reply(String message) {}

  /** A queue message. */
  public record Order(String id, int quantity) {}

  /** The part of a Microsoft.Storage.BlobCreated event's data a function declares. */
  public record BlobCreated(String api, String url, long contentLength) {}

  private final Queue<Order> orders = new ConcurrentLinkedQueue<>();
  private final Queue<byte[]> blobs = new ConcurrentLinkedQueue<>();
  private final Queue<String> events = new ConcurrentLinkedQueue<>();

  @Override
  public void register(FunctionRegistry registry) {
    registry.function(
        "uppercase", String.class, String.class, text -> text.toUpperCase(Locale.ROOT));
    registry.function(
        "greet", Greeting.class, Reply.class, greeting -> new Reply("Hello, " + greeting.name()));
    registry.supplier(
        "status",
        new TypeRef<Map<String, Object>>() {},
        (Supplier<Map<String, Object>>) () -> Map.of("up", true));
    registry.function(
        "created",
        new TypeRef<String>() {},
        new TypeRef<HttpReply<String>>() {},
        text ->
            HttpReply.of(201, "created " + text)
                .withHeader("X-Tag", "first")
                .withHeader("X-Tag", "second")
                .withCookie(Cookie.of("session", "abc123"))
                .withCookie(Cookie.of("theme", "dark"))
                .withContentType("text/plain; charset=UTF-8"));
    registry.function("reverse", byte[].class, byte[].class, HandlerFunctions::reverse);
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
        HandlerFunctions::echo);
    registry.function("order", Order.class, String.class, this::order);
    registry.function(
        "blob",
        new TypeRef<Message<byte[]>>() {},
        new TypeRef<String>() {},
        message -> {
          blobs.add(message.payload());
          return message.payload().length
              + " bytes, name "
              + message.context().attributes().get("azure.name");
        });
    registry.function(
        "timer",
        new TypeRef<Map<String, Object>>() {},
        new TypeRef<String>() {},
        timer ->
            "past due: " + timer.get("IsPastDue") + ", status: " + timer.get("ScheduleStatus"));
    registry.function(
        "blobCreated",
        new TypeRef<Message<BlobCreated>>() {},
        new TypeRef<Map<String, Object>>() {},
        this::blobCreated);
    registry.function(
        "logging",
        String.class,
        String.class,
        text -> {
          System.Logger log = System.getLogger("dev.fn4j.azure.handler.functions");
          log.log(Level.INFO, LOGGED + text);
          log.log(Level.WARNING, "second line");
          return "logged";
        });
    registry.function(
        "webhook",
        new TypeRef<byte[]>() {},
        new TypeRef<Map<String, Object>>() {},
        HandlerFunctions::webhook);
  }

  /** The orders {@code order} received, in order. */
  public List<Order> orders() {
    return List.copyOf(orders);
  }

  /** The blobs {@code blob} received, in order. */
  public List<byte[]> blobs() {
    return List.copyOf(blobs);
  }

  /** The ids of the events {@code blobCreated} received, in order. */
  public List<String> events() {
    return List.copyOf(events);
  }

  private String order(Order order) {
    if (order.quantity() < 0) {
      throw new IllegalArgumentException("negative quantity " + SECRET);
    }
    orders.add(order);
    return "order " + order.id() + " x" + order.quantity();
  }

  private Map<String, Object> blobCreated(Message<BlobCreated> message) {
    events.add(message.context().attributes().getOrDefault("ce.id", "?"));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("api", message.payload().api());
    answer.put("url", message.payload().url());
    answer.put("contentLength", message.payload().contentLength());
    answer.put("attributes", new TreeMap<>(message.context().attributes()));
    answer.put("headers", headers(message));
    return answer;
  }

  static byte[] reverse(byte[] bytes) {
    byte[] reversed = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      reversed[i] = bytes[bytes.length - 1 - i];
    }
    return reversed;
  }

  static Map<String, Object> echo(Message<String> message) {
    Map<String, Object> echo = new LinkedHashMap<>();
    echo.put("requestId", message.context().requestId());
    echo.put("platform", message.context().platform());
    echo.put("attributes", new TreeMap<>(message.context().attributes()));
    echo.put("headers", headers(message));
    echo.put("payload", message.payload());
    return echo;
  }

  private static Map<String, String> headers(Message<?> message) {
    Map<String, String> headers = new TreeMap<>();
    for (String name : message.headers().names()) {
      headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", message.headers().all(name)));
    }
    return headers;
  }

  public static Map<String, Object> webhook(byte[] body) {
    JsonNode tree;
    try {
      tree = JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<JsonNode> all = new ArrayList<>();
    if (tree.isArray()) {
      tree.forEach(all::add);
    } else {
      all.add(tree);
    }
    List<String> ids = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (JsonNode event : all) {
      ids.add(event.path("id").asText());
      types.add(event.has("type") ? event.path("type").asText() : event.path("eventType").asText());
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("count", all.size());
    answer.put("ids", ids);
    answer.put("types", types);
    return answer;
  }
}
