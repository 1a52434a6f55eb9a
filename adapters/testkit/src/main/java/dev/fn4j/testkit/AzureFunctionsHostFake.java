package dev.fn4j.testkit;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An in-process stand-in for the Azure Functions host in front of a custom handler: it sends the
 * handler's web server what the host sends, and returns what the server answered. It does not start
 * the handler; the test starts it (with {@link #environment(int)} as its environment) and hands the
 * fake its address:
 *
 * <pre>{@code
 * AzureFunctionsHostFake host = AzureFunctionsHostFake.forHandler(URI.create("http://127.0.0.1:" + port));
 * // start the handler with host.environment(port), then:
 * host.awaitReady(Duration.ofSeconds(30));
 * AzureReply reply = host.http("orders", "POST", "/api/orders", Map.of(
 *     "Content-Type", List.of("application/json")), "{\"id\":42}".getBytes(UTF_8));
 * assertThat(reply.violations()).isEmpty();
 * assertThat(reply.httpResponse()).hasValueSatisfying(res -> assertThat(res.statusCode()).isEqualTo(201));
 * }</pre>
 *
 * <table>
 *   <caption>What the fake sends</caption>
 *   <tr><th>method</th><th>request</th><th>payload</th></tr>
 *   <tr><td>{@link #ready()}</td><td>{@code GET /}</td><td>none; any HTTP answer means ready</td></tr>
 *   <tr><td>{@link #http(String, String, String, Map, byte[])}</td><td>{@code POST /{function}}</td>
 *       <td>{@code Data.req}: {@code Url}, {@code Method}, {@code Query}, {@code Headers}
 *       (multi-value), {@code Params}, {@code Identities}, {@code Body}</td></tr>
 *   <tr><td>{@link #queue(String, String)}</td><td>{@code POST /{function}}</td><td>the message;
 *       {@code DequeueCount}, {@code Id}, {@code InsertionTime}, ... in {@code Metadata}</td></tr>
 *   <tr><td>{@link #serviceBus(String, String, Map)}</td><td>{@code POST /{function}}</td><td>the
 *       message; {@code MessageId}, {@code DeliveryCount}, {@code ApplicationProperties}, ...</td></tr>
 *   <tr><td>{@link #timer(String)}</td><td>{@code POST /{function}}</td><td>{@code Schedule},
 *       {@code ScheduleStatus}, {@code IsPastDue}</td></tr>
 *   <tr><td>{@link #blob(String, String, byte[])}</td><td>{@code POST /{function}}</td><td>the
 *       content in base64 (a {@code "dataType": "binary"} trigger); {@code Uri}, {@code Properties},
 *       {@code name}</td></tr>
 *   <tr><td>{@link #eventGrid(String, String, AzureEventGridSchema)}</td>
 *       <td>{@code POST /{function}}</td><td>one event, either schema; its {@code data} in
 *       {@code Metadata}</td></tr>
 *   <tr><td>{@link #eventGridWebhook(String, String, String, AzureEventGridSchema)}, {@link
 *       #eventGridValidation(String, String, String)}, {@link #cloudEventsValidation(String, String,
 *       String)}</td><td>{@code POST /{function}}</td><td>Event Grid's webhook requests (events,
 *       the subscription validation event, the CloudEvents {@code OPTIONS} handshake) as an HTTP
 *       trigger receives them</td></tr>
 *   <tr><td>{@link #proxiedHttp(String, String, Map, byte[])}</td><td>the original method, path and
 *       query</td><td>the original body and headers ({@code enableProxyingHttpRequest})</td></tr>
 * </table>
 *
 * <p>Every payload request is {@code POST /{function}} with {@code Content-Type: application/json;
 * charset=utf-8}, {@code X-Azure-Functions-InvocationId} (fresh), {@code
 * X-Azure-Functions-HostVersion} and {@code User-Agent: Azure-Functions-Host/<version>}, and a body
 * {@code {"Data": {<binding>: ...}, "Metadata": {..., "sys": {MethodName, UtcNow, RandGuid}}}}, the
 * binding names from {@link AzureBindings} and the values written in the {@link AzurePayloadStyle}.
 * The handler answers {@code {"Outputs": ..., "Logs": [...], "ReturnValue": ...}} with a 2xx status
 * and {@code Content-Type: application/json}; {@link AzureReply#violations()} checks that. The fake
 * sends one request per call and checks nothing about timing; the host's limits (readiness within
 * 60 s, function timeouts) are not enforced.
 *
 * <p>Immutable and thread-safe: the {@code with} methods return new fakes, and calls may run
 * concurrently. {@link #toString()} and the descriptions of replies never show the storage key.
 */
public final class AzureFunctionsHostFake {

  /** The Functions host version the fake reports: made up, in the host's format. */
  public static final String HOST_VERSION = "4.1040.100.25001";

  /** The function app's name unless {@link #withSiteName(String)} says otherwise. */
  public static final String DEFAULT_SITE_NAME = "fn4j-test";

  /** The storage account of {@code AzureWebJobsStorage} and of blob URIs. */
  public static final String STORAGE_ACCOUNT = "fn4jteststorage";

  /**
   * The account key in {@code AzureWebJobsStorage}: fake, and a secret as far as tests go; {@link
   * AzureReply#violations()} reports an answer that carries it.
   */
  public static final String FAKE_STORAGE_ACCOUNT_KEY =
      "Zm40ai1mYWtlLXN0b3JhZ2Uta2V5LW5vdC1hLXJlYWwtc2VjcmV0LTAwMDAwMDAwMDAwMDAwMDAwMDA=";

  /** The worker id the fake reports in {@code FUNCTIONS_CUSTOMHANDLER_WORKER_ID}. */
  public static final String WORKER_ID = "6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b";

  /** The instance id the fake reports in {@code WEBSITE_INSTANCE_ID}. */
  public static final String INSTANCE_ID =
      "f4e3d2c1b0a99887766554433221100ffeeddccbbaa99887766554433221100";

  /** Where the function app's files are, in {@code AzureWebJobsScriptRoot}. */
  public static final String APP_ROOT = "/home/site/wwwroot";

  /** The header with which the host correlates a proxied request with its invocation. */
  public static final String PROXY_CORRELATION_HEADER = "x-ms-invocation-id";

  /** The origin Event Grid names in the CloudEvents webhook validation request. */
  public static final String EVENT_GRID_ORIGIN = "eventgrid.azure.net";

  /** The event subscription name in {@code aeg-subscription-name}. */
  public static final String SUBSCRIPTION_NAME = "FN4J-TEST-SUBSCRIPTION";

  /** How long a call waits for its answer unless {@link #withRequestTimeout(Duration)} says. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final URI handler;
  private final String siteName;
  private final AzureBindings bindings;
  private final AzurePayloadStyle style;
  private final Clock clock;
  private final Duration requestTimeout;

  private AzureFunctionsHostFake(
      URI handler,
      String siteName,
      AzureBindings bindings,
      AzurePayloadStyle style,
      Clock clock,
      Duration requestTimeout) {
    this.handler = handler;
    this.siteName = siteName;
    this.bindings = bindings;
    this.style = style;
    this.clock = clock;
    this.requestTimeout = requestTimeout;
  }

  /**
   * Creates a fake that sends to a custom handler's web server, with the default settings: site
   * {@value #DEFAULT_SITE_NAME}, {@link AzureBindings#defaults()}, {@link AzurePayloadStyle#HOST},
   * the UTC system clock.
   *
   * @param handler the server's address, for example {@code http://127.0.0.1:41234}; a path in it
   *     is ignored
   * @return the fake
   * @throws IllegalArgumentException when the address is not an absolute {@code http} URI
   */
  public static AzureFunctionsHostFake forHandler(URI handler) {
    Objects.requireNonNull(handler, "handler");
    if (!"http".equalsIgnoreCase(handler.getScheme()) || handler.getHost() == null) {
      throw new IllegalArgumentException(
          "The Azure Functions host fake needs an http:// address, not " + handler);
    }
    URI root;
    try {
      root = new URI("http", null, handler.getHost(), handler.getPort(), null, null, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Unusable address " + handler, e);
    }
    return new AzureFunctionsHostFake(
        root,
        DEFAULT_SITE_NAME,
        AzureBindings.defaults(),
        AzurePayloadStyle.HOST,
        Clock.systemUTC(),
        DEFAULT_REQUEST_TIMEOUT);
  }

  /**
   * Returns Event Grid's subscription validation event for a code: the one-element array Event Grid
   * posts (Event Grid schema), for example to send to a handler in proxying mode with {@code
   * aeg-event-type: SubscriptionValidation}.
   *
   * @param validationCode the code the handler has to echo as {@code validationResponse}
   * @return the JSON text
   */
  public static String subscriptionValidationEvent(String validationCode) {
    return AzurePayloads.subscriptionValidationEvent(
        requireText(validationCode, "validationCode"), Clock.systemUTC().instant());
  }

  /**
   * Returns the handler's address.
   *
   * @return for example {@code http://127.0.0.1:41234}
   */
  public URI handler() {
    return handler;
  }

  /**
   * Returns the function app's name, in {@code WEBSITE_SITE_NAME} and the HTTP trigger's URLs.
   *
   * @return for example {@code fn4j-test}
   */
  public String siteName() {
    return siteName;
  }

  /**
   * Returns the function app's host name.
   *
   * @return for example {@code fn4j-test.azurewebsites.net}
   */
  public String hostName() {
    return siteName + ".azurewebsites.net";
  }

  /**
   * Returns the binding names of the functions the fake invokes.
   *
   * @return the bindings
   */
  public AzureBindings bindings() {
    return bindings;
  }

  /**
   * Returns how payload values are written.
   *
   * @return the style
   */
  public AzurePayloadStyle style() {
    return style;
  }

  /**
   * Returns the clock for the times in payloads.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * Returns how long a call waits for its answer.
   *
   * @return the timeout
   */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /**
   * Returns a fake for another function app name.
   *
   * @param newSiteName for example {@code orders-prod}
   * @return the new fake
   * @throws IllegalArgumentException when the name is not a host name label
   */
  public AzureFunctionsHostFake withSiteName(String newSiteName) {
    if (newSiteName == null || !newSiteName.matches("[a-z0-9]([a-z0-9-]{0,58}[a-z0-9])?")) {
      throw new IllegalArgumentException("Not a function app name: " + newSiteName);
    }
    return new AzureFunctionsHostFake(handler, newSiteName, bindings, style, clock, requestTimeout);
  }

  /**
   * Returns a fake for functions with other binding names.
   *
   * @param newBindings for example {@code AzureBindings.defaults().withHttpOutput("$return")}
   * @return the new fake
   */
  public AzureFunctionsHostFake withBindings(AzureBindings newBindings) {
    return new AzureFunctionsHostFake(
        handler,
        siteName,
        Objects.requireNonNull(newBindings, "bindings"),
        style,
        clock,
        requestTimeout);
  }

  /**
   * Returns a fake that writes payload values in another style.
   *
   * @param newStyle {@link AzurePayloadStyle#HOST} or {@link AzurePayloadStyle#DOCUMENTED}
   * @return the new fake
   */
  public AzureFunctionsHostFake withStyle(AzurePayloadStyle newStyle) {
    return new AzureFunctionsHostFake(
        handler,
        siteName,
        bindings,
        Objects.requireNonNull(newStyle, "style"),
        clock,
        requestTimeout);
  }

  /**
   * Returns a fake that takes the times in payloads from another clock.
   *
   * @param newClock for example {@code Clock.fixed(...)}
   * @return the new fake
   */
  public AzureFunctionsHostFake withClock(Clock newClock) {
    return new AzureFunctionsHostFake(
        handler,
        siteName,
        bindings,
        style,
        Objects.requireNonNull(newClock, "clock"),
        requestTimeout);
  }

  /**
   * Returns a fake whose calls wait at most this long for their answer.
   *
   * @param newTimeout the longest wait
   * @return the new fake
   * @throws IllegalArgumentException when the timeout is not positive
   */
  public AzureFunctionsHostFake withRequestTimeout(Duration newTimeout) {
    if (newTimeout.isNegative() || newTimeout.isZero()) {
      throw new IllegalArgumentException("A timeout must be positive, not " + newTimeout);
    }
    return new AzureFunctionsHostFake(handler, siteName, bindings, style, clock, newTimeout);
  }

  /**
   * Returns the environment the host gives a custom handler process listening on a port: {@code
   * FUNCTIONS_CUSTOMHANDLER_PORT} and {@code FUNCTIONS_CUSTOMHANDLER_WORKER_ID}, their legacy twins
   * {@code FUNCTIONS_HTTPWORKER_PORT} and {@code FUNCTIONS_HTTPWORKER_ID}, {@code
   * FUNCTIONS_APP_ROOT_PATH} and {@code AzureWebJobsScriptRoot} ({@value #APP_ROOT}), and the app
   * settings a function app has: {@code FUNCTIONS_WORKER_RUNTIME} ({@code custom}), {@code
   * FUNCTIONS_EXTENSION_VERSION} ({@code ~4}), {@code WEBSITE_SITE_NAME}, {@code WEBSITE_HOSTNAME},
   * {@code WEBSITE_INSTANCE_ID} and {@code AzureWebJobsStorage} (a connection string with {@link
   * #FAKE_STORAGE_ACCOUNT_KEY}). Nothing else (no {@code PATH}, no locale).
   *
   * @param port the port the handler is to listen on
   * @return the variables, sorted by name; unmodifiable
   * @throws IllegalArgumentException when the port is not between 1 and 65535
   */
  public Map<String, String> environment(int port) {
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("Not a port: " + port);
    }
    Map<String, String> env = new TreeMap<>();
    env.put("FUNCTIONS_CUSTOMHANDLER_PORT", Integer.toString(port));
    env.put("FUNCTIONS_CUSTOMHANDLER_WORKER_ID", WORKER_ID);
    env.put("FUNCTIONS_HTTPWORKER_PORT", Integer.toString(port));
    env.put("FUNCTIONS_HTTPWORKER_ID", WORKER_ID);
    env.put("FUNCTIONS_APP_ROOT_PATH", APP_ROOT);
    env.put("AzureWebJobsScriptRoot", APP_ROOT);
    env.put("FUNCTIONS_WORKER_RUNTIME", "custom");
    env.put("FUNCTIONS_EXTENSION_VERSION", "~4");
    env.put("WEBSITE_SITE_NAME", siteName);
    env.put("WEBSITE_HOSTNAME", hostName());
    env.put("WEBSITE_INSTANCE_ID", INSTANCE_ID);
    env.put(
        "AzureWebJobsStorage",
        "DefaultEndpointsProtocol=https;AccountName="
            + STORAGE_ACCOUNT
            + ";AccountKey="
            + FAKE_STORAGE_ACCOUNT_KEY
            + ";EndpointSuffix=core.windows.net");
    return Collections.unmodifiableMap(env);
  }

  /**
   * Sends the host's readiness probe, {@code GET /}; the host takes any HTTP answer, whatever its
   * status, as "ready".
   *
   * @return the answer
   * @throws UncheckedIOException when the handler cannot be reached or does not answer in time
   */
  public AzureReply ready() {
    AzureInvocation probe =
        new AzureInvocation(
            "",
            AzureInvocation.Kind.READINESS,
            "",
            Optional.empty(),
            "GET",
            "/",
            Map.of(),
            "",
            "",
            "");
    return AzureProtocol.send(this, probe, new byte[0]);
  }

  /**
   * Probes {@code GET /} until the handler answers, as the host does after starting it.
   *
   * @param timeout how long to keep trying
   * @return the first answer
   * @throws IllegalStateException when there is no answer in time, or the thread is interrupted
   */
  public AzureReply awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    UncheckedIOException last;
    do {
      try {
        return ready();
      } catch (UncheckedIOException e) {
        last = e;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + handler, e);
      }
    } while (System.nanoTime() < deadline);
    throw new IllegalStateException(
        "The custom handler at " + handler + " did not answer GET / within " + timeout, last);
  }

  /**
   * Invokes an HTTP function for a request without body or headers.
   *
   * @param functionName the function, for example {@code orders}
   * @param method for example {@code GET}
   * @param pathAndQuery the original path and query, for example {@code /api/orders?id=42}
   * @return the answer
   * @throws IllegalArgumentException when the path does not start with {@code /}
   * @throws UncheckedIOException when the handler cannot be reached or does not answer in time
   */
  public AzureReply http(String functionName, String method, String pathAndQuery) {
    return http(functionName, method, pathAndQuery, Map.of(), new byte[0], Map.of());
  }

  /**
   * Invokes an HTTP function for a client's request, as the host does for an {@code httpTrigger}
   * with the default protocol: {@code POST /{functionName}} with {@code Data.<req>} holding the
   * request.
   *
   * @param functionName the function, for example {@code orders}
   * @param method for example {@code POST}
   * @param pathAndQuery the original path and query, for example {@code /api/orders?id=42}
   * @param headers the client's headers, each with its values in order ({@code Host} and {@code
   *     Content-Length} are added when missing)
   * @param body the body; empty for none
   * @return the answer
   * @throws IllegalArgumentException when the path does not start with {@code /}
   * @throws UncheckedIOException when the handler cannot be reached or does not answer in time
   */
  public AzureReply http(
      String functionName,
      String method,
      String pathAndQuery,
      Map<String, List<String>> headers,
      byte[] body) {
    return http(functionName, method, pathAndQuery, headers, body, Map.of());
  }

  /**
   * Invokes an HTTP function whose route has parameters, for example {@code orders/{id}}: they are
   * sent in {@code Data.req.Params}, {@code Metadata.Params} and as {@code Metadata} members of
   * their own.
   *
   * @param functionName the function, for example {@code orders}
   * @param method for example {@code PUT}
   * @param pathAndQuery the original path and query, for example {@code /api/orders/42}
   * @param headers the client's headers
   * @param body the body; empty for none
   * @param params the route parameters, for example {@code id=42}
   * @return the answer
   * @throws IllegalArgumentException when the path does not start with {@code /}
   * @throws UncheckedIOException when the handler cannot be reached or does not answer in time
   */
  public AzureReply http(
      String functionName,
      String method,
      String pathAndQuery,
      Map<String, List<String>> headers,
      byte[] body,
      Map<String, String> params) {
    return invokeHttp(
        AzureInvocation.Kind.INVOCATION,
        "",
        functionName,
        method,
        pathAndQuery,
        headers,
        body,
        params);
  }

  /**
   * Invokes a queue-triggered function with a Storage queue message.
   *
   * @param functionName the function
   * @param message the message text (after the host's base64 decoding)
   * @return the answer
   * @throws UncheckedIOException when the handler cannot be reached or does not answer in time
   */
  public AzureReply queue(String functionName, String message) {
    Objects.requireNonNull(message, "message");
    return invoke(
        functionName,
        AzureTrigger.QUEUE,
        AzurePayloads.queue(this, function(functionName), message));
  }

  /**
   * Invokes a Service Bus-triggered function with a message.
   *
   * @param functionName the function
   * @param message the message body as text
   * @param properties the message's application properties (strings, numbers, booleans)
   * @return the answer
   * @throws IllegalArgumentException when a property is not a string, number or boolean
   * @throws UncheckedIOException when the handler cannot be reached or does not answer in time
   */
  public AzureReply serviceBus(String functionName, String message, Map<String, ?> properties) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(properties, "properties");
    Map<String, Object> copy = new LinkedHashMap<>();
    properties.forEach(
        (name, value) -> {
          if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            throw new IllegalArgumentException(
                "A Service Bus application property is a string, number or boolean: " + name);
          }
          copy.put(name, value);
        });
    return invoke(
        functionName,
        AzureTrigger.SERVICE_BUS,
        AzurePayloads.serviceBus(this, function(functionName), message, copy));
  }

  /**
   * Invokes a timer-triggered function on schedule.
   *
   * @param functionName the function
   * @return the answer
   * @throws UncheckedIOException when the handler cannot be reached or does not answer in time
   */
  public AzureReply timer(String functionName) {
    return timer(functionName, false);
  }

  /**
   * Invokes a timer-triggered function.
   *
   * @param functionName the function
   * @param pastDue whether the run is late ({@code IsPastDue})
   * @return the answer
   * @throws UncheckedIOException when the handler cannot be reached or does not answer in time
   */
  public AzureReply timer(String functionName, boolean pastDue) {
    return invoke(
        functionName,
        AzureTrigger.TIMER,
        AzurePayloads.timer(this, function(functionName), pastDue));
  }

  /**
   * Invokes a blob-triggered function declared with {@code "dataType": "binary"}: the content goes
   * in base64.
   *
   * @param functionName the function
   * @param blobPath the container and blob name, for example {@code uploads/2024/report.pdf}; the
   *     part after the container is sent as {@code name}, as a {@code uploads/{name}} path pattern
   *     binds it
   * @param content the blob's bytes
   * @return the answer
   * @throws IllegalArgumentException when the path has no container or no blob name
   * @throws UncheckedIOException when the handler cannot be reached or does not answer in time
   */
  public AzureReply blob(String functionName, String blobPath, byte[] content) {
    Objects.requireNonNull(blobPath, "blobPath");
    Objects.requireNonNull(content, "content");
    int slash = blobPath.indexOf('/');
    if (slash <= 0 || slash == blobPath.length() - 1) {
      throw new IllegalArgumentException("A blob path is <container>/<name>, not: " + blobPath);
    }
    return invoke(
        functionName,
        AzureTrigger.BLOB,
        AzurePayloads.blob(this, function(functionName), blobPath, content.clone()));
  }

  /**
   * Invokes an Event Grid-triggered function with one event, as the host does after receiving it on
   * its Event Grid webhook (which also does the validation handshake, so the handler never sees
   * it).
   *
   * @param functionName the function
   * @param event one event as JSON text, for example a Microsoft.Storage.BlobCreated event
   * @param schema the schema the event is in
   * @return the answer
   * @throws IllegalArgumentException when the text is not one event of the schema (an array
   *     included: the trigger is invoked once per event)
   * @throws UncheckedIOException when the handler cannot be reached or does not answer in time
   */
  public AzureReply eventGrid(String functionName, String event, AzureEventGridSchema schema) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(schema, "schema");
    Object parsed =
        AzureJson.read(event).orElseThrow(() -> new IllegalArgumentException("Not JSON: " + event));
    Map<String, Object> checked = AzurePayloads.event(parsed, schema);
    return invoke(
        functionName,
        AzureTrigger.EVENT_GRID,
        AzurePayloads.eventGrid(this, function(functionName), checked));
  }

  /**
   * Invokes an HTTP function with Event Grid events as Event Grid posts them to a webhook: an array
   * ({@code application/json}) in the Event Grid schema; one event ({@code
   * application/cloudevents+json}) or an array ({@code application/cloudevents-batch+json}) in the
   * CloudEvents schema; with {@code aeg-event-type: Notification}, {@code aeg-subscription-name},
   * {@code aeg-delivery-count} and {@code aeg-metadata-version} (and {@code aeg-data-version} in
   * the Event Grid schema).
   *
   * @param functionName the HTTP function
   * @param pathAndQuery the webhook's path and query, for example {@code /api/events}
   * @param events the events as JSON text
   * @param schema the schema they are in
   * @return the answer
   * @throws IllegalArgumentException when the text is not events of the schema
   * @throws UncheckedIOException when the handler cannot be reached or does not answer in time
   */
  public AzureReply eventGridWebhook(
      String functionName, String pathAndQuery, String events, AzureEventGridSchema schema) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(schema, "schema");
    Object parsed =
        AzureJson.read(events)
            .orElseThrow(() -> new IllegalArgumentException("Not JSON: " + events));
    List<Map<String, Object>> checked = new ArrayList<>();
    if (parsed instanceof List<?> array) {
      if (array.isEmpty()) {
        throw new IllegalArgumentException("Event Grid posts no empty arrays");
      }
      array.forEach(element -> checked.add(AzurePayloads.event(element, schema)));
    } else if (schema == AzureEventGridSchema.EVENT_GRID) {
      throw new IllegalArgumentException(
          "Event Grid posts events in the Event Grid schema as a JSON array, not: " + events);
    } else {
      checked.add(AzurePayloads.event(parsed, schema));
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("aeg-event-type", List.of("Notification"));
    headers.put("aeg-subscription-name", List.of(SUBSCRIPTION_NAME));
    headers.put("aeg-delivery-count", List.of("0"));
    if (schema == AzureEventGridSchema.EVENT_GRID) {
      headers.put("aeg-metadata-version", List.of("1"));
      Object dataVersion = checked.get(0).get("dataVersion");
      headers.put("aeg-data-version", List.of(String.valueOf(dataVersion)));
      headers.put("Content-Type", List.of("application/json; charset=utf-8"));
    } else {
      headers.put("aeg-metadata-version", List.of("1.0"));
      headers.put(
          "Content-Type",
          List.of(
              parsed instanceof List
                  ? "application/cloudevents-batch+json; charset=utf-8"
                  : "application/cloudevents+json; charset=utf-8"));
    }
    return invokeHttp(
        AzureInvocation.Kind.INVOCATION,
        "",
        functionName,
        "POST",
        pathAndQuery,
        headers,
        events.getBytes(StandardCharsets.UTF_8),
        Map.of());
  }

  /**
   * Invokes an HTTP function with Event Grid's subscription validation request (Event Grid schema):
   * the array with one {@code Microsoft.EventGrid.SubscriptionValidationEvent} and {@code
   * aeg-event-type: SubscriptionValidation}. The HTTP output has to be 200 with {@code
   * {"validationResponse": "<validationCode>"}}; {@link AzureReply#violations()} checks it.
   *
   * @param functionName the HTTP function
   * @param pathAndQuery the webhook's path and query, for example {@code /api/events}
   * @param validationCode the code to echo
   * @return the answer
   * @throws UncheckedIOException when the handler cannot be reached or does not answer in time
   */
  public AzureReply eventGridValidation(
      String functionName, String pathAndQuery, String validationCode) {
    requireText(validationCode, "validationCode");
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("aeg-event-type", List.of("SubscriptionValidation"));
    headers.put("aeg-subscription-name", List.of(SUBSCRIPTION_NAME));
    headers.put("aeg-delivery-count", List.of("0"));
    headers.put("aeg-metadata-version", List.of("1"));
    headers.put("aeg-data-version", List.of("1"));
    headers.put("Content-Type", List.of("application/json; charset=utf-8"));
    byte[] body =
        AzurePayloads.subscriptionValidationEvent(validationCode, clock.instant())
            .getBytes(StandardCharsets.UTF_8);
    return invokeHttp(
        AzureInvocation.Kind.SUBSCRIPTION_VALIDATION,
        validationCode,
        functionName,
        "POST",
        pathAndQuery,
        headers,
        body,
        Map.of());
  }

  /**
   * Invokes an HTTP function with the CloudEvents webhook validation request Event Grid sends for a
   * subscription in the CloudEvents schema: {@code OPTIONS} with {@code WebHook-Request-Origin}.
   * The HTTP output has to carry {@code WebHook-Allowed-Origin} with the origin or {@code *};
   * {@link AzureReply#violations()} checks it.
   *
   * @param functionName the HTTP function
   * @param pathAndQuery the webhook's path and query, for example {@code /api/events}
   * @param origin the requesting origin, usually {@value #EVENT_GRID_ORIGIN}
   * @return the answer
   * @throws UncheckedIOException when the handler cannot be reached or does not answer in time
   */
  public AzureReply cloudEventsValidation(String functionName, String pathAndQuery, String origin) {
    requireText(origin, "origin");
    return invokeHttp(
        AzureInvocation.Kind.ABUSE_PROTECTION,
        origin,
        functionName,
        "OPTIONS",
        pathAndQuery,
        Map.of("WebHook-Request-Origin", List.of(origin)),
        new byte[0],
        Map.of());
  }

  /**
   * Sends a client's HTTP request the way the host forwards it with {@code
   * enableProxyingHttpRequest}: the original method, path, query, headers and body, to the same
   * path on the handler, plus {@code X-Azure-Functions-InvocationId}, {@code
   * X-Azure-Functions-HostVersion}, {@value #PROXY_CORRELATION_HEADER}, {@code X-Forwarded-Host}
   * and {@code X-Forwarded-Proto}. The answer goes back to the client as it is.
   *
   * @param method for example {@code GET}
   * @param pathAndQuery the original path and query, route prefix included, for example {@code
   *     /api/hello?name=fn4j}
   * @param headers the client's headers; the HTTP client sets {@code Host}, {@code Content-Length}
   *     and the like itself
   * @param body the body; empty for none
   * @return the answer
   * @throws IllegalArgumentException when the path does not start with {@code /} or a header is one
   *     the client sets
   * @throws UncheckedIOException when the handler cannot be reached or does not answer in time
   */
  public AzureReply proxiedHttp(
      String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(pathAndQuery, "pathAndQuery");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    AzurePayloads.checkPath(pathAndQuery);
    AzureProtocol.checkSendable(headers);
    String invocationId = AzureProtocol.newGuid();
    Map<String, List<String>> sent = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> sent.put(name, List.copyOf(values)));
    sent.put(AzureProtocol.INVOCATION_ID, List.of(invocationId));
    sent.put(AzureProtocol.HOST_VERSION, List.of(HOST_VERSION));
    sent.put(PROXY_CORRELATION_HEADER, List.of(invocationId));
    sent.put("X-Forwarded-Host", List.of(hostName()));
    sent.put("X-Forwarded-Proto", List.of("https"));
    AzureInvocation invocation =
        new AzureInvocation(
            invocationId,
            AzureInvocation.Kind.PROXIED_HTTP,
            "",
            Optional.of(AzureTrigger.HTTP),
            method,
            pathAndQuery,
            sent,
            "",
            "",
            "");
    return AzureProtocol.send(this, invocation, body.clone());
  }

  /**
   * Describes the fake for assertion messages.
   *
   * @return for example {@code AzureFunctionsHostFake[http://127.0.0.1:41234, fn4j-test, HOST]}
   */
  @Override
  public String toString() {
    return "AzureFunctionsHostFake[" + handler + ", " + siteName + ", " + style + "]";
  }

  private AzureReply invokeHttp(
      AzureInvocation.Kind kind,
      String challenge,
      String functionName,
      String method,
      String pathAndQuery,
      Map<String, List<String>> headers,
      byte[] body,
      Map<String, String> params) {
    requireText(method, "method");
    Objects.requireNonNull(pathAndQuery, "pathAndQuery");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(params, "params");
    AzurePayloads.checkPath(pathAndQuery);
    headers.forEach(
        (name, values) -> {
          if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A header needs a name");
          }
          AzureProtocol.checkValues(name, values);
        });
    AzurePayloads.Payload payload =
        AzurePayloads.http(
            this,
            function(functionName),
            method,
            pathAndQuery,
            headers,
            body.clone(),
            Map.copyOf(params));
    return send(kind, challenge, functionName, AzureTrigger.HTTP, payload);
  }

  private AzureReply invoke(
      String functionName, AzureTrigger trigger, AzurePayloads.Payload payload) {
    return send(AzureInvocation.Kind.INVOCATION, "", functionName, trigger, payload);
  }

  private AzureReply send(
      AzureInvocation.Kind kind,
      String challenge,
      String functionName,
      AzureTrigger trigger,
      AzurePayloads.Payload payload) {
    String invocationId = AzureProtocol.newGuid();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Content-Type", List.of(AzureProtocol.JSON_UTF8));
    headers.put(AzureProtocol.INVOCATION_ID, List.of(invocationId));
    headers.put(AzureProtocol.HOST_VERSION, List.of(HOST_VERSION));
    headers.put("User-Agent", List.of("Azure-Functions-Host/" + HOST_VERSION));
    String json = payload.json();
    AzureInvocation invocation =
        new AzureInvocation(
            invocationId,
            kind,
            functionName,
            Optional.of(trigger),
            "POST",
            "/" + functionName,
            headers,
            json,
            trigger == AzureTrigger.HTTP ? bindings.httpOutput() : "",
            challenge);
    return AzureProtocol.send(this, invocation, json.getBytes(StandardCharsets.UTF_8));
  }

  /** Checks a function name: the folder name of its function.json, and a path segment. */
  private static String function(String functionName) {
    if (functionName == null || !functionName.matches("[A-Za-z][A-Za-z0-9_-]{0,127}")) {
      throw new IllegalArgumentException("Not a function name: " + functionName);
    }
    return functionName;
  }

  private static String requireText(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return value;
  }
}
