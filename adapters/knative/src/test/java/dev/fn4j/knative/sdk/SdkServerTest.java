package dev.fn4j.knative.sdk;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * One adapter server with the {@link SdkFunctions} per test class, reached through the SDK client;
 * the functions forget their calls before each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SdkServerTest {

  final SdkFunctions functions = new SdkFunctions();
  SdkClient client;

  @BeforeAll
  void startServer() {
    client = SdkClient.start(functions::register, Map.of());
  }

  @AfterAll
  void stopServer() {
    client.close();
  }

  @BeforeEach
  void forgetEarlierCalls() {
    functions.clear();
  }
}
