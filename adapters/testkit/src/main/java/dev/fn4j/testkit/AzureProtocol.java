package dev.fn4j.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wire side of the Azure host fake: header names, ids, the host's date formats, and sending one
 * request to the handler. Stateless; thread-safe.
 */
final class AzureProtocol {

  /** The header with the invocation's id, on every invocation and proxied request. */
  static final String INVOCATION_ID = "X-Azure-Functions-InvocationId";

  /** The header with the host's version, on every invocation and proxied request. */
  static final String HOST_VERSION = "X-Azure-Functions-HostVersion";

  /** The content type of a payload, as the host's JSON formatter writes it. */
  static final String JSON_UTF8 = "application/json; charset=utf-8";

  /** Request headers the JDK client sets itself and will not take from a caller. */
  private static final Set<String> SET_BY_CLIENT =
      Set.of("host", "content-length", "expect", "upgrade", "connection", "transfer-encoding");

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private AzureProtocol() {}

  /**
   * Makes a random version 4 GUID without the secure random generator (slow to set up, and these
   * ids protect nothing).
   *
   * @return for example {@code 5f0c6b8e-2a1d-4c3b-9e7f-0a1b2c3d4e5f}
   */
  static String newGuid() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  /**
   * Formats a UTC {@code DateTime} as the host's JSON serializer does: up to seven fraction digits,
   * trailing zeros dropped, and {@code Z}.
   *
   * @param instant the time
   * @return for example {@code 2019-10-09T17:58:32.2205399Z}
   */
  static String utc(Instant instant) {
    return dotNet(instant) + "Z";
  }

  /**
   * Formats a {@code DateTimeOffset} at UTC as the host's JSON serializer does.
   *
   * @param instant the time
   * @return for example {@code 2019-10-16T17:58:31.1234567+00:00}
   */
  static String offset(Instant instant) {
    return dotNet(instant) + "+00:00";
  }

  private static String dotNet(Instant instant) {
    StringBuilder text = new StringBuilder(SECONDS.format(instant));
    int ticks = instant.getNano() / 100;
    if (ticks != 0) {
      String digits = String.format(Locale.ROOT, "%07d", ticks).replaceAll("0+$", "");
      text.append('.').append(digits);
    }
    return text.toString();
  }

  /**
   * Checks the headers of a raw request to forward.
   *
   * @param headers the headers a test wants sent
   * @throws IllegalArgumentException naming the first header that cannot be sent
   */
  static void checkSendable(Map<String, List<String>> headers) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      String name = header.getKey();
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("A header needs a name");
      }
      if (SET_BY_CLIENT.contains(name.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            "The header " + name + " is set by the HTTP client, not by the caller");
      }
      checkValues(name, header.getValue());
    }
  }

  /**
   * Checks a header's values.
   *
   * @param name the header's name
   * @param values its values
   * @throws IllegalArgumentException when the list or a value is null
   */
  static void checkValues(String name, List<String> values) {
    if (values == null || values.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("The header " + name + " has a null value");
    }
  }

  /**
   * Sends a request and waits for the answer.
   *
   * @param host the fake: address and timeout
   * @param invocation what to send, headers included
   * @param body the body; empty for none
   * @return the answer, whatever its status
   * @throws UncheckedIOException when the handler cannot be reached or does not answer in time
   * @throws IllegalStateException when the thread is interrupted
   */
  static AzureReply send(AzureFunctionsHostFake host, AzureInvocation invocation, byte[] body) {
    URI uri;
    try {
      uri = URI.create(host.handler() + invocation.target());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Not a usable path and query: " + invocation.target(), e);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(host.requestTimeout())
            .method(
                invocation.method(),
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    invocation
        .headers()
        .forEach((name, values) -> values.forEach(value -> request.header(name, value)));
    try {
      HttpResponse<byte[]> response =
          HostClient.INSTANCE.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new AzureReply(
          invocation, Reply.of(response.statusCode(), response.headers().map(), response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "No answer from the custom handler at " + host.handler() + " to " + invocation + ": " + e,
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for " + invocation, e);
    }
  }
}
