package dev.fn4j.testkit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a custom runtime answered one request of an {@link FcHostFake}, with the request it answers.
 * Immutable.
 *
 * <p>Function Compute reads two things from the answer: the HTTP status and the {@code x-fc-status}
 * header, each 200 when the function succeeded and 404 when it failed (an event function's or a
 * hook's failure; for an HTTP function the status is the function's own and only {@code
 * x-fc-status} reports the failure). {@link #violations()} checks the answer against that contract.
 *
 * @param invocation the request that was sent
 * @param response the answer: status, headers and body
 */
public record FcReply(FcInvocation invocation, Reply response) {

  /** The response header in which the runtime reports the function's outcome. */
  public static final String FC_STATUS_HEADER = "x-fc-status";

  /**
   * Checks that no part is null.
   *
   * @param invocation the request
   * @param response the answer
   */
  public FcReply {
    Objects.requireNonNull(invocation, "invocation");
    Objects.requireNonNull(response, "response");
  }

  /**
   * Returns the request id the answered request carried.
   *
   * @return the {@code x-fc-request-id} that was sent
   */
  public String requestId() {
    return invocation.requestId();
  }

  /**
   * Returns the HTTP status.
   *
   * @return for example 200
   */
  public int status() {
    return response.status();
  }

  /**
   * Returns the {@code x-fc-status} header as a number.
   *
   * @return 200 or 404 from a runtime that keeps the contract; empty when the header is missing or
   *     not a number
   */
  public OptionalInt fcStatus() {
    Optional<String> value = response.header(FC_STATUS_HEADER);
    if (value.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(value.get().strip()));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  /**
   * Returns a response header's first value.
   *
   * @param name the header name, in any case
   * @return the value, or empty when the header is absent
   */
  public Optional<String> header(String name) {
    return response.header(name);
  }

  /**
   * Returns every response header, by name; lookups ignore the case of names.
   *
   * @return the headers, unmodifiable
   */
  public Map<String, List<String>> headers() {
    return response.headers();
  }

  /**
   * Returns the body as text, decoded with the content type's charset (UTF-8 when none is given).
   *
   * @return the text; empty when there is no body
   */
  public String text() {
    return response.body();
  }

  /**
   * Returns the body's bytes.
   *
   * @return a fresh copy
   */
  public byte[] bytes() {
    return response.bytes();
  }

  /**
   * Lists where the answer breaks the custom-runtime contract, for {@code
   * assertThat(reply.violations()).isEmpty()}: a missing or unreadable {@code x-fc-status}, an
   * {@code x-fc-status} other than 200 or 404, a status other than 200 or 404 on a request that is
   * not an HTTP function's (or one that disagrees with {@code x-fc-status}), and response headers
   * that start with {@code x-fc-} other than {@code x-fc-status} (FC reserves them).
   *
   * @return the problems, each a sentence; empty for a well-behaved runtime
   */
  public List<String> violations() {
    return FcProtocol.violations(this);
  }

  /**
   * Describes the answer for assertion messages.
   *
   * @return for example {@code POST /invoke (...) -> 200, x-fc-status 200, text/plain: HELLO}
   */
  @Override
  public String toString() {
    String text = response.body();
    return invocation
        + " -> "
        + response.status()
        + ", x-fc-status "
        + response.header(FC_STATUS_HEADER).orElse("(none)")
        + ", "
        + response.contentType().orElse("(no content type)")
        + ": "
        + (text.length() > 200 ? text.substring(0, 200) + "..." : text);
  }
}
