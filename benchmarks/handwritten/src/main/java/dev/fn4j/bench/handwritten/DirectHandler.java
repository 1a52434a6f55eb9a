package dev.fn4j.bench.handwritten;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** {@code shout} invoked directly (SDK, CLI, Step Functions): the event is the record itself. */
public final class DirectHandler implements RequestStreamHandler {

  /** Creates the handler, as Lambda does. */
  public DirectHandler() {}

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    Shout shout = HttpResponses.MAPPER.readValue(input, Shout.class);
    HttpResponses.MAPPER.writeValue(output, shout.loud());
  }
}
