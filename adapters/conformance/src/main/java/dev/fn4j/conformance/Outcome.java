package dev.fn4j.conformance;

import dev.fn4j.core.convert.JsonCodec;
import dev.fn4j.core.convert.JsonTree;
import dev.fn4j.core.http.Problem;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a client gets back from one {@link AdapterPath}, with the vendor's envelope stripped: the
 * HTTP status (or the status the platform's envelope carries), the media type of the body and the
 * body. Immutable; the body is copied in and out.
 *
 * <p>Two outcomes are equal when their statuses, media types and bodies are, with one exception:
 * for a problem body ({@code application/problem+json}, see {@link Problem}) the {@code requestId}
 * member is left out, since each platform names its own request. Every other member (type, title,
 * status, detail, function, phase) counts. {@link #differencesFrom(Outcome)} says what differs.
 */
public final class Outcome {

  private static final int SHOWN_BYTES = 160;

  private final int status;
  private final String contentType;
  private final byte[] body;
  private final Map<String, Object> problemFields;
  private final Object comparableBody;

  private Outcome(int status, String contentType, byte[] body) {
    this.status = status;
    this.body = body;
    this.contentType = body.length == 0 ? null : MediaRanges.essence(contentType);
    this.problemFields = parseProblem(this.contentType, body);
    if (problemFields == null) {
      this.comparableBody = ByteBuffer.wrap(body);
    } else {
      Map<String, Object> withoutId = new LinkedHashMap<>(problemFields);
      withoutId.remove("requestId");
      this.comparableBody = withoutId;
    }
  }

  /**
   * Creates an outcome.
   *
   * @param status the HTTP status
   * @param contentType the body's content type as the platform gave it (parameters are dropped), or
   *     null; ignored when the body is empty
   * @param body the body, copied; empty for none
   * @return the outcome
   * @throws IllegalArgumentException when the status is not between 100 and 599
   */
  public static Outcome of(int status, String contentType, byte[] body) {
    Objects.requireNonNull(body, "body");
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("Not an HTTP status: " + status);
    }
    return new Outcome(status, contentType, body.clone());
  }

  /**
   * Creates an outcome with a text body, encoded as UTF-8.
   *
   * @param status the HTTP status
   * @param contentType the content type, or null
   * @param body the text; empty for none
   * @return the outcome
   */
  public static Outcome of(int status, String contentType, String body) {
    Objects.requireNonNull(body, "body");
    return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, Object> parseProblem(String contentType, byte[] body) {
    if (!Problem.CONTENT_TYPE.equals(contentType)) {
      return null;
    }
    try {
      if (JsonTree.parse(body) instanceof Map<?, ?> members) {
        Map<String, Object> fields = new LinkedHashMap<>();
        members.forEach((name, value) -> fields.put(String.valueOf(name), value));
        return Collections.unmodifiableMap(fields);
      }
    } catch (JsonCodec.JsonDecodeException notJson) {
      // A problem content type on a body that is not a JSON object: compared as bytes.
    }
    return null;
  }

  /**
   * Returns the status.
   *
   * @return for example 200
   */
  public int status() {
    return status;
  }

  /**
   * Returns the body's media type, without parameters and lower-cased.
   *
   * @return for example {@code text/plain}; empty when there is no body
   */
  public Optional<String> contentType() {
    return Optional.ofNullable(contentType);
  }

  /**
   * Returns the body.
   *
   * @return a copy of the bytes; empty for none
   */
  public byte[] body() {
    return body.clone();
  }

  /**
   * Returns the body as UTF-8 text.
   *
   * @return the text; empty for none
   */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * Tells whether there is a body.
   *
   * @return true when the body is not empty
   */
  public boolean hasBody() {
    return body.length > 0;
  }

  /**
   * Returns the members of a problem body, as parsed.
   *
   * @return the members in document order; empty when the body is not a JSON problem object
   */
  public Map<String, Object> problemFields() {
    return problemFields == null ? Map.of() : problemFields;
  }

  /**
   * Returns the problem a failure answered with.
   *
   * @return the problem's status, title, detail, function, phase and request id; empty when the
   *     body is not a JSON problem object
   */
  public Optional<Problem> problem() {
    if (problemFields == null) {
      return Optional.empty();
    }
    Object problemStatus = problemFields.get("status");
    return Optional.of(
        new Problem(
            problemStatus instanceof Number number ? number.intValue() : 0,
            text("title"),
            text("detail"),
            text("function"),
            text("phase"),
            text("requestId")));
  }

  private String text(String member) {
    Object value = problemFields.get(member);
    return value instanceof String string ? string : null;
  }

  /**
   * Lists how this outcome differs from a reference, each difference a sentence, for {@code
   * assertThat(outcome.differencesFrom(reference)).isEmpty()}.
   *
   * @param reference the outcome expected
   * @return for example {@code [status 202, expected 204]}; empty when the outcomes are equal
   */
  public List<String> differencesFrom(Outcome reference) {
    Objects.requireNonNull(reference, "reference");
    List<String> differences = new ArrayList<>();
    if (status != reference.status) {
      differences.add("status " + status + ", expected " + reference.status);
    }
    if (!Objects.equals(contentType, reference.contentType)) {
      differences.add(
          "content type "
              + (contentType == null ? "(none)" : contentType)
              + ", expected "
              + (reference.contentType == null ? "(none)" : reference.contentType));
    }
    if (comparableBody instanceof Map<?, ?> mine
        && reference.comparableBody instanceof Map<?, ?> theirs) {
      Set<String> names = new TreeSet<>();
      mine.keySet().forEach(name -> names.add(String.valueOf(name)));
      theirs.keySet().forEach(name -> names.add(String.valueOf(name)));
      for (String name : names) {
        if (!Objects.equals(mine.get(name), theirs.get(name))) {
          differences.add(
              "problem member '" + name + "' " + mine.get(name) + ", expected " + theirs.get(name));
        }
      }
    } else if (!comparableBody.equals(reference.comparableBody)) {
      differences.add("body " + describeBody() + ", expected " + reference.describeBody());
    }
    return differences;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Outcome outcome
        && status == outcome.status
        && Objects.equals(contentType, outcome.contentType)
        && comparableBody.equals(outcome.comparableBody);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, contentType, comparableBody);
  }

  /**
   * Describes the outcome for assertion messages.
   *
   * @return for example {@code 200 text/plain "HELLO"}, {@code 204 (no body)} or {@code 200
   *     application/octet-stream [3 bytes: 01 02 03]}
   */
  @Override
  public String toString() {
    return status + (contentType == null ? "" : " " + contentType) + " " + describeBody();
  }

  private String describeBody() {
    if (body.length == 0) {
      return "(no body)";
    }
    if (MediaRanges.isText(contentType)) {
      String text = bodyText();
      return "\""
          + (text.length() > SHOWN_BYTES ? text.substring(0, SHOWN_BYTES) + "..." : text)
          + "\"";
    }
    StringBuilder hex = new StringBuilder("[").append(body.length).append(" bytes:");
    for (int i = 0; i < Math.min(body.length, SHOWN_BYTES / 3); i++) {
      hex.append(' ').append(String.format("%02x", body[i] & 0xff));
    }
    return hex.append(body.length > SHOWN_BYTES / 3 ? " ...]" : "]").toString();
  }
}
