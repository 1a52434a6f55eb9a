package dev.fn4j.conformance;

import dev.fn4j.gcp.GcfHttpFunction;
import java.io.IOException;

/**
 * {@value #NAME}: {@link GcfHttpFunction#service}, created once with its public constructor and
 * called as Google's Java function invoker (functions-framework-api 2.0.0) calls an {@code
 * HttpFunction}, with an in-memory {@link GcfRequest} and {@link GcfResponse}. An exception thrown
 * to the invoker fails the call with a {@link PathFailure}: the invoker would answer a bare 500.
 */
final class GcfHttpPath implements AdapterPath {

  static final String NAME = "gcp-http";

  private GcfHttpFunction function;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Outcome call(Call call) {
    GcfResponse response = new GcfResponse();
    try {
      function().service(GcfRequest.of(call), response);
    } catch (IOException | RuntimeException e) {
      throw new PathFailure(NAME, "the function threw to the invoker for " + call + ": " + e, e);
    }
    return response.outcome();
  }

  /** Created on the first call, as the platform creates it once; the shared runtime starts then. */
  private synchronized GcfHttpFunction function() {
    if (function == null) {
      function = new GcfHttpFunction();
    }
    return function;
  }

  @Override
  public String toString() {
    return NAME;
  }
}
