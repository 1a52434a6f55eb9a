package dev.fn4j.alibaba;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.alibaba.event.CdnEvent;
import dev.fn4j.alibaba.event.EventBridgeCloudEvent;
import dev.fn4j.alibaba.event.HttpTriggerEvent;
import dev.fn4j.alibaba.event.KafkaMessage;
import dev.fn4j.alibaba.event.MnsQueueMessage;
import dev.fn4j.alibaba.event.MnsTopicMessage;
import dev.fn4j.alibaba.event.OssEvent;
import dev.fn4j.alibaba.event.RocketMqMessage;
import dev.fn4j.alibaba.event.SlsEvent;
import dev.fn4j.alibaba.event.TimerEvent;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.FunctionCatalog;
import dev.fn4j.core.convert.JsonTree;
import dev.fn4j.core.platform.Environment;
import dev.fn4j.function.FunctionRegistrar;
import dev.fn4j.function.Headers;
import dev.fn4j.function.InvocationContext;
import dev.fn4j.function.Message;
import dev.fn4j.function.TypeRef;
import dev.fn4j.testkit.EventFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each event type end to end: a function declaring it, in a catalog beside a decoy, gets the event
 * FC sends through {@link FcEventInvoker}, routed by the event's routing key.
 */
class FcEventTypesEndToEndTest {

  private static final String DECOY = "decoy";

  private final Queue<Object> received = new ConcurrentLinkedQueue<>();

  private FcOutcome invoke(
      String file, Map<String, String> environment, FunctionRegistrar registrar) {
    FunctionRegistrar withDecoy =
        registry -> {
          registrar.register(registry);
          registry.function(
              DECOY,
              String.class,
              String.class,
              text -> {
                throw new AssertionError("the decoy was called");
              });
        };
    FunctionRuntime runtime =
        FunctionRuntime.of(Environment.of(environment), FunctionCatalog.of(withDecoy));
    return new FcEventInvoker(runtime)
        .invoke(
            EventFiles.bytes("events/alibaba/" + file),
            Headers.empty(),
            () -> InvocationContext.builder().requestId("req-1").platform(FcPlatform.ID));
  }

  private static String body(FcOutcome outcome) {
    assertThat(outcome.failure()).isNull();
    return new String(outcome.body(), StandardCharsets.UTF_8);
  }

  @Test
  void anOssEventReachesTheFunctionMappedToItsEventName() {
    // when
    FcOutcome outcome =
        invoke(
            "oss/object-created.json",
            Map.of("FN4J_ROUTING_TYPES", "oss:ObjectCreated:PutObject=thumbnail"),
            registry ->
                registry.function(
                    "thumbnail",
                    OssEvent.class,
                    String.class,
                    event -> {
                      received.add(event);
                      OssEvent.Oss oss = event.events().get(0).oss();
                      return oss.bucket().name() + "/" + oss.object().key();
                    }));

    // then
    assertThat(body(outcome)).isEqualTo("fn4j-uploads/incoming/report-2025-03.pdf");
    assertThat(received).singleElement().isInstanceOf(OssEvent.class);
  }

  @Test
  void aCdnEventReachesTheFunctionNamedAfterItsSource() {
    // when
    FcOutcome outcome =
        invoke(
            "cdn/log-file-created.json",
            Map.of(),
            registry ->
                registry.function(
                    "cdn",
                    CdnEvent.class,
                    String.class,
                    event -> (String) event.events().get(0).eventParameter().get("filePath")));

    // then
    assertThat(body(outcome)).endsWith("static.example.org_2025_02_20_1500_1600.gz");
  }

  @Test
  void aTimerEventReachesTheFunctionMappedToItsTriggerName() {
    // when
    FcOutcome outcome =
        invoke(
            "timer/nightly-report.json",
            Map.of("FN4J_ROUTING_TYPES", "timer:nightly-report=report"),
            registry ->
                registry.function(
                    "report",
                    TimerEvent.class,
                    String.class,
                    event -> event.triggerName() + " at " + event.triggerTime()));

    // then
    assertThat(body(outcome)).isEqualTo("nightly-report at 2025-01-31T18:00:00Z");
  }

  @Test
  void anMnsTopicMessageReachesTheFunctionMappedToItsTopic() {
    // when
    FcOutcome outcome =
        invoke(
            "mns-topic/with-attributes.json",
            Map.of("FN4J_ROUTING_TYPES", "mns:topic:orders=onOrder"),
            registry ->
                registry.function(
                    "onOrder",
                    MnsTopicMessage.class,
                    String.class,
                    message ->
                        message.messageId() + " via " + message.attributes().get("channel")));

    // then
    assertThat(body(outcome)).isEqualTo("5A1B2C3D4E5F60718293A4B5C6D7E8F9 via web");
  }

  @Test
  void anSlsEventReachesTheFunctionNamedAfterItsSource() {
    // when
    FcOutcome outcome =
        invoke(
            "sls/shard-ready.json",
            Map.of(),
            registry ->
                registry.function(
                    "sls",
                    SlsEvent.class,
                    String.class,
                    event -> event.source().logstoreName() + "#" + event.source().shardId()));

    // then
    assertThat(body(outcome)).isEqualTo("nginx-access#3");
  }

  @Test
  void aFunctionDeclaringTheHttpTriggerEventGetsTheWholeEventRoutedByItsPath() {
    // when
    FcOutcome outcome =
        invoke(
            "http-trigger/get-with-query.json",
            Map.of(),
            registry ->
                registry.function(
                    "inspect",
                    HttpTriggerEvent.class,
                    String.class,
                    event ->
                        event.requestContext().http().method()
                            + " "
                            + event.rawPath()
                            + "?status="
                            + event.queryParameters().get("status")));

    // then: the result is still answered as FC's HTTP response document
    assertThat(JsonTree.parse(body(outcome)))
        .isEqualTo(
            Map.of(
                "statusCode",
                200L,
                "headers",
                Map.of("Content-Type", "text/plain; charset=UTF-8"),
                "isBase64Encoded",
                false,
                "body",
                "GET /inspect/orders?status=open"));
  }

  @Test
  void aFunctionDeclaringTheEnvelopeGetsTheWholeCloudEvent() {
    // when
    FcOutcome outcome =
        invoke(
            "eventbridge/mns-queue-send-message.json",
            Map.of("FN4J_ROUTING_TYPES", "mns:Queue:SendMessage=audit"),
            registry ->
                registry.function(
                    "audit",
                    EventBridgeCloudEvent.class,
                    String.class,
                    event ->
                        event.aliyunregionid()
                            + " "
                            + event.subject()
                            + " "
                            + event.dataAs(MnsQueueMessage.class).messageBody()));

    // then
    assertThat(body(outcome))
        .isEqualTo(
            "cn-qingdao acs:mns:cn-qingdao:1029384756102938:queues/orders"
                + " {\"orderId\":\"A-2002\"}");
  }

  @Test
  void anMnsQueueFunctionGetsTheDataWithTheAttributesInItsContext() {
    // when
    FcOutcome outcome =
        invoke(
            "eventbridge/mns-queue-send-message.json",
            Map.of("FN4J_ROUTING_TYPES", "mns:Queue:SendMessage=onQueue"),
            registry ->
                registry.function(
                    "onQueue",
                    new TypeRef<Message<MnsQueueMessage>>() {},
                    TypeRef.of(String.class),
                    message ->
                        message.payload().messageBody()
                            + " "
                            + message.context().attributes().get("ce.aliyuneventbusname")));

    // then
    assertThat(body(outcome)).isEqualTo("{\"orderId\":\"A-2002\"} MNS-orders-fn4j-trigger");
  }

  @Test
  void aRocketMqFunctionGetsTheData() {
    // when
    FcOutcome outcome =
        invoke(
            "eventbridge/rocketmq-send-message.json",
            Map.of("FN4J_ROUTING_TYPES", "mq:Topic:SendMessage=ship"),
            registry ->
                registry.function(
                    "ship",
                    RocketMqMessage.class,
                    String.class,
                    message -> message.topic() + " " + message.systemProperties().get("KEYS")));

    // then
    assertThat(body(outcome)).isEqualTo("shipments shipment-77");
  }

  @Test
  void aKafkaFunctionIsCalledForEachMessageOfTheBatch() {
    // when
    FcOutcome outcome =
        invoke(
            "eventbridge/kafka-batch-of-strings.json",
            Map.of("FN4J_ROUTING_TYPES", "alikafka:Topic:Message=click"),
            registry ->
                registry.function(
                    "click",
                    KafkaMessage.class,
                    String.class,
                    message -> {
                      received.add(message.offset());
                      return "ok";
                    }));

    // then
    assertThat(outcome.succeeded()).isTrue();
    assertThat(received).containsExactly(41L, 42L);
  }

  @Test
  void aListOfKafkaMessagesGetsTheWholeBatch() {
    // when
    FcOutcome outcome =
        invoke(
            "eventbridge/kafka-batch-of-strings.json",
            Map.of("FN4J_ROUTING_TYPES", "alikafka:Topic:Message=clicks"),
            registry ->
                registry.function(
                    "clicks",
                    new TypeRef<List<KafkaMessage>>() {},
                    TypeRef.of(String.class),
                    messages ->
                        messages.stream()
                            .map(message -> message.value())
                            .collect(Collectors.joining(","))));

    // then
    assertThat(body(outcome)).isEqualTo("{\"page\":\"/home\"},{\"page\":\"/cart\"}");
  }

  @Test
  void aListOfEnvelopesGetsTheWholeBatchOfCloudEvents() {
    // when
    FcOutcome outcome =
        invoke(
            "eventbridge/kafka-batch-of-strings.json",
            Map.of("FN4J_ROUTING_TYPES", "alikafka:Topic:Message=clickEvents"),
            registry ->
                registry.function(
                    "clickEvents",
                    new TypeRef<List<EventBridgeCloudEvent>>() {},
                    TypeRef.of(String.class),
                    events ->
                        events.stream()
                            .map(
                                event ->
                                    event.id() + "@" + event.dataAs(KafkaMessage.class).offset())
                            .collect(Collectors.joining(","))));

    // then
    assertThat(body(outcome))
        .isEqualTo(
            "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a801@41,5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a802@42");
  }
}
