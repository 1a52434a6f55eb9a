package dev.fn4j.gcp.it;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fn4j.function.Cookie;
import dev.fn4j.function.FunctionRegistrar;
import dev.fn4j.function.FunctionRegistry;
import dev.fn4j.function.HttpReply;
import dev.fn4j.function.InvocationContext;
import dev.fn4j.function.Message;
import dev.fn4j.function.TypeRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The application Google's invoker runs in the integration tests, found as a deployed function's
 * are: through {@code META-INF/services/dev.fn4j.function.FunctionRegistrar} of the test resources
 * and the context class loader the invoker sets while it creates the entry class.
 *
 * <p>HTTP functions answer; event functions have nowhere to answer, so they report what they saw as
 * one JSON line appended to the file named by {@value #SEEN_FILE} (see {@link SeenEvents}).
 *
 * <ul>
 *   <li>{@code uppercase} ({@code String -> String}); throws with {@link #SECRET} for {@link
 *       #BOOM};
 *   <li>{@code greet} ({@link Person} -> {@link Greeting});
 *   <li>{@code fortune} (a supplier, {@code GET});
 *   <li>{@code download} ({@code String -> HttpReply<byte[]>}): {@link #DOWNLOAD_STATUS}, two
 *       {@code X-Tag} values, a cookie and the bytes {@link #downloadBody()};
 *   <li>{@code context} ({@code Message<String> -> Map}): what the function sees of the request;
 *   <li>{@code slow} ({@code String -> String}): sleeps as many milliseconds as the text says;
 *   <li>{@code unencodable} ({@code String -> Unencodable}): an answer that cannot be encoded;
 *   <li>{@code echo} ({@code Message<byte[]>} consumer): every {@code ce-*} and {@code
 *       Content-Type} header, every {@code ce.*} context attribute and the data, base64;
 *   <li>{@code order} ({@link Order} consumer), {@code text} ({@code String} consumer), {@code
 *       auditlog} ({@code Map} consumer): the value as decoded;
 *   <li>{@code pubsub} ({@code Message<MessagePublished>} consumer) and {@code storage} ({@code
 *       Message<StorageObject>} consumer): the event's attributes and the data as decoded, the
 *       Pub/Sub message's data decoded from base64;
 *   <li>{@code failing} ({@code String} consumer): throws with {@link #SECRET}.
 * </ul>
 */
public final class InvokerFunctions implements FunctionRegistrar {

  /** The environment variable naming the file event functions append what they saw to. */
  public static final String SEEN_FILE = "FN4J_IT_SEEN_FILE";

  /** The input that makes {@code uppercase} throw. */
  static final String BOOM = "boom";

  /** Part of every exception message of these functions; no response or log may contain it. */
  static final String SECRET = "secret-detail-4c1e9";

  /** The status {@code download} answers with. */
  static final int DOWNLOAD_STATUS = 203;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * The body of {@code greet}.
   *
   * @param name who to greet
   * @param language an ISO 639-1 code, or null
   */
  public record Person(String name, String language) {}

  /**
   * The answer of {@code greet}.
   *
   * @param message the greeting
   */
  public record Greeting(String message) {}

  /**
   * The data of the test's own event type.
   *
   * @param item what was ordered
   * @param quantity how many
   */
  public record Order(String item, int quantity) {}

  /**
   * The data of {@code google.cloud.pubsub.topic.v1.messagePublished}.
   *
   * @param message the message
   * @param subscription the subscription's resource name
   */
  public record MessagePublished(PubsubMessage message, String subscription) {}

  /**
   * A Pub/Sub message.
   *
   * @param data the payload, base64
   * @param attributes the attributes
   * @param messageId the id
   * @param publishTime when it was published
   */
  public record PubsubMessage(
      String data, Map<String, String> attributes, String messageId, String publishTime) {}

  /**
   * The data of {@code google.cloud.storage.object.v1.*}: the fields the tests check.
   *
   * @param bucket the bucket
   * @param name the object's name
   * @param contentType its content type
   * @param size its size in bytes (a string in the JSON)
   * @param generation its generation (a string in the JSON)
   * @param md5Hash its MD5, base64
   * @param timeCreated when it was created
   * @param storageClass its storage class
   */
  public record StorageObject(
      String bucket,
      String name,
      String contentType,
      long size,
      long generation,
      String md5Hash,
      String timeCreated,
      String storageClass) {}

  /**
   * An answer JSON cannot be made of: its accessor throws.
   *
   * @param text the input
   */
  public record Unencodable(String text) {
    @Override
    public String text() {
      throw new IllegalStateException(SECRET + ": not encodable");
    }
  }

  /**
   * The bytes {@code download} answers with: every byte value, then a few that are not UTF-8.
   *
   * @return the bytes
   */
  static byte[] downloadBody() {
    byte[] body = new byte[260];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) (i < 256 ? i : 0xC0 + i);
    }
    return body;
  }

  @Override
  public void register(FunctionRegistry registry) {
    registry
        .function("uppercase", String.class, String.class, InvokerFunctions::uppercase)
        .function("greet", Person.class, Greeting.class, InvokerFunctions::greet)
        .supplier("fortune", TypeRef.of(String.class), () -> "a fortune for GET")
        .function(
            "download",
            TypeRef.of(String.class),
            new TypeRef<HttpReply<byte[]>>() {},
            text -> download())
        .function(
            "context",
            new TypeRef<Message<String>>() {},
            new TypeRef<Map<String, Object>>() {},
            InvokerFunctions::context)
        .function("slow", String.class, String.class, InvokerFunctions::slow)
        .function("unencodable", String.class, Unencodable.class, Unencodable::new)
        .consumer("echo", new TypeRef<Message<byte[]>>() {}, InvokerFunctions::echo)
        .consumer("order", TypeRef.of(Order.class), order -> seen("order", JSON.valueToTree(order)))
        .consumer("text", TypeRef.of(String.class), text -> seen("text", JSON.valueToTree(text)))
        .consumer("pubsub", new TypeRef<Message<MessagePublished>>() {}, InvokerFunctions::pubsub)
        .consumer("storage", new TypeRef<Message<StorageObject>>() {}, InvokerFunctions::storage)
        .consumer(
            "auditlog",
            new TypeRef<Map<String, Object>>() {},
            entry -> seen("auditlog", JSON.valueToTree(entry)))
        .consumer(
            "failing",
            TypeRef.of(String.class),
            text -> {
              throw new IllegalStateException(SECRET + ": failing refuses " + text);
            });
  }

  static String uppercase(String text) {
    if (BOOM.equals(text)) {
      throw new IllegalStateException(SECRET + ": uppercase refuses " + text);
    }
    return text.toUpperCase(Locale.ROOT);
  }

  static Greeting greet(Person person) {
    return new Greeting(("de".equals(person.language()) ? "Hallo, " : "Hello, ") + person.name());
  }

  static HttpReply<byte[]> download() {
    return HttpReply.of(DOWNLOAD_STATUS, downloadBody())
        .withContentType("application/octet-stream")
        .withHeader("X-Tag", "first")
        .withHeader("X-Tag", "second")
        .withCookie(Cookie.of("session", "s-123").withPath("/").withHttpOnly(true));
  }

  static Map<String, Object> context(Message<String> message) {
    InvocationContext context = message.context();
    Map<String, Object> seen = new LinkedHashMap<>();
    seen.put("requestId", context.requestId());
    seen.put("functionName", context.functionName());
    seen.put("platform", context.platform());
    seen.put("traceParent", context.trace().traceparent().orElse(null));
    seen.put("platformTraceId", context.trace().platformTraceId().orElse(null));
    seen.put("attributes", new TreeMap<>(context.attributes()));
    seen.put(
        "rawHttpRequest", context.unwrap(com.google.cloud.functions.HttpRequest.class).isPresent());
    Map<String, List<String>> headers = new TreeMap<>();
    message
        .headers()
        .names()
        .forEach(name -> headers.put(name.toLowerCase(Locale.ROOT), message.headers().all(name)));
    seen.put("headers", headers);
    seen.put("body", message.payload());
    seen.put("jackson", com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
    return seen;
  }

  static String slow(String millis) {
    try {
      Thread.sleep(Duration.ofMillis(Long.parseLong(millis.trim())).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    }
    return "slept " + millis.trim() + " on " + Thread.currentThread().getName();
  }

  /**
   * Reports the event as fn4j hands it over: the {@code ce-*} and {@code Content-Type} headers, the
   * {@code ce.*} context attributes, the request id and platform, and the data in base64.
   */
  static void echo(Message<byte[]> message) {
    ObjectNode seen = JSON.createObjectNode();
    ObjectNode headers = seen.putObject("headers");
    for (String name : message.headers().names()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.startsWith("ce-") || lower.equals("content-type")) {
        List<String> values = message.headers().all(name);
        values.forEach(headers.putArray(lower)::add);
      }
    }
    ObjectNode attributes = seen.putObject("context");
    message.context().attributes().entrySet().stream()
        .filter(attribute -> attribute.getKey().startsWith("ce."))
        .sorted(Map.Entry.comparingByKey())
        .forEach(attribute -> attributes.put(attribute.getKey(), attribute.getValue()));
    seen.put("requestId", message.context().requestId());
    seen.put("platform", message.context().platform());
    seen.put("traceParent", message.context().trace().traceparent().orElse(null));
    byte[] data = message.payload() == null ? new byte[0] : message.payload();
    seen.put("data", Base64.getEncoder().encodeToString(data));
    seen("echo", seen);
  }

  /**
   * Reports a Pub/Sub event: its attributes ({@code ce.*} context attributes, without the prefix)
   * and the message, its data decoded from base64 as UTF-8 text.
   */
  static void pubsub(Message<MessagePublished> event) {
    ObjectNode seen = JSON.createObjectNode();
    seen.set("attributes", attributes(event.context()));
    PubsubMessage message = event.payload().message();
    seen.put(
        "text",
        message.data() == null
            ? null
            : new String(Base64.getDecoder().decode(message.data()), StandardCharsets.UTF_8));
    seen.set("messageAttributes", JSON.valueToTree(message.attributes()));
    seen.put("messageId", message.messageId());
    seen.put("publishTime", message.publishTime());
    seen.put("subscription", event.payload().subscription());
    seen("pubsub", seen);
  }

  /** Reports a Storage event: its attributes and the object as decoded. */
  static void storage(Message<StorageObject> event) {
    ObjectNode seen = JSON.createObjectNode();
    seen.set("attributes", attributes(event.context()));
    seen.set("object", JSON.valueToTree(event.payload()));
    seen("storage", seen);
  }

  private static ObjectNode attributes(InvocationContext context) {
    ObjectNode attributes = JSON.createObjectNode();
    new TreeMap<>(context.attributes())
        .forEach(
            (name, value) -> {
              if (name.startsWith("ce.")) {
                attributes.put(name.substring(3), value);
              }
            });
    return attributes;
  }

  /** Appends {@code {"function": name, "seen": value}} as one line to the {@link #SEEN_FILE}. */
  private static void seen(String function, com.fasterxml.jackson.databind.JsonNode value) {
    String file = System.getenv(SEEN_FILE);
    if (file == null) {
      throw new IllegalStateException(SEEN_FILE + " is not set");
    }
    ObjectNode line = JSON.createObjectNode();
    line.put("function", function);
    line.set("seen", value);
    try {
      synchronized (InvokerFunctions.class) {
        Files.writeString(
            Path.of(file),
            JSON.writeValueAsString(line) + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
