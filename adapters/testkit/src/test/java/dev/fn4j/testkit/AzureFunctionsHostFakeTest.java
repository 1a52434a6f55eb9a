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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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

/** The Azure Functions host fake talking to a small recording server in place of a handler. */
class AzureFunctionsHostFakeTest {

  private RecordingServer handler;
  private AzureFunctionsHostFake host;

  @BeforeEach
  void start() {
    handler = startHandler();
    host = AzureFunctionsHostFake.forHandler(handler.uri());
  }

  @AfterEach
  void stop() {
    handler.close();
  }

  @Test
  void an_invocation_is_a_json_post_to_the_function_name_with_the_host_headers() {
    AzureReply reply = host.queue("orders", "hello");

    Recorded request = handler.only();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/orders");
    assertThat(request.query()).isNull();
    assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(request.header("X-Azure-Functions-HostVersion"))
        .isEqualTo(AzureFunctionsHostFake.HOST_VERSION);
    assertThat(request.header("User-Agent"))
        .isEqualTo("Azure-Functions-Host/" + AzureFunctionsHostFake.HOST_VERSION);
    assertThat(request.header("X-Azure-Functions-InvocationId"))
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
        .isEqualTo(reply.invocation().invocationId());
    assertThat(request.text()).isEqualTo(reply.invocation().payload()).startsWith("{\"Data\":{");
    assertThat(request.json()).containsOnlyKeys("Data", "Metadata");
    assertThat(reply.invocation().kind()).isEqualTo(AzureInvocation.Kind.INVOCATION);
    assertThat(reply.invocation().functionName()).isEqualTo("orders");
    assertThat(reply.invocation().trigger()).contains(AzureTrigger.QUEUE);
    assertThat(reply.invocation().target()).isEqualTo("/orders");
    assertThat(reply.invocation().header("content-type"))
        .hasValue("application/json; charset=utf-8");
  }

  @Test
  void every_payload_has_sys_with_the_method_name_the_clock_and_a_fresh_guid() {
    Instant now = Instant.parse("2024-03-01T10:15:30.1234567Z");
    AzureFunctionsHostFake fixed = host.withClock(Clock.fixed(now, ZoneOffset.UTC));

    AzureReply first = fixed.timer("cleanup");
    AzureReply second = fixed.timer("cleanup");

    Map<String, Object> sys = sys(first);
    assertThat(sys).containsOnlyKeys("MethodName", "UtcNow", "RandGuid");
    assertThat(sys.get("MethodName")).isEqualTo("cleanup");
    assertThat(sys.get("UtcNow")).isEqualTo("2024-03-01T10:15:30.1234567Z");
    assertThat((String) sys.get("RandGuid")).hasSize(36).isNotEqualTo(sys(second).get("RandGuid"));
    assertThat(first.invocation().invocationId()).isNotEqualTo(second.invocation().invocationId());
  }

  @Test
  void the_host_date_format_drops_trailing_zeros_of_the_seven_fraction_digits() {
    AzureFunctionsHostFake fixed =
        host.withClock(Clock.fixed(Instant.parse("2024-03-01T10:15:30.500Z"), ZoneOffset.UTC));
    assertThat(sys(fixed.timer("t")).get("UtcNow")).isEqualTo("2024-03-01T10:15:30.5Z");

    AzureFunctionsHostFake whole =
        host.withClock(Clock.fixed(Instant.parse("2024-03-01T10:15:30Z"), ZoneOffset.UTC));
    assertThat(sys(whole.timer("t")).get("UtcNow")).isEqualTo("2024-03-01T10:15:30Z");
  }

  @Test
  void ready_is_a_plain_get_of_the_root_and_any_answer_will_do() {
    handler.answer(request -> new Answer(404, Map.of(), "not found"));

    AzureReply reply = host.ready();

    Recorded request = handler.only();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo("/");
    assertThat(request.body()).isEmpty();
    assertThat(request.headers()).doesNotContainKey("X-Azure-Functions-InvocationId");
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.invocation().kind()).isEqualTo(AzureInvocation.Kind.READINESS);
    assertThat(reply.invocation().trigger()).isEmpty();
    assertThat(reply.succeeded()).isTrue();
    assertThat(reply.violations()).isEmpty();
  }

  @Test
  void await_ready_returns_the_first_answer_and_gives_up_on_a_silent_port() throws IOException {
    assertThat(host.awaitReady(Duration.ofSeconds(10)).invocation().target()).isEqualTo("/");

    AzureFunctionsHostFake nowhere =
        AzureFunctionsHostFake.forHandler(URI.create("http://127.0.0.1:" + freePort()))
            .withRequestTimeout(Duration.ofSeconds(2));
    assertThatThrownBy(() -> nowhere.awaitReady(Duration.ofMillis(200)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("did not answer GET /")
        .hasCauseInstanceOf(UncheckedIOException.class);
  }

  @Test
  void the_environment_names_the_port_the_worker_the_app_and_the_custom_runtime() {
    Map<String, String> env = host.withSiteName("orders-prod").environment(7071);

    assertThat(env)
        .containsEntry("FUNCTIONS_CUSTOMHANDLER_PORT", "7071")
        .containsEntry("FUNCTIONS_HTTPWORKER_PORT", "7071")
        .containsEntry("FUNCTIONS_CUSTOMHANDLER_WORKER_ID", AzureFunctionsHostFake.WORKER_ID)
        .containsEntry("FUNCTIONS_HTTPWORKER_ID", AzureFunctionsHostFake.WORKER_ID)
        .containsEntry("FUNCTIONS_APP_ROOT_PATH", "/home/site/wwwroot")
        .containsEntry("AzureWebJobsScriptRoot", "/home/site/wwwroot")
        .containsEntry("FUNCTIONS_WORKER_RUNTIME", "custom")
        .containsEntry("FUNCTIONS_EXTENSION_VERSION", "~4")
        .containsEntry("WEBSITE_SITE_NAME", "orders-prod")
        .containsEntry("WEBSITE_HOSTNAME", "orders-prod.azurewebsites.net")
        .containsEntry("WEBSITE_INSTANCE_ID", AzureFunctionsHostFake.INSTANCE_ID)
        .hasSize(12);
    assertThat(env.get("AzureWebJobsStorage"))
        .contains("AccountName=" + AzureFunctionsHostFake.STORAGE_ACCOUNT)
        .contains("AccountKey=" + AzureFunctionsHostFake.FAKE_STORAGE_ACCOUNT_KEY);
    assertThatThrownBy(() -> host.environment(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Not a port: 0");
    assertThatThrownBy(() -> env.put("PATH", "/bin"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void settings_are_copied_never_changed() {
    Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
    AzureFunctionsHostFake other =
        host.withSiteName("other")
            .withBindings(AzureBindings.defaults().withHttpOutput("$return"))
            .withStyle(AzurePayloadStyle.DOCUMENTED)
            .withClock(clock)
            .withRequestTimeout(Duration.ofSeconds(3));

    assertThat(host.siteName()).isEqualTo(AzureFunctionsHostFake.DEFAULT_SITE_NAME);
    assertThat(host.bindings()).isEqualTo(AzureBindings.defaults());
    assertThat(host.style()).isEqualTo(AzurePayloadStyle.HOST);
    assertThat(host.requestTimeout()).isEqualTo(AzureFunctionsHostFake.DEFAULT_REQUEST_TIMEOUT);
    assertThat(other.siteName()).isEqualTo("other");
    assertThat(other.hostName()).isEqualTo("other.azurewebsites.net");
    assertThat(other.bindings().httpOutput()).isEqualTo("$return");
    assertThat(other.style()).isEqualTo(AzurePayloadStyle.DOCUMENTED);
    assertThat(other.clock()).isSameAs(clock);
    assertThat(other.requestTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(other.handler()).isEqualTo(host.handler());
    assertThat(other)
        .hasToString("AzureFunctionsHostFake[" + handler.uri() + ", other, DOCUMENTED]");
    assertThatThrownBy(() -> host.withSiteName("Not A Name"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> host.withRequestTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void binding_names_are_checked_and_replaced_one_at_a_time() {
    AzureBindings bindings =
        AzureBindings.defaults().withTriggerName(AzureTrigger.QUEUE, "message");

    assertThat(bindings.triggerName(AzureTrigger.QUEUE)).isEqualTo("message");
    assertThat(bindings.triggerName(AzureTrigger.HTTP)).isEqualTo("req");
    assertThat(AzureBindings.defaults().triggerName(AzureTrigger.QUEUE)).isEqualTo("myQueueItem");
    assertThat(bindings.withHttpOutput("").httpOutput()).isEmpty();
    assertThatThrownBy(() -> bindings.withTriggerName(AzureTrigger.TIMER, "my timer"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> bindings.withHttpOutput("$res"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AzureBindings(Map.of(AzureTrigger.HTTP, "req"), "res"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("QUEUE");

    host.withBindings(bindings).queue("orders", "x");
    assertThat(dataOf(handler.only())).containsOnlyKeys("message");
  }

  @Test
  void only_an_http_address_is_accepted_and_its_path_is_dropped() {
    assertThat(AzureFunctionsHostFake.forHandler(URI.create("http://127.0.0.1:9000/x")).handler())
        .isEqualTo(URI.create("http://127.0.0.1:9000"));
    assertThatThrownBy(() -> AzureFunctionsHostFake.forHandler(URI.create("https://127.0.0.1:9")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AzureFunctionsHostFake.forHandler(URI.create("/relative")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_function_name_is_a_folder_name_and_nothing_is_sent_for_a_bad_one() {
    assertThatThrownBy(() -> host.timer("../admin"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("../admin");
    assertThatThrownBy(() -> host.queue("", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThat(handler.requests()).isEmpty();
  }

  @Test
  void every_call_gets_a_fresh_invocation_id_even_from_several_threads() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(4);
    List<Future<AzureReply>> replies = new ArrayList<>();
    try {
      for (int i = 0; i < 40; i++) {
        int n = i;
        replies.add(
            callers.submit(
                () ->
                    switch (n % 4) {
                      case 0 -> host.queue("q", "m" + n);
                      case 1 -> host.timer("t");
                      case 2 -> host.http("h", "GET", "/api/h/" + n);
                      default -> host.proxiedHttp("GET", "/api/p/" + n, Map.of(), new byte[0]);
                    }));
      }
      Set<String> ids = new HashSet<>();
      for (Future<AzureReply> reply : replies) {
        ids.add(reply.get(30, TimeUnit.SECONDS).invocation().invocationId());
      }
      assertThat(ids).hasSize(40);
      assertThat(handler.requests())
          .extracting(request -> request.header("X-Azure-Functions-InvocationId"))
          .containsExactlyInAnyOrderElementsOf(ids);
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void a_handler_that_is_not_there_is_an_unchecked_io_exception_naming_the_request()
      throws IOException {
    int port = freePort();
    AzureFunctionsHostFake nowhere =
        AzureFunctionsHostFake.forHandler(URI.create("http://127.0.0.1:" + port))
            .withRequestTimeout(Duration.ofSeconds(5));

    assertThatThrownBy(() -> nowhere.queue("orders", "x"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("http://127.0.0.1:" + port)
        .hasMessageContaining("POST /orders (QUEUE, invocation ");
  }

  @Test
  void the_storage_key_appears_in_no_description() {
    AzureReply reply = host.queue("orders", "x");

    String descriptions =
        String.join("\n", host.toString(), reply.toString(), reply.invocation().toString());
    assertThat(descriptions)
        .doesNotContain(AzureFunctionsHostFake.FAKE_STORAGE_ACCOUNT_KEY)
        .contains("POST /orders (QUEUE, invocation " + reply.invocation().invocationId() + ")");
  }

  // ---- helpers shared by the Azure tests ----

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> sys(AzureReply reply) {
    return (Map<String, Object>) reply.invocation().metadata().get("sys");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> dataOf(Recorded request) {
    return (Map<String, Object>) request.json().get("Data");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> metadataOf(Recorded request) {
    return (Map<String, Object>) request.json().get("Metadata");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  /** An answer in JSON, {@code {"Outputs":...,"Logs":...,"ReturnValue":...}} or anything else. */
  /** A custom handler double that answers an empty invocation result until told otherwise. */
  static RecordingServer startHandler() {
    return RecordingServer.start(json(200, "{\"Outputs\":{},\"Logs\":[],\"ReturnValue\":null}"));
  }

  static Answer json(int status, String body) {
    return new Answer(status, Map.of("Content-Type", "application/json; charset=utf-8"), body);
  }
}
