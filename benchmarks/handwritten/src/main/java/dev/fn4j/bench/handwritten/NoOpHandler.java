package dev.fn4j.bench.handwritten;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The floor: reads the event, answers {@code {}}. Measures the JVM and the driver alone. */
public final class NoOpHandler implements RequestStreamHandler {

  private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

  /** Creates the handler, as Lambda does. */
  public NoOpHandler() {}

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    input.readAllBytes();
    output.write(EMPTY_OBJECT);
  }
}
