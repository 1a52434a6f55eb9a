package dev.fn4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.testkit.RecordingServer.Answer;
import dev.fn4j.testkit.RecordingServer.Recorded;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The FC host fake talking to a small recording server in place of a custom runtime. */
class FcHostFakeTest {

  private RecordingServer server;
  private FcHostFake fc;

  @BeforeEach
  void start() {
    server = startRuntime();
    fc = FcHostFake.forServer(server.uri());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void invoke_posts_the_raw_event_to_slash_invoke_with_the_invoke_control_path() {
    byte[] event = {0, (byte) 0xff, 'a', '\n', (byte) 0xc3};

    FcReply reply = fc.invoke(event);

    Recorded request = server.only();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/invoke");
    assertThat(request.query()).isNull();
    assertThat(request.header("x-fc-control-path")).isEqualTo("/invoke");
    assertThat(request.header("Content-Type")).isEqualTo("application/octet-stream");
    assertThat(request.body()).containsExactly(event);
    assertThat(reply.invocation().method()).isEqualTo("POST");
    assertThat(reply.invocation().target()).isEqualTo("/invoke");
    assertThat(reply.invocation().controlPath()).isEqualTo("/invoke");
    assertThat(reply.requestId()).isEqualTo(request.header("x-fc-request-id"));
  }

  @Test
  void a_text_event_is_sent_as_utf_8() {
    fc.invoke("{\"name\":\"café\"}");

    assertThat(new String(server.only().body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"name\":\"café\"}");
  }

  @Test
  void initialize_posts_no_body_to_slash_initialize_with_its_control_path() {
    FcReply reply = fc.initialize();

    Recorded request = server.only();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/initialize");
    assertThat(request.header("x-fc-control-path")).isEqualTo("/initialize");
    assertThat(request.body()).isEmpty();
    assertThat(reply.invocation().controlPath()).isEqualTo("/initialize");
    assertThat(reply.requestId()).isEqualTo(request.header("x-fc-request-id"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/pre-freeze", "/pre-stop"})
  void the_freeze_and_stop_hooks_are_gets_with_their_control_path(String hook) {
    FcReply reply = hook.equals("/pre-freeze") ? fc.preFreeze() : fc.preStop();

    Recorded request = server.only();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo(hook);
    assertThat(request.header("x-fc-control-path")).isEqualTo(hook);
    assertThat(request.body()).isEmpty();
    assertThat(reply.invocation().controlPath()).isEqualTo(hook);
  }

  @Test
  void every_request_carries_the_common_headers_with_the_configured_values() {
    FcHostFake configured =
        fc.withRegion("ap-southeast-1")
            .withAccountId("9876543210")
            .withFunction(
                FcFunction.defaults()
                    .withName("orders")
                    .withMemoryMb(1024)
                    .withTimeout(Duration.ofSeconds(90))
                    .withInitializer("boot", Duration.ofSeconds(12)))
            .withService(
                FcService.defaults()
                    .withName("shop")
                    .withLog("shop-logs", "shop-store")
                    .withQualifier("prod", "3"));

    configured.initialize();
    configured.invoke("{}");
    configured.preFreeze();
    configured.preStop();
    configured.http("GET", "/orders");

    assertThat(server.requests()).hasSize(5);
    for (Recorded request : server.requests()) {
      assertThat(request.header("x-fc-function-name")).isEqualTo("orders");
      assertThat(request.header("x-fc-function-handler")).isEqualTo("index.handler");
      assertThat(request.header("x-fc-function-memory")).isEqualTo("1024");
      assertThat(request.header("x-fc-function-timeout")).isEqualTo("90");
      assertThat(request.header("x-fc-function-initializer")).isEqualTo("boot");
      assertThat(request.header("x-fc-initialization-timeout")).isEqualTo("12");
      assertThat(request.header("x-fc-region")).isEqualTo("ap-southeast-1");
      assertThat(request.header("x-fc-account-id")).isEqualTo("9876543210");
      assertThat(request.header("x-fc-qualifier")).isEqualTo("prod");
      assertThat(request.header("x-fc-version-id")).isEqualTo("3");
      assertThat(request.header("x-fc-service-name")).isEqualTo("shop");
      assertThat(request.header("x-fc-service-logproject")).isEqualTo("shop-logs");
      assertThat(request.header("x-fc-service-logstore")).isEqualTo("shop-store");
      assertThat(request.header("x-fc-instance-lifecycle-pre-freeze-handler")).isNotBlank();
      assertThat(request.header("x-fc-instance-lifecycle-pre-stop-handler")).isNotBlank();
      assertThat(request.header("x-fc-retry-count")).isEqualTo("0");
      assertThat(request.header("x-fc-request-id"))
          .matches("1-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{12}");
    }
    assertThat(server.requests())
        .extracting(request -> request.header("x-fc-control-path"))
        .containsExactly("/initialize", "/invoke", "/pre-freeze", "/pre-stop", "/http-invoke");
  }

  @Test
  void a_function_without_initializer_gets_no_initializer_headers() {
    fc.withFunction(FcFunction.defaults().withInitializer("", Duration.ofSeconds(1))).invoke("{}");

    assertThat(server.only().headers())
        .doesNotContainKeys("x-fc-function-initializer", "x-fc-initialization-timeout");
  }

  @Test
  void every_call_gets_a_fresh_request_id_even_from_several_threads() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(4);
    List<Future<FcReply>> replies = new ArrayList<>();
    try {
      for (int i = 0; i < 40; i++) {
        int n = i;
        replies.add(
            callers.submit(
                () ->
                    switch (n % 4) {
                      case 0 -> fc.invoke("{}");
                      case 1 -> fc.initialize();
                      case 2 -> fc.preStop();
                      default -> fc.http("GET", "/n/" + n);
                    }));
      }
      Set<String> sent = new HashSet<>();
      for (Future<FcReply> reply : replies) {
        sent.add(reply.get(30, TimeUnit.SECONDS).requestId());
      }
      assertThat(sent).hasSize(40);
      assertThat(server.requests())
          .extracting(request -> request.header("x-fc-request-id"))
          .containsExactlyInAnyOrderElementsOf(sent);
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void the_credentials_are_sent_on_every_request_and_kept_out_of_every_description() {
    FcReply invoked = fc.invoke("{}");
    FcReply initialized = fc.initialize();

    FcCredentials credentials = fc.credentials();
    assertThat(credentials).isEqualTo(FcCredentials.fake());
    assertThat(credentials.values())
        .containsExactly(
            FcCredentials.FAKE_ACCESS_KEY_ID,
            FcCredentials.FAKE_ACCESS_KEY_SECRET,
            FcCredentials.FAKE_SECURITY_TOKEN);
    for (Recorded request : server.requests()) {
      assertThat(request.header("x-fc-access-key-id")).isEqualTo(FcCredentials.FAKE_ACCESS_KEY_ID);
      assertThat(request.header("x-fc-access-key-secret"))
          .isEqualTo(FcCredentials.FAKE_ACCESS_KEY_SECRET);
      assertThat(request.header("x-fc-security-token"))
          .isEqualTo(FcCredentials.FAKE_SECURITY_TOKEN);
    }
    assertThat(invoked.invocation().header("x-fc-access-key-secret"))
        .hasValue(FcCredentials.FAKE_ACCESS_KEY_SECRET);
    String descriptions =
        String.join(
            "\n",
            fc.toString(),
            credentials.toString(),
            invoked.toString(),
            invoked.invocation().toString(),
            initialized.toString());
    for (String secret : credentials.values()) {
      assertThat(descriptions).doesNotContain(secret);
    }
  }

  @Test
  void a_function_without_a_role_gets_the_credential_headers_empty() {
    FcHostFake noRole = fc.withCredentials(FcCredentials.none());

    noRole.invoke("{}");

    Recorded request = server.only();
    assertThat(request.headers())
        .containsEntry("x-fc-access-key-id", List.of(""))
        .containsEntry("x-fc-access-key-secret", List.of(""))
        .containsEntry("x-fc-security-token", List.of(""));
    assertThat(FcCredentials.none().values()).isEmpty();
    assertThat(FcCredentials.none()).hasToString("FcCredentials[none]");
    assertThat(noRole.environment(9000)).doesNotContainKey("ALIBABA_CLOUD_ACCESS_KEY_ID");
  }

  @Test
  void the_reply_carries_status_fc_status_headers_and_body() {
    server.answer(
        request ->
            new Answer(
                404,
                Map.of(
                    "x-fc-status", "404",
                    "Content-Type", "application/json; charset=utf-8",
                    "X-Trace", "abc"),
                "{\"error\":\"boom\"}"));

    FcReply reply = fc.invoke("{}");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.fcStatus()).hasValue(404);
    assertThat(reply.header("x-trace")).hasValue("abc");
    assertThat(reply.headers()).containsKey("X-FC-STATUS");
    assertThat(reply.text()).isEqualTo("{\"error\":\"boom\"}");
    assertThat(reply.bytes()).isEqualTo("{\"error\":\"boom\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(reply.violations()).isEmpty();
    assertThat(reply.toString())
        .startsWith("POST /invoke (x-fc-control-path /invoke, request " + reply.requestId())
        .contains("-> 404, x-fc-status 404")
        .endsWith("{\"error\":\"boom\"}");
  }

  @Test
  void a_well_behaved_success_has_no_violations() {
    server.answer(request -> new Answer(200, Map.of("x-fc-status", "200"), "OK"));

    assertThat(fc.initialize().violations()).isEmpty();
    assertThat(fc.invoke("{}").violations()).isEmpty();
    assertThat(fc.preFreeze().violations()).isEmpty();
    assertThat(fc.preStop().violations()).isEmpty();
  }

  @Test
  void an_answer_without_x_fc_status_has_no_fc_status_and_is_a_violation() {
    server.answer(request -> new Answer(200, Map.of(), "OK"));

    FcReply reply = fc.invoke("{}");

    assertThat(reply.fcStatus()).isEmpty();
    assertThat(reply.violations())
        .containsExactly("no x-fc-status header (FC expects 200 or 404 on every answer)");
  }

  @Test
  void answers_that_break_the_contract_are_listed() {
    server.answer(request -> new Answer(500, Map.of("x-fc-status", "500"), "oops"));
    assertThat(fc.invoke("{}").violations())
        .containsExactly(
            "x-fc-status 500 is neither 200 nor 404",
            "status 500 on /invoke: FC expects 200 (succeeded) or 404 (failed)");

    server.answer(request -> new Answer(200, Map.of("x-fc-status", "404"), ""));
    assertThat(fc.preStop().violations())
        .containsExactly("status 200 disagrees with x-fc-status 404");

    server.answer(request -> new Answer(200, Map.of("x-fc-status", "ok"), ""));
    assertThat(fc.initialize().violations()).containsExactly("x-fc-status 'ok' is not a number");

    server.answer(
        request -> new Answer(200, Map.of("x-fc-status", "200", "X-Fc-Request-Id", "x"), ""));
    assertThat(fc.invoke("{}").violations())
        .containsExactly(
            "response header x-fc-request-id is reserved by FC (only x-fc-status is not)");
  }

  @Test
  void the_fc3_environment_has_the_listen_port_and_the_function_settings() {
    Map<String, String> env = fc.environment(9123);

    assertThat(env)
        .containsEntry("FC_FUNCTION_NAME", "fn4j-test")
        .containsEntry("FC_REGION", FcHostFake.DEFAULT_REGION)
        .containsEntry("FC_ACCOUNT_ID", FcHostFake.DEFAULT_ACCOUNT_ID)
        .containsEntry("FC_CUSTOM_LISTEN_PORT", "9123")
        .containsEntry("FC_FUNCTION_HANDLER", "index.handler")
        .containsEntry("FC_FUNCTION_MEMORY_SIZE", "512")
        .containsEntry("FC_INSTANCE_ID", FcHostFake.INSTANCE_ID)
        .containsEntry("FC_FUNC_CODE_PATH", "/code/")
        .containsEntry("ALIBABA_CLOUD_ACCESS_KEY_ID", FcCredentials.FAKE_ACCESS_KEY_ID)
        .containsEntry("ALIBABA_CLOUD_ACCESS_KEY_SECRET", FcCredentials.FAKE_ACCESS_KEY_SECRET)
        .containsEntry("ALIBABA_CLOUD_SECURITY_TOKEN", FcCredentials.FAKE_SECURITY_TOKEN)
        .doesNotContainKey("FC_SERVER_PORT")
        .hasSize(11);
    assertThat(fc.environment(FcVersion.FC3, 9123)).isEqualTo(env);
  }

  @Test
  void the_fc2_environment_has_the_server_port_instead() {
    Map<String, String> env = fc.environment(FcVersion.FC2, 9000);

    assertThat(env)
        .containsEntry("FC_SERVER_PORT", "9000")
        .containsEntry("FC_FUNCTION_NAME", "fn4j-test")
        .doesNotContainKey("FC_CUSTOM_LISTEN_PORT");
    assertThatThrownBy(() -> fc.environment(FcVersion.FC2, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Not a port: 0");
  }

  @Test
  void settings_are_copied_never_changed() {
    FcHostFake other =
        fc.withRegion("eu-central-1")
            .withAccountId("42")
            .withFunction(FcFunction.defaults().withName("other"))
            .withService(FcService.defaults().withQualifier("blue", "7"))
            .withCredentials(FcCredentials.none())
            .withRequestTimeout(Duration.ofSeconds(3));

    assertThat(fc.region()).isEqualTo(FcHostFake.DEFAULT_REGION);
    assertThat(fc.accountId()).isEqualTo(FcHostFake.DEFAULT_ACCOUNT_ID);
    assertThat(fc.function()).isEqualTo(FcFunction.defaults());
    assertThat(fc.service()).isEqualTo(FcService.defaults());
    assertThat(fc.credentials()).isEqualTo(FcCredentials.fake());
    assertThat(fc.requestTimeout()).isEqualTo(FcHostFake.DEFAULT_REQUEST_TIMEOUT);
    assertThat(other.region()).isEqualTo("eu-central-1");
    assertThat(other.accountId()).isEqualTo("42");
    assertThat(other.function().name()).isEqualTo("other");
    assertThat(other.service().qualifier()).isEqualTo("blue");
    assertThat(other.service().versionId()).isEqualTo("7");
    assertThat(other.credentials().isEmpty()).isTrue();
    assertThat(other.requestTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(other.server()).isEqualTo(fc.server());
    assertThat(other).hasToString("FcHostFake[" + server.uri() + ", other, eu-central-1]");
  }

  @Test
  void only_an_http_address_is_accepted_and_its_path_is_dropped() {
    assertThat(FcHostFake.forServer(URI.create("http://127.0.0.1:9000/some/path")).server())
        .isEqualTo(URI.create("http://127.0.0.1:9000"));
    assertThatThrownBy(() -> FcHostFake.forServer(URI.create("https://127.0.0.1:9000")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FcHostFake.forServer(URI.create("/relative")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void function_settings_are_checked() {
    assertThatThrownBy(() -> FcFunction.defaults().withMemoryMb(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FcFunction.defaults().withTimeout(Duration.ofMillis(1500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole seconds");
    assertThatThrownBy(() -> FcFunction.defaults().withName(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_runtime_that_is_not_there_is_an_unchecked_io_exception_naming_the_request()
      throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    FcHostFake nowhere =
        FcHostFake.forServer(URI.create("http://127.0.0.1:" + port))
            .withRequestTimeout(Duration.ofSeconds(5));

    assertThatThrownBy(() -> nowhere.invoke("{}"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("http://127.0.0.1:" + port)
        .hasMessageContaining("POST /invoke (x-fc-control-path /invoke, request 1-")
        .hasMessageNotContaining(FcCredentials.FAKE_ACCESS_KEY_SECRET);
  }

  /**
   * A custom runtime double that answers 200 with {@code x-fc-status: 200} until told otherwise.
   */
  static RecordingServer startRuntime() {
    return RecordingServer.start(new Answer(200, Map.of("x-fc-status", "200"), "OK"));
  }
}
