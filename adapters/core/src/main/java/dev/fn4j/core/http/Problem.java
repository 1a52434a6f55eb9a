package dev.fn4j.core.http;

import dev.fn4j.core.convert.JsonText;
import dev.fn4j.core.dispatch.FunctionException;
import java.util.Locale;

/**
 * An RFC 9457 problem body ({@code application/problem+json}) naming the function and the phase.
 * Built from client-safe text only: never a stack trace or an exception message of user code.
 *
 * @param status the HTTP status
 * @param title a short title
 * @param detail what went wrong
 * @param function the function's name, or null
 * @param phase the failure phase, or null
 * @param requestId the request id, or null
 */
public record Problem(
    int status, String title, String detail, String function, String phase, String requestId) {

  /** The problem body's content type. */
  public static final String CONTENT_TYPE = "application/problem+json";

  /**
   * Describes a failed invocation.
   *
   * @param failure the failure
   * @param requestId the request id, or null
   * @return the problem
   */
  public static Problem of(FunctionException failure, String requestId) {
    return new Problem(
        failure.httpStatus(),
        failure.kind().title(),
        failure.getMessage(),
        failure.functionName().isEmpty() ? null : failure.functionName(),
        failure.phase().name(),
        requestId);
  }

  /**
   * Returns the same problem answered with another status, for a platform whose protocol asks for
   * its own (Knative's 400 for a content type the function cannot read, FC's 404 for any failure).
   *
   * @param newStatus the status to answer with
   * @return the problem with that status
   */
  public Problem withStatus(int newStatus) {
    return new Problem(newStatus, title, detail, function, phase, requestId);
  }

  /**
   * Returns the problem type URI, one per status: {@code urn:fn4j:problem:<slug>}.
   *
   * @return the type
   */
  public String type() {
    return "urn:fn4j:problem:" + title.toLowerCase(Locale.ROOT).replace(' ', '-');
  }

  /**
   * Returns the JSON body.
   *
   * @return the problem as JSON
   */
  public String toJson() {
    StringBuilder json = new StringBuilder(160).append("{\"type\":");
    JsonText.quote(json, type()).append(",\"title\":");
    JsonText.quote(json, title).append(",\"status\":").append(status).append(",\"detail\":");
    JsonText.quote(json, detail);
    if (function != null) {
      JsonText.quote(json.append(",\"function\":"), function);
    }
    if (phase != null) {
      JsonText.quote(json.append(",\"phase\":"), phase);
    }
    if (requestId != null) {
      JsonText.quote(json.append(",\"requestId\":"), requestId);
    }
    return json.append('}').toString();
  }
}
