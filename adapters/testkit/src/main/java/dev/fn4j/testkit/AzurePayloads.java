package dev.fn4j.testkit;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the {@code {"Data": ..., "Metadata": ...}} payloads the Functions host posts to a custom
 * handler, one method per trigger, in the fake's {@link AzurePayloadStyle}. Stateless apart from
 * the Service Bus sequence number; thread-safe.
 */
final class AzurePayloads {

  private static final AtomicLong SEQUENCE = new AtomicLong();

  private static final String AUTH_LEVEL_CLAIM =
      "http://schemas.microsoft.com/2017/07/functions/claims/authlevel";

  private AzurePayloads() {}

  /** A payload: the trigger and input values by binding name, and the trigger's metadata. */
  record Payload(Map<String, Object> data, Map<String, Object> metadata) {

    /**
     * Writes the payload.
     *
     * @return {@code {"Data":...,"Metadata":...}}
     */
    String json() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("Data", data);
      body.put("Metadata", metadata);
      return AzureJson.write(body);
    }
  }

  /**
   * Builds an HTTP trigger's payload: {@code Data.<req>} with the request, the query, headers and
   * route parameters in {@code Metadata}.
   *
   * @param host the fake: site, clock, style and binding names
   * @param functionName the function
   * @param method the request's method
   * @param pathAndQuery the request's path and query
   * @param headers the client's headers
   * @param body the body; empty for none
   * @param params the route parameters
   * @return the payload
   */
  static Payload http(
      AzureFunctionsHostFake host,
      String functionName,
      String method,
      String pathAndQuery,
      Map<String, List<String>> headers,
      byte[] body,
      Map<String, String> params) {
    Instant now = host.clock().instant();
    String rawQuery = pathAndQuery.contains("?") ? pathAndQuery.split("\\?", 2)[1] : "";
    Map<String, String> query = query(rawQuery);
    Map<String, List<String>> sent = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> sent.put(name, List.copyOf(values)));
    sent.putIfAbsent("Host", List.of(host.hostName()));
    if (body.length > 0) {
      sent.putIfAbsent("Content-Length", List.of(Integer.toString(body.length)));
    }
    Map<String, Object> req = new LinkedHashMap<>();
    req.put("Url", "https://" + host.hostName() + pathAndQuery);
    req.put("Method", method);
    req.put("Query", query);
    req.put("Headers", sent);
    req.put("Params", params);
    req.put("Identities", List.of(functionKeyIdentity()));
    if (body.length > 0) {
      String contentType = first(sent, "Content-Type").orElse(null);
      req.put("Body", bodyValue(contentType, body));
    }
    Map<String, Object> singleHeaders = new LinkedHashMap<>();
    sent.forEach((name, values) -> singleHeaders.put(name, String.join(",", values)));
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("Query", query);
    metadata.put("Headers", singleHeaders);
    metadata.put("Params", params);
    params.forEach((name, value) -> metadata.putIfAbsent(name, scalar(host.style(), value)));
    metadata.put("sys", sys(functionName, now));
    return new Payload(data(host, AzureTrigger.HTTP, req), metadata);
  }

  /**
   * Builds a queue trigger's payload.
   *
   * @param host the fake
   * @param functionName the function
   * @param message the message text
   * @return the payload
   */
  static Payload queue(AzureFunctionsHostFake host, String functionName, String message) {
    Instant now = host.clock().instant();
    AzurePayloadStyle style = host.style();
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("DequeueCount", scalar(style, 1));
    metadata.put(
        "ExpirationTime", scalar(style, AzureProtocol.offset(now.plus(Duration.ofDays(7)))));
    metadata.put("Id", scalar(style, AzureProtocol.newGuid()));
    metadata.put("InsertionTime", scalar(style, AzureProtocol.offset(now)));
    metadata.put(
        "NextVisibleTime", scalar(style, AzureProtocol.offset(now.plus(Duration.ofMinutes(10)))));
    metadata.put("PopReceipt", scalar(style, popReceipt()));
    messageProperties(style, message, metadata);
    metadata.put("sys", sys(functionName, now));
    return new Payload(data(host, AzureTrigger.QUEUE, scalar(style, message)), metadata);
  }

  /**
   * Builds a Service Bus trigger's payload.
   *
   * @param host the fake
   * @param functionName the function
   * @param message the message body
   * @param properties the application properties
   * @return the payload
   */
  static Payload serviceBus(
      AzureFunctionsHostFake host,
      String functionName,
      String message,
      Map<String, Object> properties) {
    Instant now = host.clock().instant();
    Instant expires = now.plus(Duration.ofDays(14));
    AzurePayloadStyle style = host.style();
    Map<String, Object> metadata = new LinkedHashMap<>();
    if (style == AzurePayloadStyle.HOST) {
      for (String name :
          List.of(
              "MessageReceiver",
              "MessageSession",
              "MessageActions",
              "SessionActions",
              "ReceiveActions")) {
        metadata.put(name, Map.of());
      }
    }
    metadata.put("DeliveryCount", scalar(style, 1));
    metadata.put("LockToken", scalar(style, AzureProtocol.newGuid()));
    metadata.put("ExpiresAtUtc", scalar(style, AzureProtocol.utc(expires)));
    metadata.put("ExpiresAt", scalar(style, AzureProtocol.offset(expires)));
    metadata.put("EnqueuedTimeUtc", scalar(style, AzureProtocol.utc(now)));
    metadata.put("EnqueuedTime", scalar(style, AzureProtocol.offset(now)));
    metadata.put("MessageId", scalar(style, AzureProtocol.newGuid().replace("-", "")));
    metadata.put("SequenceNumber", scalar(style, SEQUENCE.incrementAndGet()));
    metadata.put("ApplicationProperties", properties);
    metadata.put("UserProperties", properties);
    messageProperties(style, message, metadata);
    metadata.put("sys", sys(functionName, now));
    return new Payload(data(host, AzureTrigger.SERVICE_BUS, scalar(style, message)), metadata);
  }

  /**
   * Builds a timer trigger's payload: the timer's status, only {@code sys} in {@code Metadata}.
   *
   * @param host the fake
   * @param functionName the function
   * @param pastDue whether the run is late
   * @return the payload
   */
  static Payload timer(AzureFunctionsHostFake host, String functionName, boolean pastDue) {
    Instant now = host.clock().instant();
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("Last", AzureProtocol.utc(now.minus(Duration.ofMinutes(5))));
    status.put("Next", AzureProtocol.utc(now.plus(Duration.ofMinutes(5))));
    status.put("LastUpdated", AzureProtocol.utc(now.minus(Duration.ofMinutes(5))));
    Map<String, Object> timer = new LinkedHashMap<>();
    timer.put("Schedule", Map.of("AdjustForDST", true));
    timer.put("ScheduleStatus", status);
    timer.put("IsPastDue", pastDue);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("sys", sys(functionName, now));
    return new Payload(data(host, AzureTrigger.TIMER, timer), metadata);
  }

  /**
   * Builds a blob trigger's payload for a {@code "dataType": "binary"} binding.
   *
   * @param host the fake
   * @param functionName the function
   * @param blobPath the container and blob name
   * @param content the blob's bytes
   * @return the payload
   */
  static Payload blob(
      AzureFunctionsHostFake host, String functionName, String blobPath, byte[] content) {
    Instant now = host.clock().instant();
    AzurePayloadStyle style = host.style();
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("ContentLength", content.length);
    properties.put("ContentType", "application/octet-stream");
    properties.put(
        "ETag", "\"0x8D" + Long.toHexString(now.toEpochMilli()).toUpperCase(Locale.ROOT) + "\"");
    properties.put("LastModified", AzureProtocol.offset(now));
    properties.put("CreatedOn", AzureProtocol.offset(now));
    properties.put("BlobType", "Block");
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put(
        "Uri",
        scalar(
            style,
            "https://"
                + AzureFunctionsHostFake.STORAGE_ACCOUNT
                + ".blob.core.windows.net/"
                + blobPath));
    metadata.put("Properties", properties);
    metadata.put("Metadata", Map.of());
    metadata.put("name", scalar(style, blobPath.substring(blobPath.indexOf('/') + 1)));
    metadata.put("sys", sys(functionName, now));
    return new Payload(
        data(host, AzureTrigger.BLOB, Base64.getEncoder().encodeToString(content)), metadata);
  }

  /**
   * Builds an Event Grid trigger's payload for one event.
   *
   * @param host the fake
   * @param functionName the function
   * @param event the event, checked
   * @return the payload
   */
  static Payload eventGrid(
      AzureFunctionsHostFake host, String functionName, Map<String, Object> event) {
    Instant now = host.clock().instant();
    Map<String, Object> metadata = new LinkedHashMap<>();
    if (event.containsKey("data")) {
      Object eventData = event.get("data");
      metadata.put("data", eventData instanceof Map ? eventData : scalar(host.style(), eventData));
    }
    metadata.put("sys", sys(functionName, now));
    return new Payload(data(host, AzureTrigger.EVENT_GRID, event), metadata);
  }

  /**
   * Returns Event Grid's subscription validation event for a code, as the one-element array Event
   * Grid posts.
   *
   * @param validationCode the code to echo
   * @param now the event's time
   * @return the JSON text
   */
  static String subscriptionValidationEvent(String validationCode, Instant now) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("validationCode", validationCode);
    data.put(
        "validationUrl",
        "https://eventgrid.example.invalid:553/eventsubscriptions/"
            + AzureFunctionsHostFake.SUBSCRIPTION_NAME.toLowerCase(Locale.ROOT)
            + "/validate?id="
            + validationCode
            + "&apiVersion=2018-05-01-preview");
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("id", AzureProtocol.newGuid());
    event.put(
        "topic",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/fn4j"
            + "/providers/Microsoft.EventGrid/topics/fn4j");
    event.put("subject", "");
    event.put("data", data);
    event.put("eventType", "Microsoft.EventGrid.SubscriptionValidationEvent");
    event.put("eventTime", AzureProtocol.utc(now));
    event.put("metadataVersion", "1");
    event.put("dataVersion", "1");
    return AzureJson.write(List.of(event));
  }

  /**
   * Checks that a JSON value is one event of a schema, by the members the schema requires.
   *
   * @param value the parsed JSON
   * @param schema the schema it has to be in
   * @return the event
   * @throws IllegalArgumentException naming what is missing
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> event(Object value, AzureEventGridSchema schema) {
    if (!(value instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(
          "An event is a JSON object, not: " + AzureJson.write(value));
    }
    Map<String, Object> event = (Map<String, Object>) value;
    List<String> required =
        schema == AzureEventGridSchema.EVENT_GRID
            ? List.of("id", "subject", "eventType", "eventTime", "dataVersion")
            : List.of("specversion", "id", "source", "type");
    List<String> missing = new ArrayList<>();
    for (String member : required) {
      if (!(event.get(member) instanceof String)) {
        missing.add(member);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "Not an event in the "
              + schema
              + " schema: no string member "
              + String.join(", ", missing));
    }
    if (schema == AzureEventGridSchema.CLOUD_EVENTS && !"1.0".equals(event.get("specversion"))) {
      throw new IllegalArgumentException(
          "Event Grid delivers CloudEvents 1.0, not specversion " + event.get("specversion"));
    }
    return event;
  }

  private static Map<String, Object> data(
      AzureFunctionsHostFake host, AzureTrigger trigger, Object value) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put(host.bindings().triggerName(trigger), value);
    return data;
  }

  /**
   * Writes a value the way the style says: the host's code sends everything that is not a JSON
   * object as the JSON text of the value, in a string.
   *
   * @param style the style
   * @param value a string, number, boolean, list or map
   * @return the value to put in the payload
   */
  static Object scalar(AzurePayloadStyle style, Object value) {
    if (style == AzurePayloadStyle.DOCUMENTED || value instanceof Map) {
      return value;
    }
    return AzureJson.write(value);
  }

  /**
   * Adds a JSON message's top-level properties to the metadata, as the host's binding data does.
   */
  private static void messageProperties(
      AzurePayloadStyle style, String message, Map<String, Object> metadata) {
    if (style != AzurePayloadStyle.HOST) {
      return;
    }
    Optional<Object> parsed = AzureJson.read(message);
    if (parsed.isPresent() && parsed.get() instanceof Map<?, ?> object) {
      object.forEach(
          (name, value) -> {
            if (value != null) {
              metadata.putIfAbsent(String.valueOf(name), scalar(style, value));
            }
          });
    }
  }

  private static Map<String, Object> sys(String functionName, Instant now) {
    Map<String, Object> sys = new LinkedHashMap<>();
    sys.put("MethodName", functionName);
    sys.put("UtcNow", AzureProtocol.utc(now));
    sys.put("RandGuid", AzureProtocol.newGuid());
    return sys;
  }

  private static Map<String, Object> functionKeyIdentity() {
    Map<String, Object> claim = new LinkedHashMap<>();
    claim.put("Issuer", "LOCAL AUTHORITY");
    claim.put("OriginalIssuer", "LOCAL AUTHORITY");
    claim.put("Properties", Map.of());
    claim.put("Type", AUTH_LEVEL_CLAIM);
    claim.put("Value", "Function");
    claim.put("ValueType", "http://www.w3.org/2001/XMLSchema#string");
    Map<String, Object> identity = new LinkedHashMap<>();
    identity.put("AuthenticationType", "WebJobsAuthLevel");
    identity.put("IsAuthenticated", true);
    identity.put("Actor", null);
    identity.put("BootstrapContext", null);
    identity.put("Claims", List.of(claim));
    identity.put("Label", null);
    identity.put("Name", null);
    identity.put("NameClaimType", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name");
    identity.put("RoleClaimType", "http://schemas.microsoft.com/ws/2008/06/identity/claims/role");
    return identity;
  }

  /** The body as the host puts it in {@code Data.req.Body}: base64 for binary media, else text. */
  private static String bodyValue(String contentType, byte[] body) {
    String media =
        contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (media.equals("application/octet-stream") || media.startsWith("multipart/")) {
      return Base64.getEncoder().encodeToString(body);
    }
    return new String(body, Reply.charsetOf(contentType, false));
  }

  /**
   * The query as ASP.NET Core reads it: percent- and plus-decoded, repeated keys joined by commas.
   */
  private static Map<String, String> query(String rawQuery) {
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String[] parts = pair.split("=", 2);
      String name = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
      String value = parts.length == 2 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
      query.merge(name, value, (old, added) -> old + "," + added);
    }
    return query;
  }

  private static Optional<String> first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  private static String popReceipt() {
    byte[] bytes = new byte[20];
    ThreadLocalRandom.current().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * Checks a path and query for the URL of an HTTP trigger.
   *
   * @param pathAndQuery for example {@code /api/orders?id=1}
   * @throws IllegalArgumentException when it does not start with {@code /} or is not a valid URI
   *     part
   */
  static void checkPath(String pathAndQuery) {
    if (!pathAndQuery.startsWith("/")) {
      throw new IllegalArgumentException("A path starts with '/', not: " + pathAndQuery);
    }
    try {
      URI.create("http://localhost" + pathAndQuery);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Not a valid path and query: " + pathAndQuery, e);
    }
  }
}
