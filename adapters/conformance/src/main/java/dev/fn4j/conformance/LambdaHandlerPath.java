package dev.fn4j.conformance;

import dev.fn4j.aws.LambdaHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@value #NAME}: {@link LambdaHandler#handleRequest}, created and called as Lambda's managed Java
 * runtime does, with an API Gateway HTTP API event (payload format 2.0, {@link ApiGatewayV2}) and a
 * {@link LambdaContext}; the response is read as API Gateway reads it. A function error (the
 * handler throws) fails the call with a {@link PathFailure}: API Gateway would answer a bare 500.
 */
final class LambdaHandlerPath implements AdapterPath {

  static final String NAME = "aws-lambda-handler";

  private static final AtomicLong IDS = new AtomicLong();

  private LambdaHandler handler;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Outcome call(Call call) {
    ByteArrayOutputStream response = new ByteArrayOutputStream();
    try {
      handler()
          .handleRequest(
              new ByteArrayInputStream(ApiGatewayV2.request(call)),
              response,
              new LambdaContext("conformance-handler-" + IDS.incrementAndGet()));
    } catch (IOException | RuntimeException e) {
      throw new PathFailure(NAME, "the handler failed the invocation of " + call + ": " + e, e);
    }
    return ApiGatewayV2.response(NAME, response.toByteArray());
  }

  /** Created on the first call, as the platform creates it once; the shared runtime starts then. */
  private synchronized LambdaHandler handler() {
    if (handler == null) {
      handler = new LambdaHandler();
    }
    return handler;
  }

  @Override
  public String toString() {
    return NAME;
  }
}
