package dev.fn4j.knative;

import dev.fn4j.core.dispatch.FunctionException;
import dev.fn4j.core.http.Problem;

/**
 * Knative's delivery rules in one place: it retries 5xx, 404, 408, 409 and 429 and gives up on
 * other 4xx, so a failure's status decides whether the event comes back.
 */
final class KnativeStatus {

  private KnativeStatus() {}

  /**
   * Returns the status a failure is answered with: the core's table, except that a content type the
   * function cannot read is 400 (a DECODE failure is never retried), not 415.
   *
   * @param failure the failure
   * @return the status
   */
  static int of(FunctionException failure) {
    return failure.kind() == FunctionException.Kind.UNSUPPORTED_MEDIA_TYPE
        ? 400
        : failure.httpStatus();
  }

  /**
   * Returns the problem body of a failure, with the status of {@link #of}.
   *
   * @param failure the failure
   * @param requestId the request id
   * @return the problem
   */
  static Problem problem(FunctionException failure, String requestId) {
    return Problem.of(failure, requestId).withStatus(of(failure));
  }

  /**
   * Returns the status more likely to get a batch redelivered: 5xx, then the retried 4xx, then the
   * others.
   *
   * @param current the status so far, 0 for none
   * @param candidate another failure's status
   * @return the one to answer with
   */
  static int worse(int current, int candidate) {
    return rank(candidate) > rank(current) ? candidate : current;
  }

  private static int rank(int status) {
    if (status == 0) {
      return 0;
    }
    if (status >= 500) {
      return 3;
    }
    if (status == 404 || status == 408 || status == 409 || status == 429) {
      return 2;
    }
    return 1;
  }
}
