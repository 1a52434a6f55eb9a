package dev.fn4j.testkit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A handler the AWS runtime interface client runs in {@link RuntimeInterfaceClientTest}: echoes the
 * event in upper case, fails on {@code boom}, and describes its context on {@code context}.
 */
public final class RuntimeInterfaceClientTestHandler implements RequestStreamHandler {

  /** Creates the handler, as the runtime interface client does. */
  public RuntimeInterfaceClientTestHandler() {}

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
    String answer =
        switch (event) {
          case "boom" -> throw new IllegalStateException("boom from the handler");
          case "context" ->
              String.join(
                  "|",
                  context.getAwsRequestId(),
                  context.getInvokedFunctionArn(),
                  context.getFunctionName(),
                  Boolean.toString(context.getRemainingTimeInMillis() > 0),
                  String.valueOf(context.getClientContext() != null),
                  context.getIdentity() == null ? "null" : context.getIdentity().getIdentityId());
          default -> event.toUpperCase(Locale.ROOT);
        };
    output.write(answer.getBytes(StandardCharsets.UTF_8));
  }
}
