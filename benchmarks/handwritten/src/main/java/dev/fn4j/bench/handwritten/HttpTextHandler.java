package dev.fn4j.bench.handwritten;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** {@code uppercase} behind API Gateway (HTTP API, payload 2.0): text in, text out. */
public final class HttpTextHandler implements RequestStreamHandler {

  /** Creates the handler, as Lambda does. */
  public HttpTextHandler() {}

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JsonNode event = HttpResponses.MAPPER.readTree(input);
    String result = Shout.upper(HttpResponses.body(event));
    HttpResponses.write(output, 200, "text/plain; charset=utf-8", result);
  }
}
