package dev.fn4j.conformance;

import dev.fn4j.alibaba.FcHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * {@value #NAME}: {@link FcHandler#handleRequest}, created with its public constructor and called
 * as an FC built-in Java runtime calls a stream handler, with an FC 3.0 HTTP trigger event ({@link
 * FcHttpTriggerEvent}) and an {@link FcContext}; the response document is read as FC reads it. An
 * exception thrown to the runtime fails the call with a {@link PathFailure}: FC would report a
 * failed invocation, not the function's answer.
 */
final class FcHandlerPath implements AdapterPath {

  static final String NAME = "alibaba-builtin";

  private FcHandler handler;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Outcome call(Call call) {
    String requestId = FcHttpTriggerEvent.nextRequestId();
    ByteArrayOutputStream response = new ByteArrayOutputStream();
    try {
      handler()
          .handleRequest(
              new ByteArrayInputStream(FcHttpTriggerEvent.request(call, requestId)),
              response,
              new FcContext(requestId));
    } catch (IOException | RuntimeException e) {
      throw new PathFailure(NAME, "the handler failed the invocation of " + call + ": " + e, e);
    }
    return FcHttpTriggerEvent.response(NAME, response.toByteArray());
  }

  /** Created on the first call, as the platform creates it once; the shared runtime starts then. */
  private synchronized FcHandler handler() {
    if (handler == null) {
      handler = new FcHandler();
    }
    return handler;
  }

  @Override
  public String toString() {
    return NAME;
  }
}
