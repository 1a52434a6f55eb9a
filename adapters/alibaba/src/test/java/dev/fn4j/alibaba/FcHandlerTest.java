package dev.fn4j.alibaba;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.Credentials;
import com.aliyun.fc.runtime.FunctionComputeLogger;
import com.aliyun.fc.runtime.FunctionParam;
import com.aliyun.fc.runtime.OpenTracing;
import com.aliyun.fc.runtime.Service;
import dev.fn4j.alibaba.event.MnsQueueMessage;
import dev.fn4j.alibaba.event.OssEvent;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.FunctionCatalog;
import dev.fn4j.core.convert.JsonTree;
import dev.fn4j.core.platform.Environment;
import dev.fn4j.function.FunctionRegistrar;
import dev.fn4j.function.Message;
import dev.fn4j.function.TypeRef;
import dev.fn4j.testkit.EventFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link FcHandler} as FC's built-in Java runtime drives it: events in, answers out, and FC's
 * {@link Context} in the function's context. Failures and lifecycle hooks: {@link
 * FcHandlerFailuresTest}.
 */
class FcHandlerTest {

  /** In the fake role's secret and in failing code's messages: must never be seen. */
  static final String SECRET = "secret-marker-5c1d";

  /** The fake role's access key id. */
  static final String KEY_ID = "STS.fake-key-id";

  /** The request id of {@link #fcContext()}. */
  static final String REQUEST_ID = "1-67a59f35-150c1267-f381ba1c085c";

  private static final Map<String, String> FC_ENVIRONMENT =
      Map.of("FC_REGION", "cn-hangzhou", "FC_ACCOUNT_ID", "1234567890123456");

  /** What a function declaring an OSS event answers. */
  record Upload(String bucket, String key, long size) {}

  static FcHandler handler(FunctionRegistrar registrar) {
    return handler(FC_ENVIRONMENT, registrar);
  }

  static FcHandler handler(Map<String, String> environment, FunctionRegistrar registrar) {
    return new FcHandler(
        FunctionRuntime.of(Environment.of(environment), FunctionCatalog.of(registrar)));
  }

  /** Handles one of the project's event files with {@link #fcContext()}. */
  static byte[] call(FcHandler handler, String file) throws IOException {
    return call(handler, EventFiles.bytes("events/alibaba/" + file), fcContext());
  }

  static byte[] call(FcHandler handler, byte[] event, Context context) throws IOException {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(event), output, context);
    return output.toByteArray();
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Nested
  class Events {

    @Test
    void anOssEventReachesARecordFunctionAndItsAnswerIsJson() throws IOException {
      // given
      FcHandler handler =
          handler(
              registry ->
                  registry.function(
                      "thumbnail",
                      OssEvent.class,
                      Upload.class,
                      event -> {
                        OssEvent.Event upload = event.events().get(0);
                        return new Upload(
                            upload.oss().bucket().name(),
                            upload.oss().object().key(),
                            upload.oss().object().size());
                      }));

      // when
      byte[] answer = call(handler, "oss/object-created.json");

      // then
      assertThat(JsonTree.parse(answer))
          .isEqualTo(
              Map.of(
                  "bucket", "fn4j-uploads", "key", "incoming/report-2025-03.pdf", "size", 48213L));
    }

    @Test
    void aTimerEventReachesAStringFunctionAsItsText() throws IOException {
      // given: two functions, the event routed by its trigger's name
      List<String> received = new CopyOnWriteArrayList<>();
      FcHandler handler =
          handler(
              Map.of("FN4J_ROUTING_TYPES", "timer:nightly-report=tick"),
              registry ->
                  registry
                      .function(
                          "tick",
                          String.class,
                          String.class,
                          text -> {
                            received.add(text);
                            return "done";
                          })
                      .function("other", String.class, String.class, text -> "wrong"));

      // when
      byte[] answer = call(handler, "timer/nightly-report.json");

      // then
      assertThat(text(answer)).isEqualTo("done");
      assertThat(received)
          .containsExactly(text(EventFiles.bytes("events/alibaba/timer/nightly-report.json")));
    }

    @Test
    void anEventBridgeCloudEventReachesARecordFunctionOfItsData() throws IOException {
      // given
      FcHandler handler =
          handler(
              registry ->
                  registry.function(
                      "onQueue",
                      MnsQueueMessage.class,
                      String.class,
                      MnsQueueMessage::messageBody));

      // when
      byte[] answer = call(handler, "eventbridge/mns-queue-send-message.json");

      // then
      assertThat(text(answer)).isEqualTo("{\"orderId\":\"A-2002\"}");
    }

    @Test
    void anHttpTriggerEventIsAnsweredWithFcsResponseDocument() throws IOException {
      // given
      FcHandler handler =
          handler(
              registry ->
                  registry.function("inspect", String.class, String.class, body -> "path seen"));

      // when
      byte[] answer = call(handler, "http-trigger/get-with-query.json");

      // then
      @SuppressWarnings("unchecked")
      Map<String, Object> response = (Map<String, Object>) JsonTree.parse(answer);
      assertThat(response)
          .containsEntry("statusCode", 200L)
          .containsEntry("isBase64Encoded", false)
          .containsEntry("body", "path seen");
    }

    @Test
    void aConsumerAnswersWithAnEmptyOutput() throws IOException {
      // given
      AtomicInteger calls = new AtomicInteger();
      FcHandler handler =
          handler(
              registry ->
                  registry.consumer(
                      "sink", TypeRef.of(OssEvent.class), event -> calls.incrementAndGet()));

      // when
      byte[] answer = call(handler, "oss/object-created.json");

      // then
      assertThat(calls).hasValue(1);
      assertThat(answer).isEmpty();
    }
  }

  @Nested
  class TheContext {

    private final List<Message<String>> received = new CopyOnWriteArrayList<>();

    private FcHandler echo() {
      return handler(
          registry ->
              registry.function(
                  "echo",
                  new TypeRef<Message<String>>() {},
                  TypeRef.of(String.class),
                  message -> {
                    received.add(message);
                    return JsonTree.write(new TreeMap<>(message.context().attributes()));
                  }));
    }

    private Message<String> echoed(Context context) throws IOException {
      call(echo(), EventFiles.bytes("events/alibaba/timer/nightly-report.json"), context);
      return received.get(0);
    }

    @Test
    void fcsValuesReachTheFunctionAsContextAttributes() throws IOException {
      // given
      Instant before = Instant.now();

      // when
      byte[] answer =
          call(echo(), EventFiles.bytes("events/alibaba/timer/nightly-report.json"), fcContext());

      // then
      assertThat(JsonTree.parse(answer))
          .isEqualTo(
              new TreeMap<>(
                  Map.ofEntries(
                      Map.entry("fc.function.name", "orders-fn"),
                      Map.entry("fc.function.handler", "dev.fn4j.alibaba.FcHandler::handleRequest"),
                      Map.entry("fc.function.memory", "512"),
                      Map.entry("fc.function.timeout", "60"),
                      Map.entry("fc.service.name", "shop"),
                      Map.entry("fc.log.project", "shop-logs"),
                      Map.entry("fc.log.store", "fc-invocations"),
                      Map.entry("fc.qualifier", "prod"),
                      Map.entry("fc.version.id", "7"),
                      Map.entry("fc.retry.count", "1"),
                      Map.entry("fc.region", "cn-hangzhou"),
                      Map.entry("fc.account.id", "1234567890123456"),
                      Map.entry("fc.trigger", "timer"))));
      Message<String> message = received.get(0);
      assertThat(message.context().requestId()).isEqualTo(REQUEST_ID);
      assertThat(message.context().platform()).isEqualTo(FcPlatform.ID);
      assertThat(message.context().functionName()).isEqualTo("echo");
      assertThat(message.context().deadline())
          .get()
          .satisfies(
              deadline ->
                  assertThat(deadline)
                      .isBetween(before.plusSeconds(60), Instant.now().plusSeconds(60)));
      assertThat(message.context().remainingTime()).get().isNotEqualTo(Duration.ZERO);
    }

    @Test
    void theCredentialsAndFcsContextAreReachableThroughUnwrapOnly() throws IOException {
      // given
      Context context = fcContext();

      // when
      Message<String> message = echoed(context);

      // then
      assertThat(message.context().unwrap(Context.class)).containsSame(context);
      assertThat(message.context().unwrap(FcCredentials.class))
          .contains(new FcCredentials(KEY_ID, SECRET, "fake-token-" + SECRET));
      assertThat(message.context().attributes().values())
          .noneMatch(value -> value.contains(SECRET) || value.contains(KEY_ID));
      assertThat(message.headers().asMap().toString()).doesNotContain(SECRET);
    }

    @Test
    void withoutARoleTheCredentialsAreEmptyAndMissingValuesAreLeftOut() throws IOException {
      // given: FC's context with nothing but the retry count
      Context context = new FakeContext(null, null, null, null, 0);

      // when
      Message<String> message = echoed(context);

      // then
      assertThat(message.context().unwrap(FcCredentials.class))
          .get()
          .satisfies(credentials -> assertThat(credentials.isEmpty()).isTrue());
      assertThat(message.context().attributes())
          .containsOnlyKeys("fc.retry.count", "fc.region", "fc.account.id", "fc.trigger");
      assertThat(message.context().deadline()).isEmpty();
      assertThat(message.context().requestId()).isNotBlank();
    }

    @Test
    void withoutAnFcContextTheInvocationStillRuns() throws IOException {
      // when
      Message<String> message = echoed(null);

      // then
      assertThat(message.context().requestId()).isNotBlank();
      assertThat(message.context().attributes())
          .containsOnlyKeys("fc.region", "fc.account.id", "fc.trigger");
      assertThat(message.context().unwrap(FcCredentials.class))
          .get()
          .satisfies(credentials -> assertThat(credentials.isEmpty()).isTrue());
    }
  }

  /** FC's context as the built-in runtime fills it, with a role whose secret is {@link #SECRET}. */
  static Context fcContext() {
    return new FakeContext(
        REQUEST_ID,
        new FakeCredentials(KEY_ID, SECRET, "fake-token-" + SECRET),
        new FakeFunction(
            "orders-fn",
            "dev.fn4j.alibaba.FcHandler::handleRequest",
            "dev.fn4j.alibaba.FcHandler::initialize",
            60_000,
            512),
        new FakeService("shop", "shop-logs", "fc-invocations", "prod", "7"),
        1);
  }

  /** FC's context; fn4j never logs through FC's logger nor reads its tracing, so both are null. */
  record FakeContext(
      String requestId,
      Credentials credentials,
      FunctionParam function,
      Service service,
      int retryCount)
      implements Context {

    @Override
    public String getRequestId() {
      return requestId;
    }

    @Override
    public Credentials getExecutionCredentials() {
      return credentials;
    }

    @Override
    public FunctionParam getFunctionParam() {
      return function;
    }

    @Override
    public Service getService() {
      return service;
    }

    @Override
    public FunctionComputeLogger getLogger() {
      return null;
    }

    @Override
    public OpenTracing getTracing() {
      return null;
    }

    @Override
    public int getRetryCount() {
      return retryCount;
    }
  }

  /** The role's credentials. */
  record FakeCredentials(String id, String secret, String token) implements Credentials {

    @Override
    public String getAccessKeyId() {
      return id;
    }

    @Override
    public String getAccessKeySecret() {
      return secret;
    }

    @Override
    public String getSecurityToken() {
      return token;
    }
  }

  /** The function's settings. */
  record FakeFunction(String name, String handler, String initializer, int millis, int megabytes)
      implements FunctionParam {

    @Override
    public String getFunctionName() {
      return name;
    }

    @Override
    public String getFunctionHandler() {
      return handler;
    }

    @Override
    public String getFunctionInitializer() {
      return initializer;
    }

    @Override
    public int getExecTimeLimitInMillis() {
      return millis;
    }

    @Override
    public int getMemoryLimitInMB() {
      return megabytes;
    }
  }

  /** The service's settings (FC 2.0; FC 3.0 leaves them empty). */
  record FakeService(String name, String project, String store, String qualifier, String version)
      implements Service {

    @Override
    public String getName() {
      return name;
    }

    @Override
    public String getLogProject() {
      return project;
    }

    @Override
    public String getLogStore() {
      return store;
    }

    @Override
    public String getQualifier() {
      return qualifier;
    }

    @Override
    public String getVersionId() {
      return version;
    }
  }
}
