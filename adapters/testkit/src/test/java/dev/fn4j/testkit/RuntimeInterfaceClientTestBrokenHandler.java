package dev.fn4j.testkit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;

/** A handler whose class cannot initialise, for {@link RuntimeInterfaceClientTest}. */
public final class RuntimeInterfaceClientTestBrokenHandler implements RequestStreamHandler {

  private static final Object STATE = fail();

  /** Creates the handler, as the runtime interface client would. */
  public RuntimeInterfaceClientTestBrokenHandler() {}

  private static Object fail() {
    throw new IllegalStateException("broken on purpose");
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) {
    throw new AssertionError("never runs: " + STATE);
  }
}
