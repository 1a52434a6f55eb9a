package dev.fn4j.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.amazonaws.services.lambda.runtime.Context;
import dev.fn4j.aws.event.EventKind;
import dev.fn4j.aws.event.LambdaEvent;
import dev.fn4j.aws.support.CapturedLogs;
import dev.fn4j.aws.support.Events;
import dev.fn4j.aws.support.HttpResponse;
import dev.fn4j.aws.support.HttpTrigger;
import dev.fn4j.aws.support.Lambda;
import dev.fn4j.aws.support.TestLambdaContext;
import dev.fn4j.aws.testfunctions.Probe;
import dev.fn4j.function.InvocationContext;
import dev.fn4j.function.Message;
import dev.fn4j.function.TypeRef;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What Lambda tells about an invocation reaches the function through {@code Message.context()}:
 * request id, function name, ARN and version, deadline, X-Ray trace id, the raw event and the raw
 * Lambda {@link Context}.
 */
@ExtendWith(CapturedLogs.class)
class ContextMappingTest {

  private final Probe probe = new Probe();
  private final LambdaAdapter adapter =
      Lambda.adapter(registry -> registry.add("probe", probe), Map.of("FN4J_FUNCTION", "probe"));
  private final TestLambdaContext lambdaContext = TestLambdaContext.standard();
  private final Instant deadline = Instant.now().plus(Duration.ofSeconds(30));

  private InvocationContext contextOf(byte[] event) {
    adapter.handle(event, Lambda.invocation(deadline, lambdaContext));
    return probe.only().context();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "apigw-v2/post-json.json",
        "apigw-v1/post-text.json",
        "function-url/post-text.json",
        "alb/multi-value.json",
        "sqs/three-messages.json",
        "kinesis/three-records.json",
        "sns/notification.json",
        "eventbridge/custom-event.json",
        "direct/text.txt"
      })
  void everyTriggerCarriesTheLambdaIdentityOfTheInvocation(String file) {
    // given
    byte[] event = Events.bytes(file);

    // when
    adapter.handle(event, Lambda.invocation(deadline, lambdaContext));

    // then
    for (Message<String> message : probe.received()) {
      InvocationContext context = message.context();
      assertThat(context.requestId()).isEqualTo(Lambda.REQUEST_ID);
      assertThat(context.platform()).isEqualTo("aws-lambda");
      assertThat(context.functionName()).isEqualTo("probe");
      assertThat(context.attributes())
          .containsEntry("aws.function.arn", Lambda.FUNCTION_ARN)
          .containsEntry("aws.function.name", Lambda.FUNCTION_NAME)
          .containsEntry("aws.function.version", Lambda.FUNCTION_VERSION);
      assertThat(context.deadline()).contains(deadline);
      assertThat(context.remainingTime()).get().matches(left -> !left.isNegative());
      assertThat(context.remainingTime())
          .get()
          .matches(left -> left.compareTo(Duration.ofSeconds(30)) <= 0);
      assertThat(context.unwrap(Context.class)).containsSame(lambdaContext);
      assertThat(context.unwrap(LambdaEvent.class))
          .get()
          .extracting(LambdaEvent::bytes)
          .isEqualTo(event);
    }
    assertThat(probe.received()).isNotEmpty();
  }

  @Test
  void anHttpRequestTakesItsTraceIdFromTheXAmznTraceIdHeader() {
    // when
    InvocationContext context = contextOf(Events.bytes("apigw-v2/post-json.json"));

    // then
    assertThat(context.trace().platformTraceId())
        .contains("Root=1-684a9ab2-3f1c5d7e9a0b2c4d6e8f0a1b");
  }

  @Test
  void anHttpRequestWithoutTraceHeaderKeepsTheInvocationTraceId() {
    // given
    byte[] event =
        Events.edited(
            "apigw-v2/post-text.json",
            tree -> Events.at(tree, "headers").remove("x-amzn-trace-id"));

    // when
    InvocationContext context = contextOf(event);

    // then
    assertThat(context.trace().platformTraceId()).contains(Lambda.TRACE_ID);
  }

  @Test
  void anEventTriggerTakesTheTraceIdLambdaPublished() {
    // when
    InvocationContext context = contextOf(Events.bytes("sns/notification.json"));

    // then
    assertThat(context.trace().platformTraceId()).contains(Lambda.TRACE_ID);
  }

  @Test
  void theRawEventIsReachableAsLambdaEventAndAsItsParsedMap() {
    // when
    InvocationContext context = contextOf(Events.bytes("apigw-v2/post-json.json"));

    // then
    assertThat(context.unwrap(LambdaEvent.class))
        .get()
        .extracting(LambdaEvent::kind)
        .isEqualTo(EventKind.API_GATEWAY_HTTP);
    assertThat(context.unwrap(Map.class))
        .get()
        .satisfies(json -> assertThat(json).containsEntry("routeKey", "POST /greet"));
  }

  @Test
  void anEventBridgeFunctionGetsTheDetailButReachesTheWholeEvent() {
    // when
    InvocationContext context = contextOf(Events.bytes("eventbridge/custom-event.json"));

    // then
    assertThat(context.unwrap(Map.class))
        .get()
        .satisfies(json -> assertThat(json).containsEntry("detail-type", "OrderPlaced"));
  }

  @Test
  void aBatchItemReachesTheWholeBatchEvent() {
    // when
    adapter.handle(
        Events.bytes("sqs/three-messages.json"), Lambda.invocation(deadline, lambdaContext));

    // then
    assertThat(probe.received()).hasSize(3);
    assertThat(probe.received().get(2).context().unwrap(LambdaEvent.class))
        .get()
        .extracting(LambdaEvent::kind)
        .isEqualTo(EventKind.SQS);
    assertThat(probe.received().get(2).context().unwrap(Map.class))
        .get()
        .satisfies(json -> assertThat(json).containsKey("Records"));
  }

  @Test
  void aDirectTextInvocationHasNoParsedMapButItsRawBytes() {
    // when
    InvocationContext context = contextOf(Events.bytes("direct/text.txt"));

    // then
    assertThat(context.unwrap(Map.class)).isEmpty();
    assertThat(context.unwrap(LambdaEvent.class))
        .get()
        .extracting(LambdaEvent::kind)
        .isEqualTo(EventKind.DIRECT);
  }

  @Test
  void withoutALambdaContextTheRawContextIsAbsentButTheIdentityIsNot() {
    // when
    adapter.handle(Events.bytes("direct/text.txt"), Lambda.invocation(deadline, null));

    // then
    InvocationContext context = probe.only().context();
    assertThat(context.unwrap(Context.class)).isEmpty();
    assertThat(context.requestId()).isEqualTo(Lambda.REQUEST_ID);
    assertThat(context.attributes()).containsEntry("aws.function.arn", Lambda.FUNCTION_ARN);
  }

  @Test
  void anInvocationIsReadFromTheManagedRuntimesContext() {
    // given
    TestLambdaContext context =
        new TestLambdaContext("c0ffee00-1111-2222-3333-444455556666", 9_000);
    Instant before = Instant.now();

    // when
    LambdaInvocation invocation = LambdaInvocation.of(context);

    // then
    Instant after = Instant.now();
    assertThat(invocation.requestId()).isEqualTo("c0ffee00-1111-2222-3333-444455556666");
    assertThat(invocation.functionName()).isEqualTo(Lambda.FUNCTION_NAME);
    assertThat(invocation.functionArn()).isEqualTo(Lambda.FUNCTION_ARN);
    assertThat(invocation.functionVersion()).isEqualTo(Lambda.FUNCTION_VERSION);
    assertThat(invocation.deadline()).isBetween(before.plusMillis(9_000), after.plusMillis(9_000));
    assertThat(invocation.context()).isSameAs(context);
  }

  @Test
  void anAsynchronousResultIsAwaitedOnlyUntilTheDeadline() {
    // given: a function whose result never completes, invoked with no time left
    LambdaAdapter waiting =
        Lambda.adapter(
            registry ->
                registry.function(
                    "wait",
                    TypeRef.of(String.class),
                    new TypeRef<CompletionStage<String>>() {},
                    text -> new CompletableFuture<>()));
    LambdaInvocation expired = Lambda.invocation(Instant.now().minusSeconds(1), null);

    // when
    LambdaFailure failure =
        catchThrowableOfType(
            LambdaFailure.class, () -> waiting.handle(Events.bytes("direct/text.txt"), expired));

    // then
    assertThat(failure.errorType()).isEqualTo("dev.fn4j.aws.LambdaFailure$Invoke");
    assertThat(failure).hasMessageContaining("'wait'").hasMessageContaining("Timeout");
  }

  @Test
  void anHttpResponseStillAnswersWhenTheTraceHeaderIsMissingEverywhere() {
    // given
    byte[] event =
        Events.edited(
            HttpTrigger.REST_API.file(),
            tree -> {
              Events.at(tree, "headers").remove("X-Amzn-Trace-Id");
              Events.at(tree, "multiValueHeaders").remove("X-Amzn-Trace-Id");
            });
    LambdaInvocation untraced =
        new LambdaInvocation(Lambda.REQUEST_ID, null, null, null, deadline, null, null);

    // when
    HttpResponse response = HttpResponse.parse(adapter.handle(event, untraced));

    // then
    assertThat(response.status()).isEqualTo(200);
    InvocationContext context = probe.only().context();
    assertThat(context.trace().platformTraceId()).isEmpty();
    assertThat(context.attributes()).doesNotContainKeys("aws.function.arn", "aws.function.name");
  }
}
