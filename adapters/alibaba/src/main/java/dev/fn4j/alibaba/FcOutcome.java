package dev.fn4j.alibaba;

import dev.fn4j.core.dispatch.FunctionException;
import java.util.Objects;

/**
 * What an event invocation ends in, for the custom runtime to answer and the built-in handler to
 * write or throw.
 *
 * @param body the answer's bytes (the function's output, or an HTTP trigger response document)
 * @param contentType the answer's content type, or null
 * @param failure the failure, or null when the invocation succeeded
 */
record FcOutcome(byte[] body, String contentType, FunctionException failure) {

  FcOutcome {
    Objects.requireNonNull(body, "body");
  }

  static FcOutcome success(byte[] body, String contentType) {
    return new FcOutcome(body, contentType, null);
  }

  static FcOutcome failed(FunctionException failure) {
    return new FcOutcome(new byte[0], null, Objects.requireNonNull(failure, "failure"));
  }

  boolean succeeded() {
    return failure == null;
  }
}
