package dev.fn4j.alibaba.runtime;

import static dev.fn4j.alibaba.runtime.FcReplies.assertSucceeded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.alibaba.FcPlatform;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.FunctionCatalog;
import dev.fn4j.core.http.EmbeddedHttpServer;
import dev.fn4j.core.platform.Environment;
import dev.fn4j.core.platform.Launcher;
import dev.fn4j.core.platform.Platform;
import dev.fn4j.testkit.FcHostFake;
import dev.fn4j.testkit.FcReply;
import dev.fn4j.testkit.FcVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How the runtime finds FC and its port: detected from FC 3.0's and FC 2.0's environments (and not
 * from an empty one), listening on the port FC names ({@code FC_CUSTOM_LISTEN_PORT}, else {@code
 * FC_SERVER_PORT}; {@code PORT} is not read) and on all interfaces unless told otherwise.
 */
class PlatformSettingsTest {

  private static final FcHostFake UNUSED =
      FcHostFake.forServer(URI.create("http://127.0.0.1:9000"));

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Platform select(Map<String, String> environment) {
    return Launcher.discover(PlatformSettingsTest.class.getClassLoader())
        .select(Environment.of(environment));
  }

  private static EmbeddedHttpServer start(Map<String, String> environment) {
    try {
      return FcPlatform.start(
          FunctionRuntime.of(
              Environment.of(environment), FunctionCatalog.of(new RuntimeFunctions())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void the_launcher_picks_fc_in_the_environments_of_fc_3_and_fc_2_and_not_elsewhere() {
    assertThat(select(UNUSED.environment(FcVersion.FC3, 9000)).id()).isEqualTo(FcPlatform.ID);
    assertThat(select(UNUSED.environment(FcVersion.FC2, 9000)).id()).isEqualTo(FcPlatform.ID);
    assertThat(select(Map.of("FC_CUSTOM_LISTEN_PORT", "9000")).id()).isEqualTo(FcPlatform.ID);
    assertThat(select(Map.of("FC_SERVER_PORT", "9000")).id()).isEqualTo(FcPlatform.ID);
    assertThat(select(Map.of("FN4J_PLATFORM", "alibaba-fc")).id()).isEqualTo(FcPlatform.ID);
    assertThat(select(Map.of()).id()).isNotEqualTo(FcPlatform.ID);
    assertThat(select(Map.of("FC_FUNCTION_NAME", "f")).id())
        .as("a function name alone is not FC")
        .isNotEqualTo(FcPlatform.ID);
  }

  @Test
  void the_runtime_listens_on_fc_3s_port_and_not_on_port() {
    // given
    int port = freePort();
    Map<String, String> environment = new HashMap<>(UNUSED.environment(FcVersion.FC3, port));
    environment.put("FC_SERVER_PORT", "1");
    environment.put("PORT", "1");
    environment.put("FN4J_HTTP_HOST", "127.0.0.1");

    // when
    try (EmbeddedHttpServer server = start(environment)) {
      FcReply reply = FcHostFake.forServer(URI.create("http://127.0.0.1:" + port)).initialize();

      // then
      assertThat(server.port()).isEqualTo(port);
      assertSucceeded(reply);
    }
  }

  @Test
  void the_runtime_listens_on_fc_2s_port() {
    // given
    int port = freePort();
    Map<String, String> environment = new HashMap<>(UNUSED.environment(FcVersion.FC2, port));
    environment.put("FN4J_HTTP_HOST", "127.0.0.1");

    // when
    try (EmbeddedHttpServer server = start(environment)) {
      FcReply reply = FcHostFake.forServer(URI.create("http://127.0.0.1:" + port)).initialize();

      // then
      assertThat(server.port()).isEqualTo(port);
      assertSucceeded(reply);
    }
  }

  @Test
  void the_runtime_listens_on_all_interfaces_as_fc_requires() {
    // when: FN4J_HTTP_HOST is not set
    try (EmbeddedHttpServer server = start(Map.of("FC_CUSTOM_LISTEN_PORT", "0"))) {
      // then
      assertThat(server.address().getAddress().isAnyLocalAddress()).isTrue();
    }
  }
}
