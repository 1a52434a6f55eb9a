package dev.fn4j.azure.worker;

import dev.fn4j.function.Cookie;
import dev.fn4j.function.FunctionRegistrar;
import dev.fn4j.function.HttpReply;
import dev.fn4j.function.Message;
import dev.fn4j.function.TypeRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The functions the Java worker tests call, recording what event functions received, and the event
 * files they are called with.
 */
public final class SampleFunctions {

  /** A marker that must never reach a response, an exception or a log line. */
  public static final String SECRET = "secret-7f3a9c";

  /** A record bound from JSON. */
  public record Order(String item, int quantity) {}

  /** Part of a Storage {@code BlobCreated} event's data. */
  public record BlobCreated(String api, String url, long contentLength) {}

  /** A value whose JSON encoding fails. */
  public record Unencodable(String value) {
    @Override
    public String value() {
      throw new IllegalStateException(SECRET);
    }
  }

  private SampleFunctions() {}

  /**
   * Returns the functions.
   *
   * @param received where event functions put what they received
   * @return the registrar
   */
  public static FunctionRegistrar registrar(List<Object> received) {
    return registry ->
        registry
            .function("uppercase", String.class, String.class, s -> s.toUpperCase(Locale.ROOT))
            .function("order", Order.class, Order.class, o -> new Order(o.item(), o.quantity() + 1))
            .supplier("fortune", TypeRef.of(String.class), () -> "luck")
            .consumer("nothing", TypeRef.of(String.class), received::add)
            .function(
                "boom",
                String.class,
                String.class,
                s -> {
                  throw new IllegalStateException(SECRET);
                })
            .function("unencodable", String.class, Unencodable.class, Unencodable::new)
            .function(
                "download",
                TypeRef.of(String.class),
                new TypeRef<HttpReply<byte[]>>() {},
                s ->
                    HttpReply.of(201, new byte[] {0, 1, (byte) 0xff, 10})
                        .withContentType("application/octet-stream")
                        .withHeader("X-Tag", "a")
                        .withHeader("X-Tag", "b")
                        .withHeader("Content-Length", "999")
                        .withCookie(Cookie.of("session", "abc").withHttpOnly(true))
                        .withCookie(Cookie.of("theme", "dark")))
            .function(
                "teapot",
                TypeRef.of(String.class),
                new TypeRef<HttpReply<String>>() {},
                s -> HttpReply.of(s.isEmpty() ? 418 : Integer.parseInt(s), "status " + s))
            .function(
                "context",
                new TypeRef<Message<String>>() {},
                TypeRef.of(String.class),
                SampleFunctions::describe)
            .consumer("orders", TypeRef.of(Order.class), received::add)
            .consumer("texts", TypeRef.of(String.class), received::add)
            .consumer("tick", new TypeRef<Map<String, Object>>() {}, received::add)
            .consumer("blobCreated", new TypeRef<Message<BlobCreated>>() {}, received::add)
            .consumer("shipped", new TypeRef<Message<Order>>() {}, received::add)
            .consumer("messages", new TypeRef<Message<String>>() {}, received::add)
            .consumer(
                "eventBoom",
                TypeRef.of(String.class),
                s -> {
                  throw new IllegalArgumentException(SECRET);
                })
            .function("eventUnencodable", String.class, Unencodable.class, Unencodable::new);
  }

  /** Describes a request's context, one sorted {@code key=value} per line. */
  private static String describe(Message<String> message) {
    Map<String, String> values = new TreeMap<>(message.context().attributes());
    values.put("requestId", message.context().requestId());
    values.put("platform", message.context().platform());
    values.put("traceparent", message.context().trace().traceparent().orElse("-"));
    values.put("tracestate", message.context().trace().tracestate().orElse("-"));
    values.put(
        "unwrap.ExecutionContext",
        message
            .context()
            .unwrap(com.microsoft.azure.functions.ExecutionContext.class)
            .map(c -> c.getInvocationId())
            .orElse("-"));
    values.put(
        "unwrap.HttpRequestMessage",
        message
            .context()
            .unwrap(com.microsoft.azure.functions.HttpRequestMessage.class)
            .map(r -> r.getUri().getPath())
            .orElse("-"));
    StringBuilder text = new StringBuilder();
    values.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
    return text.toString();
  }

  /**
   * Reads an event file of {@code src/test/resources/events/azure/java-worker/}.
   *
   * @param path for example {@code timer/timer-info.json}
   * @return its text
   */
  public static String event(String path) {
    String resource = "/events/azure/java-worker/" + path;
    try (InputStream in = SampleFunctions.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no event file " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
