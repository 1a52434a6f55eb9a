package dev.fn4j.conformance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a client gets for a {@link RawRequest}: the status, every response header as sent (name and
 * value, in order), the body, and the text around it that a path can also show (the raw response
 * head of a socket path, an Azure host payload's {@code Logs}); or the failure of a platform that
 * gives the client no answer of the function's (a Lambda function error, a failed FC invocation, an
 * answer the Azure host refuses).
 *
 * @param status the status; 0 for a failure
 * @param headers the response headers, in order
 * @param body the body
 * @param extra other text the platform shows: a socket's raw response head, an Azure payload's logs
 * @param failure what the platform reported instead of an answer, or null
 */
record RawAnswer(
    int status,
    List<Map.Entry<String, String>> headers,
    byte[] body,
    String extra,
    String failure) {

  RawAnswer {
    headers = List.copyOf(headers);
    body = body.clone();
    extra = extra == null ? "" : extra;
  }

  /**
   * An answer.
   *
   * @param status the status
   * @param headers the headers
   * @param body the body
   * @param extra other text the platform shows, or null
   * @return the answer
   */
  static RawAnswer of(
      int status, List<Map.Entry<String, String>> headers, byte[] body, String extra) {
    return new RawAnswer(status, headers, body, extra, null);
  }

  /**
   * A platform failure instead of an answer.
   *
   * @param failure what the platform reported
   * @return the answer
   */
  static RawAnswer failed(String failure) {
    return new RawAnswer(0, List.of(), new byte[0], null, failure);
  }

  /**
   * Tells whether the platform gave no answer of the function's.
   *
   * @return true for a failure
   */
  boolean isFailure() {
    return failure != null;
  }

  /**
   * Returns a header's values.
   *
   * @param name the name, in any case
   * @return the values in order; empty when absent
   */
  List<String> header(String name) {
    List<String> values = new ArrayList<>();
    headers.forEach(
        header -> {
          if (header.getKey().equalsIgnoreCase(name)) {
            values.add(header.getValue());
          }
        });
    return values;
  }

  /**
   * Returns the answer as an {@link Outcome}.
   *
   * @return the outcome
   * @throws IllegalStateException for a failure
   */
  Outcome outcome() {
    if (isFailure()) {
      throw new IllegalStateException("no outcome: " + failure);
    }
    List<String> types = header("Content-Type");
    return Outcome.of(status, types.isEmpty() ? null : types.get(0), body);
  }

  /**
   * Returns everything a client or an operator could read: status, headers, body and extra text.
   *
   * @return the text
   */
  String allText() {
    StringBuilder text = new StringBuilder();
    if (isFailure()) {
      return failure;
    }
    text.append(status).append('\n');
    headers.forEach(
        header -> text.append(header.getKey()).append(": ").append(header.getValue()).append('\n'));
    text.append(new String(body, StandardCharsets.UTF_8)).append('\n').append(extra);
    return text.toString();
  }

  @Override
  public String toString() {
    return isFailure() ? "failed: " + failure : outcome().toString();
  }
}
