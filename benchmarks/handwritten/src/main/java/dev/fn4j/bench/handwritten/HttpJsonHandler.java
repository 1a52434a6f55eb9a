package dev.fn4j.bench.handwritten;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** {@code shout} behind API Gateway (HTTP API, payload 2.0): a JSON record in and out. */
public final class HttpJsonHandler implements RequestStreamHandler {

  /** Creates the handler, as Lambda does. */
  public HttpJsonHandler() {}

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JsonNode event = HttpResponses.MAPPER.readTree(input);
    Shout request;
    try {
      request = HttpResponses.MAPPER.readValue(HttpResponses.body(event), Shout.class);
    } catch (JsonProcessingException e) {
      HttpResponses.write(output, 400, "text/plain; charset=utf-8", "malformed JSON body");
      return;
    }
    String result = HttpResponses.MAPPER.writeValueAsString(request.loud());
    HttpResponses.write(output, 200, "application/json", result);
  }
}
