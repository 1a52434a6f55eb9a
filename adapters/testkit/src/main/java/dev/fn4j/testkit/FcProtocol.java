package dev.fn4j.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Function Compute custom-runtime protocol as an {@link FcHostFake} speaks it: header names,
 * control paths, request ids, the common headers, sending, and the contract checks of {@link
 * FcReply#violations()}. Stateless apart from the request id counter; thread-safe.
 */
final class FcProtocol {

  static final String INVOKE = "/invoke";
  static final String INITIALIZE = "/initialize";
  static final String PRE_FREEZE = "/pre-freeze";
  static final String PRE_STOP = "/pre-stop";
  static final String HTTP_INVOKE = "/http-invoke";

  static final String REQUEST_ID = "x-fc-request-id";
  static final String CONTROL_PATH = "x-fc-control-path";
  static final String ACCESS_KEY_ID = "x-fc-access-key-id";
  static final String ACCESS_KEY_SECRET = "x-fc-access-key-secret";
  static final String SECURITY_TOKEN = "x-fc-security-token";

  /** Request headers FC refuses from a client (400 InvalidArgument), besides any x-fc-* one. */
  private static final Set<String> REFUSED_BY_FC = Set.of("connection", "keep-alive");

  /** Request headers the HTTP client sets itself and will not take from a caller. */
  private static final Set<String> SET_BY_CLIENT =
      Set.of("host", "content-length", "expect", "upgrade", "transfer-encoding");

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private FcProtocol() {}

  /**
   * A request to send: method, path and query, control path, the headers it carries besides the
   * common ones, and the body.
   */
  record Call(
      String method,
      String target,
      String controlPath,
      Map<String, List<String>> headers,
      byte[] body) {}

  /**
   * Makes a request id in FC 3.0's shape, {@code 1-<epoch seconds>-<sequence>-<random>} in hex:
   * unique within the JVM, cheap (no secure random), and recognisable in logs.
   *
   * @return for example {@code 1-65e59b07-00000001-bf73bbb91b69}
   */
  static String newRequestId() {
    return String.format(
        "1-%08x-%08x-%012x",
        Instant.now().getEpochSecond(),
        SEQUENCE.incrementAndGet(),
        ThreadLocalRandom.current().nextLong(1L << 48));
  }

  /**
   * Returns the headers FC adds to every request, in a stable order.
   *
   * @param host the fake whose settings they report
   * @param requestId the request's id
   * @param controlPath the request's control path
   * @return name to value
   */
  static Map<String, String> commonHeaders(FcHostFake host, String requestId, String controlPath) {
    FcFunction function = host.function();
    FcService service = host.service();
    FcCredentials credentials = host.credentials();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(REQUEST_ID, requestId);
    headers.put(CONTROL_PATH, controlPath);
    headers.put(ACCESS_KEY_ID, credentials.accessKeyId());
    headers.put(ACCESS_KEY_SECRET, credentials.accessKeySecret());
    headers.put(SECURITY_TOKEN, credentials.securityToken());
    headers.put("x-fc-function-name", function.name());
    headers.put("x-fc-function-handler", function.handler());
    headers.put("x-fc-function-memory", Integer.toString(function.memoryMb()));
    headers.put("x-fc-function-timeout", Long.toString(function.timeout().toSeconds()));
    if (function.hasInitializer()) {
      headers.put("x-fc-function-initializer", function.initializer());
      headers.put(
          "x-fc-initialization-timeout",
          Long.toString(function.initializationTimeout().toSeconds()));
    }
    headers.put("x-fc-instance-lifecycle-pre-freeze-handler", "index.preFreeze");
    headers.put("x-fc-instance-lifecycle-pre-stop-handler", "index.preStop");
    headers.put("x-fc-region", host.region());
    headers.put("x-fc-account-id", host.accountId());
    headers.put("x-fc-qualifier", service.qualifier());
    headers.put("x-fc-version-id", service.versionId());
    headers.put("x-fc-service-name", service.name());
    headers.put("x-fc-service-logproject", service.logProject());
    headers.put("x-fc-service-logstore", service.logStore());
    headers.put("x-fc-retry-count", "0");
    return headers;
  }

  /**
   * Checks the headers of an HTTP request to forward: FC refuses {@code x-fc-*}, {@code Connection}
   * and {@code Keep-Alive} from clients, and the client sets {@code Host}, {@code Content-Length}
   * and the like itself.
   *
   * @param headers the headers a test wants forwarded
   * @throws IllegalArgumentException naming the first header that cannot be sent
   */
  static void checkForwardable(Map<String, List<String>> headers) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      String name = header.getKey();
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("A header needs a name");
      }
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.startsWith("x-fc-") || REFUSED_BY_FC.contains(lower)) {
        throw new IllegalArgumentException(
            "Function Compute refuses a request with the header "
                + name
                + " (400 InvalidArgument), so the fake does not forward one");
      }
      if (SET_BY_CLIENT.contains(lower)) {
        throw new IllegalArgumentException(
            "The header " + name + " is set by the HTTP client, not by the caller");
      }
      if (header.getValue() == null || header.getValue().stream().anyMatch(Objects::isNull)) {
        throw new IllegalArgumentException("The header " + name + " has a null value");
      }
    }
  }

  /**
   * Sends a request the way FC does and waits for the answer.
   *
   * @param host the fake: server, settings and timeout
   * @param call what to send
   * @return the answer, whatever its status
   * @throws UncheckedIOException when the server cannot be reached or does not answer in time
   * @throws IllegalStateException when the thread is interrupted
   */
  static FcReply send(FcHostFake host, Call call) {
    String requestId = newRequestId();
    Map<String, List<String>> sent = new LinkedHashMap<>(call.headers());
    commonHeaders(host, requestId, call.controlPath())
        .forEach((name, value) -> sent.put(name, List.of(value)));
    FcInvocation invocation =
        new FcInvocation(requestId, call.method(), call.target(), call.controlPath(), sent);
    URI uri;
    try {
      uri = URI.create(host.server() + call.target());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Not a usable path and query: " + call.target(), e);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(host.requestTimeout())
            .method(
                call.method(),
                call.body().length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(call.body()));
    sent.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
    try {
      HttpResponse<byte[]> response =
          HostClient.INSTANCE.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new FcReply(
          invocation, Reply.of(response.statusCode(), response.headers().map(), response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "No answer from the custom runtime at " + host.server() + " to " + invocation + ": " + e,
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for " + invocation, e);
    }
  }

  /**
   * Checks an answer against the custom-runtime contract.
   *
   * @param reply the answer and its request
   * @return the problems found, in a fixed order; empty when there are none
   */
  static List<String> violations(FcReply reply) {
    List<String> problems = new ArrayList<>();
    String controlPath = reply.invocation().controlPath();
    OptionalInt fcStatus = reply.fcStatus();
    String raw = reply.header(FcReply.FC_STATUS_HEADER).orElse(null);
    if (raw == null) {
      problems.add("no x-fc-status header (FC expects 200 or 404 on every answer)");
    } else if (fcStatus.isEmpty()) {
      problems.add("x-fc-status '" + raw + "' is not a number");
    } else if (!isOutcome(fcStatus.getAsInt())) {
      problems.add("x-fc-status " + fcStatus.getAsInt() + " is neither 200 nor 404");
    }
    if (!controlPath.equals(HTTP_INVOKE)) {
      int status = reply.status();
      if (!isOutcome(status)) {
        problems.add(
            "status "
                + status
                + " on "
                + controlPath
                + ": FC expects 200 (succeeded) or 404 (failed)");
      } else if (fcStatus.isPresent()
          && isOutcome(fcStatus.getAsInt())
          && fcStatus.getAsInt() != status) {
        problems.add("status " + status + " disagrees with x-fc-status " + fcStatus.getAsInt());
      }
    }
    for (String name : reply.headers().keySet()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.startsWith("x-fc-") && !lower.equals(FcReply.FC_STATUS_HEADER)) {
        problems.add("response header " + name + " is reserved by FC (only x-fc-status is not)");
      }
    }
    return List.copyOf(problems);
  }

  private static boolean isOutcome(int status) {
    return status == 200 || status == 404;
  }
}
