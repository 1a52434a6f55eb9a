package dev.fn4j.testkit;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An in-process stand-in for the Alibaba Cloud Function Compute (FC) host in front of a custom
 * runtime or custom container: it sends a runtime's HTTP server the requests FC sends, with the
 * documented headers, and returns what the server answered. It does not start the server; the test
 * starts it (with {@link #environment(int)} as its environment) and hands the fake its address:
 *
 * <pre>{@code
 * FcHostFake fc = FcHostFake.forServer(URI.create("http://127.0.0.1:" + port));
 * // start the runtime with fc.environment(port), then:
 * assertThat(fc.initialize().violations()).isEmpty();
 * FcReply reply = fc.invoke("{\"name\":\"fn4j\"}");
 * assertThat(reply.status()).isEqualTo(200);
 * assertThat(reply.fcStatus()).hasValue(200);
 * assertThat(capturedLog).contains("FC Invoke Start RequestId: " + reply.requestId());
 * }</pre>
 *
 * <p>The requests, each with a fresh {@code x-fc-request-id} and FC's common headers (function
 * name, handler, memory, timeout, initializer, region, account id, qualifier, version, service and
 * log settings, and the credentials {@code x-fc-access-key-id}, {@code x-fc-access-key-secret} and
 * {@code x-fc-security-token}):
 *
 * <table>
 *   <caption>What the fake sends</caption>
 *   <tr><th>method</th><th>request</th><th>{@code x-fc-control-path}</th><th>body</th></tr>
 *   <tr><td>{@link #invoke(byte[])}</td><td>{@code POST /invoke}</td><td>{@code /invoke}</td>
 *       <td>the event, raw, as {@code application/octet-stream}</td></tr>
 *   <tr><td>{@link #initialize()}</td><td>{@code POST /initialize}</td>
 *       <td>{@code /initialize}</td><td>none</td></tr>
 *   <tr><td>{@link #preFreeze()}</td><td>{@code GET /pre-freeze}</td>
 *       <td>{@code /pre-freeze}</td><td>none</td></tr>
 *   <tr><td>{@link #preStop()}</td><td>{@code GET /pre-stop}</td><td>{@code /pre-stop}</td>
 *       <td>none</td></tr>
 *   <tr><td>{@link #http(String, String, Map, byte[])}</td><td>the original method, path and
 *       query</td><td>{@code /http-invoke}</td><td>the original body and headers</td></tr>
 * </table>
 *
 * <p>A runtime keeps the contract when every answer carries {@code x-fc-status} (200 succeeded, 404
 * failed), answers FC's own requests with 200 or 404, and prints {@code FC Invoke Start RequestId:
 * <id>} and {@code FC Invoke End RequestId: <id>} (and {@code FC Initialize}, {@code FC PreFreeze},
 * {@code FC PreStop} Start and End lines for the hooks); {@link FcReply#violations()} checks the
 * answers, the test checks the log. The fake sends one request at a time per call and checks
 * nothing about timing; FC's limits (a server ready within 120 s, deadlines) are not enforced.
 *
 * <p>Immutable and thread-safe: the {@code with} methods return new fakes, and calls may run
 * concurrently. The settings default to {@link FcFunction#defaults()}, {@link
 * FcService#defaults()}, {@link FcCredentials#fake()}, region {@value #DEFAULT_REGION} and account
 * {@value #DEFAULT_ACCOUNT_ID}. {@link #toString()} never shows the credentials.
 */
public final class FcHostFake {

  /** The region the fake reports unless {@link #withRegion(String)} says otherwise. */
  public static final String DEFAULT_REGION = "cn-hangzhou";

  /** The account id the fake reports unless {@link #withAccountId(String)} says otherwise. */
  public static final String DEFAULT_ACCOUNT_ID = "1234567890123456";

  /** The instance id {@link #environment(int)} reports in {@code FC_INSTANCE_ID}. */
  public static final String INSTANCE_ID = "c-fn4j-fake-instance";

  /** How long a call waits for its answer unless {@link #withRequestTimeout(Duration)} says. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private static final String OCTET_STREAM = "application/octet-stream";

  private final URI server;
  private final String region;
  private final String accountId;
  private final FcFunction function;
  private final FcService service;
  private final FcCredentials credentials;
  private final Duration requestTimeout;

  private FcHostFake(
      URI server,
      String region,
      String accountId,
      FcFunction function,
      FcService service,
      FcCredentials credentials,
      Duration requestTimeout) {
    this.server = server;
    this.region = region;
    this.accountId = accountId;
    this.function = function;
    this.service = service;
    this.credentials = credentials;
    this.requestTimeout = requestTimeout;
  }

  /**
   * Creates a fake that sends to a custom runtime's HTTP server, with the default settings.
   *
   * @param server the server's address, for example {@code http://127.0.0.1:41234}; a path in it is
   *     ignored
   * @return the fake
   * @throws IllegalArgumentException when the address is not an absolute {@code http} URI
   */
  public static FcHostFake forServer(URI server) {
    Objects.requireNonNull(server, "server");
    if (!"http".equalsIgnoreCase(server.getScheme()) || server.getHost() == null) {
      throw new IllegalArgumentException(
          "The FC host fake needs an http:// address, not " + server);
    }
    URI root;
    try {
      root = new URI("http", null, server.getHost(), server.getPort(), null, null, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Unusable address " + server, e);
    }
    return new FcHostFake(
        root,
        DEFAULT_REGION,
        DEFAULT_ACCOUNT_ID,
        FcFunction.defaults(),
        FcService.defaults(),
        FcCredentials.fake(),
        DEFAULT_REQUEST_TIMEOUT);
  }

  /**
   * Returns the server's address.
   *
   * @return for example {@code http://127.0.0.1:41234}
   */
  public URI server() {
    return server;
  }

  /**
   * Returns the region reported in {@code x-fc-region} and {@code FC_REGION}.
   *
   * @return for example {@code cn-hangzhou}
   */
  public String region() {
    return region;
  }

  /**
   * Returns the account id reported in {@code x-fc-account-id} and {@code FC_ACCOUNT_ID}.
   *
   * @return the function owner's account id
   */
  public String accountId() {
    return accountId;
  }

  /**
   * Returns the function settings reported on every request.
   *
   * @return the settings
   */
  public FcFunction function() {
    return function;
  }

  /**
   * Returns the service, qualifier and log settings reported on every request.
   *
   * @return the settings
   */
  public FcService service() {
    return service;
  }

  /**
   * Returns the credentials sent on every request; a test looks for their {@link
   * FcCredentials#values()} in logs and responses, where they must never be.
   *
   * @return the credentials
   */
  public FcCredentials credentials() {
    return credentials;
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
   * Returns a fake that reports another region.
   *
   * @param newRegion for example {@code ap-southeast-1}
   * @return the new fake
   */
  public FcHostFake withRegion(String newRegion) {
    return new FcHostFake(
        server,
        requireText(newRegion, "region"),
        accountId,
        function,
        service,
        credentials,
        requestTimeout);
  }

  /**
   * Returns a fake that reports another account id.
   *
   * @param newAccountId the function owner's account id
   * @return the new fake
   */
  public FcHostFake withAccountId(String newAccountId) {
    return new FcHostFake(
        server,
        region,
        requireText(newAccountId, "accountId"),
        function,
        service,
        credentials,
        requestTimeout);
  }

  /**
   * Returns a fake that reports other function settings.
   *
   * @param newFunction for example {@code FcFunction.defaults().withName("orders")}
   * @return the new fake
   */
  public FcHostFake withFunction(FcFunction newFunction) {
    return new FcHostFake(
        server,
        region,
        accountId,
        Objects.requireNonNull(newFunction, "function"),
        service,
        credentials,
        requestTimeout);
  }

  /**
   * Returns a fake that reports other service, qualifier or log settings.
   *
   * @param newService for example {@code FcService.defaults().withQualifier("prod", "3")}
   * @return the new fake
   */
  public FcHostFake withService(FcService newService) {
    return new FcHostFake(
        server,
        region,
        accountId,
        function,
        Objects.requireNonNull(newService, "service"),
        credentials,
        requestTimeout);
  }

  /**
   * Returns a fake that sends other credentials.
   *
   * @param newCredentials for example {@link FcCredentials#none()} for a function without a role
   * @return the new fake
   */
  public FcHostFake withCredentials(FcCredentials newCredentials) {
    return new FcHostFake(
        server,
        region,
        accountId,
        function,
        service,
        Objects.requireNonNull(newCredentials, "credentials"),
        requestTimeout);
  }

  /**
   * Returns a fake whose calls wait at most this long for their answer.
   *
   * @param newTimeout the longest wait
   * @return the new fake
   * @throws IllegalArgumentException when the timeout is not positive
   */
  public FcHostFake withRequestTimeout(Duration newTimeout) {
    if (newTimeout.isNegative() || newTimeout.isZero()) {
      throw new IllegalArgumentException("A timeout must be positive, not " + newTimeout);
    }
    return new FcHostFake(server, region, accountId, function, service, credentials, newTimeout);
  }

  /**
   * Returns the environment FC 3.0 gives a custom runtime listening on a port.
   *
   * @param port the port the runtime is to listen on
   * @return the variables, as for {@link #environment(FcVersion, int)} with {@link FcVersion#FC3}
   * @throws IllegalArgumentException when the port is not between 1 and 65535
   */
  public Map<String, String> environment(int port) {
    return environment(FcVersion.FC3, port);
  }

  /**
   * Returns the environment FC gives a custom runtime: {@code FC_FUNCTION_NAME}, {@code FC_REGION},
   * {@code FC_ACCOUNT_ID}, {@code FC_FUNCTION_HANDLER}, {@code FC_FUNCTION_MEMORY_SIZE}, {@code
   * FC_INSTANCE_ID}, {@code FC_FUNC_CODE_PATH} ({@code /code/}), the port in {@code
   * FC_CUSTOM_LISTEN_PORT} (FC 3.0) or {@code FC_SERVER_PORT} (FC 2.0), and, unless the credentials
   * are {@link FcCredentials#none() none}, {@code ALIBABA_CLOUD_ACCESS_KEY_ID}, {@code
   * ALIBABA_CLOUD_ACCESS_KEY_SECRET} and {@code ALIBABA_CLOUD_SECURITY_TOKEN}. Nothing else (no
   * {@code PATH}, no locale).
   *
   * @param version which generation's port variable to set
   * @param port the port the runtime is to listen on
   * @return the variables, sorted by name; unmodifiable
   * @throws IllegalArgumentException when the port is not between 1 and 65535
   */
  public Map<String, String> environment(FcVersion version, int port) {
    Objects.requireNonNull(version, "version");
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("Not a port: " + port);
    }
    Map<String, String> env = new TreeMap<>();
    env.put("FC_FUNCTION_NAME", function.name());
    env.put("FC_REGION", region);
    env.put("FC_ACCOUNT_ID", accountId);
    env.put("FC_FUNCTION_HANDLER", function.handler());
    env.put("FC_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
    env.put("FC_INSTANCE_ID", INSTANCE_ID);
    env.put("FC_FUNC_CODE_PATH", "/code/");
    env.put(version.portVariable(), Integer.toString(port));
    if (!credentials.isEmpty()) {
      env.put("ALIBABA_CLOUD_ACCESS_KEY_ID", credentials.accessKeyId());
      env.put("ALIBABA_CLOUD_ACCESS_KEY_SECRET", credentials.accessKeySecret());
      env.put("ALIBABA_CLOUD_SECURITY_TOKEN", credentials.securityToken());
    }
    return Collections.unmodifiableMap(env);
  }

  /**
   * Sends {@code POST /initialize}, as FC does once when it starts an instance of a function that
   * has an initializer, before any invocation.
   *
   * @return the answer
   * @throws java.io.UncheckedIOException when the server cannot be reached or does not answer in
   *     time
   */
  public FcReply initialize() {
    return send("POST", FcProtocol.INITIALIZE, FcProtocol.INITIALIZE, Map.of(), new byte[0]);
  }

  /**
   * Invokes an event function: {@code POST /invoke} with the event as the raw body, as FC does for
   * an InvokeFunction call or an event trigger.
   *
   * @param event the event's bytes, sent untouched
   * @return the answer
   * @throws java.io.UncheckedIOException when the server cannot be reached or does not answer in
   *     time
   */
  public FcReply invoke(byte[] event) {
    Objects.requireNonNull(event, "event");
    return send(
        "POST",
        FcProtocol.INVOKE,
        FcProtocol.INVOKE,
        Map.of("Content-Type", List.of(OCTET_STREAM)),
        event.clone());
  }

  /**
   * Invokes an event function with a text event, sent as UTF-8.
   *
   * @param event for example {@code {"name":"fn4j"}}
   * @return the answer
   * @throws java.io.UncheckedIOException when the server cannot be reached or does not answer in
   *     time
   */
  public FcReply invoke(String event) {
    return invoke(event.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Calls an HTTP function without a body, as a client of its HTTP trigger or custom domain.
   *
   * @param method for example {@code GET}
   * @param pathAndQuery the original path and query as on the wire (percent-encoded), for example
   *     {@code /orders?id=42}
   * @return the answer
   * @throws IllegalArgumentException when the path does not start with {@code /}
   * @throws java.io.UncheckedIOException when the server cannot be reached or does not answer in
   *     time
   */
  public FcReply http(String method, String pathAndQuery) {
    return http(method, pathAndQuery, Map.of(), new byte[0]);
  }

  /**
   * Calls an HTTP function as a client of its HTTP trigger or custom domain: FC forwards the
   * original method, path, query, headers and body, adds its common headers and {@code
   * x-fc-control-path: /http-invoke}, and passes the answer back.
   *
   * @param method for example {@code POST}
   * @param pathAndQuery the original path and query as on the wire (percent-encoded), for example
   *     {@code /orders?id=42}
   * @param headers the client's headers, each with its values in order; FC refuses {@code x-fc-*},
   *     {@code Connection} and {@code Keep-Alive}, and the HTTP client sets {@code Host} and {@code
   *     Content-Length} itself
   * @param body the body; empty for none
   * @return the answer
   * @throws IllegalArgumentException when the path does not start with {@code /}, or a header is
   *     one FC refuses or the client sets
   * @throws java.io.UncheckedIOException when the server cannot be reached or does not answer in
   *     time
   */
  public FcReply http(
      String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(pathAndQuery, "pathAndQuery");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    if (!pathAndQuery.startsWith("/")) {
      throw new IllegalArgumentException("A path starts with '/', not: " + pathAndQuery);
    }
    FcProtocol.checkForwardable(headers);
    return send(method, pathAndQuery, FcProtocol.HTTP_INVOKE, headers, body.clone());
  }

  /**
   * Sends {@code GET /pre-freeze}, as FC 2.0 does before it freezes an instance after an invocation
   * (FC 3.0 documents only the initializer and pre-stop hooks for custom runtimes).
   *
   * @return the answer
   * @throws java.io.UncheckedIOException when the server cannot be reached or does not answer in
   *     time
   */
  public FcReply preFreeze() {
    return send("GET", FcProtocol.PRE_FREEZE, FcProtocol.PRE_FREEZE, Map.of(), new byte[0]);
  }

  /**
   * Sends {@code GET /pre-stop}, as FC does before it destroys an instance.
   *
   * @return the answer
   * @throws java.io.UncheckedIOException when the server cannot be reached or does not answer in
   *     time
   */
  public FcReply preStop() {
    return send("GET", FcProtocol.PRE_STOP, FcProtocol.PRE_STOP, Map.of(), new byte[0]);
  }

  /**
   * Describes the fake for assertion messages, without the credentials.
   *
   * @return for example {@code FcHostFake[http://127.0.0.1:41234, fn4j-test, cn-hangzhou]}
   */
  @Override
  public String toString() {
    return "FcHostFake[" + server + ", " + function.name() + ", " + region + "]";
  }

  private FcReply send(
      String method,
      String target,
      String controlPath,
      Map<String, List<String>> headers,
      byte[] body) {
    return FcProtocol.send(this, new FcProtocol.Call(method, target, controlPath, headers, body));
  }

  private static String requireText(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return value;
  }
}
