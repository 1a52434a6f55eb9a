package dev.fn4j.aws.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.fn4j.aws.LambdaAdapter;
import dev.fn4j.aws.support.BatchFailures;
import dev.fn4j.aws.support.CapturedLogs;
import dev.fn4j.aws.support.Events;
import dev.fn4j.aws.support.HttpResponse;
import dev.fn4j.aws.support.Lambda;
import dev.fn4j.aws.testfunctions.AnswerHttpEvent;
import dev.fn4j.aws.testfunctions.HandleHttpEvent;
import dev.fn4j.aws.testfunctions.HandleSqsEvent;
import dev.fn4j.function.TypeRef;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A function that declares one of AWS's own event classes ({@code aws-lambda-java-events}) gets the
 * whole event bound to it in one call; an {@code SQSBatchResponse} it returns is the response.
 */
@ExtendWith(CapturedLogs.class)
class VendorEventsTest {

  /** Registers one function over an AWS event class that keeps what it receives. */
  private static <E> LambdaAdapter keeping(Class<E> type, List<E> received) {
    return Lambda.adapter(
        registry ->
            registry.function(
                "handle",
                TypeRef.of(type),
                TypeRef.of(String.class),
                event -> {
                  received.add(event);
                  return "ok";
                }));
  }

  @Test
  void anSqsEventFunctionGetsTheWholeBatchOnceAndItsBatchResponseIsTheResponse() {
    // given
    HandleSqsEvent handle = new HandleSqsEvent("Grace");
    LambdaAdapter adapter = Lambda.adapter(registry -> registry.add("handle", handle));

    // when
    byte[] response = Lambda.handle(adapter, Events.bytes("sqs/three-messages.json"));

    // then
    assertThat(handle.received()).hasSize(1);
    SQSEvent event = handle.received().get(0);
    assertThat(event.getRecords())
        .extracting(SQSEvent.SQSMessage::getMessageId)
        .containsExactly(
            "5b108b4d-03a2-4e20-8f91-5bb2cbff0c2d",
            "eff909e2-894b-4ad4-a851-4463317b1c47",
            "46e75e2f-34aa-4eba-9b3d-aed9d9dd3561");
    SQSEvent.SQSMessage first = event.getRecords().get(0);
    assertThat(first.getBody()).isEqualTo("{\"name\":\"Ada\"}");
    assertThat(first.getEventSourceArn())
        .isEqualTo("arn:aws:sqs:eu-west-1:123456789012:fn4j-greet-queue");
    assertThat(first.getMessageAttributes().get("origin").getStringValue()).isEqualTo("fn4j-tests");
    assertThat(first.getAttributes()).containsEntry("ApproximateReceiveCount", "1");
    assertThat(BatchFailures.of(response)).containsExactly("eff909e2-894b-4ad4-a851-4463317b1c47");
  }

  @Test
  void anSqsEventFunctionGetsMessagesThatWouldNotDecodeForOthers() {
    // given
    HandleSqsEvent handle = new HandleSqsEvent("never");
    LambdaAdapter adapter = Lambda.adapter(registry -> registry.add("handle", handle));

    // when
    byte[] response = Lambda.handle(adapter, Events.bytes("sqs/one-bad-json.json"));

    // then
    assertThat(handle.received().get(0).getRecords().get(1).getBody()).isEqualTo("{\"name\":");
    assertThat(BatchFailures.of(response)).isEmpty();
  }

  @Test
  void anHttpApiEventFunctionGetsTheWholeRequestAndItsValueIsTheBody() {
    // given
    HandleHttpEvent handle = new HandleHttpEvent();
    LambdaAdapter adapter = Lambda.adapter(registry -> registry.add("greet", handle));

    // when
    HttpResponse response =
        HttpResponse.parse(Lambda.handle(adapter, Events.bytes("apigw-v2/post-json.json")));

    // then
    assertThat(handle.received()).hasSize(1);
    APIGatewayV2HTTPEvent event = handle.received().get(0);
    assertThat(event.getRawPath()).isEqualTo("/greet");
    assertThat(event.getRawQueryString()).isEqualTo("tag=intro&tag=formal&debug=false");
    assertThat(event.getCookies()).containsExactly("session=fn4j-7c1e0a52", "theme=dark");
    assertThat(event.getHeaders()).containsEntry("x-fn4j-tag", "blue,green");
    assertThat(event.getBody()).isEqualTo("{\"name\":\"Ada\",\"language\":\"de\"}");
    assertThat(event.getRequestContext().getRouteKey()).isEqualTo("POST /greet");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("POST /greet");
  }

  @Test
  void aDynamoDbEventFunctionGetsEveryRecord() {
    // given
    List<DynamodbEvent> received = new CopyOnWriteArrayList<>();

    // when
    Lambda.handle(
        keeping(DynamodbEvent.class, received), Events.bytes("dynamodb/three-records.json"));

    // then
    assertThat(received).hasSize(1);
    assertThat(received.get(0).getRecords())
        .extracting(DynamodbEvent.DynamodbStreamRecord::getEventName)
        .containsExactly("INSERT", "MODIFY", "REMOVE");
  }

  @Test
  void anHttpApiResponseReturnedByAnEventFunctionIsTheResponse() {
    // given
    LambdaAdapter adapter =
        Lambda.adapter(registry -> registry.add("greet", new AnswerHttpEvent()));

    // when
    HttpResponse response =
        HttpResponse.parse(Lambda.handle(adapter, Events.bytes("apigw-v2/post-json.json")));

    // then
    assertThat(response.status()).isEqualTo(418);
    assertThat(response.body()).isEqualTo("short and stout");
    assertThat(response.header("Content-Type")).containsExactly("text/plain");
  }

  @Test
  void aRestApiEventForAnHttpApiEventFunctionIsADecodeError() {
    // given
    HandleHttpEvent handle = new HandleHttpEvent();
    LambdaAdapter adapter = Lambda.adapter(registry -> registry.add("greet", handle));

    // when
    HttpResponse response =
        HttpResponse.parse(Lambda.handle(adapter, Events.bytes("apigw-v1/post-json.json")));

    // then
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.problem()).containsEntry("phase", "DECODE");
    assertThat(handle.received()).isEmpty();
  }

  @Test
  void anEventBridgeEventForAnSqsEventFunctionIsADecodeFailure() {
    // given
    HandleSqsEvent handle = new HandleSqsEvent("never");
    LambdaAdapter adapter = Lambda.adapter(registry -> registry.add("handle", handle));

    // when
    Throwable thrown =
        catchThrowable(() -> Lambda.handle(adapter, Events.bytes("eventbridge/custom-event.json")));

    // then
    assertThat(thrown)
        .isInstanceOf(dev.fn4j.aws.LambdaFailure.class)
        .extracting(failure -> ((dev.fn4j.aws.LambdaFailure) failure).errorType())
        .isEqualTo("dev.fn4j.aws.LambdaFailure$Decode");
    assertThat(handle.received()).isEmpty();
  }

  @Test
  void anSnsEventFunctionGetsTheNotification() {
    // given
    List<SNSEvent> received = new CopyOnWriteArrayList<>();

    // when
    Lambda.handle(keeping(SNSEvent.class, received), Events.bytes("sns/notification.json"));

    // then
    assertThat(received.get(0).getRecords().get(0).getSNS().getMessage()).isEqualTo("hello");
  }

  @Test
  void aScheduledEventFunctionGetsTheEvent() {
    // given
    List<ScheduledEvent> received = new CopyOnWriteArrayList<>();

    // when
    Lambda.handle(
        keeping(ScheduledEvent.class, received), Events.bytes("eventbridge/scheduled.json"));

    // then
    assertThat(received.get(0).getDetailType()).isEqualTo("Scheduled Event");
  }

  @Test
  void aKinesisEventFunctionGetsEveryRecord() {
    // given
    List<KinesisEvent> received = new CopyOnWriteArrayList<>();

    // when
    Lambda.handle(
        keeping(KinesisEvent.class, received), Events.bytes("kinesis/three-records.json"));

    // then
    assertThat(received.get(0).getRecords()).hasSize(3);
  }

  @Test
  void anS3EventFunctionIsToldClearlyThatS3EventCannotBeBound() {
    // given
    List<S3Event> received = new CopyOnWriteArrayList<>();

    // when
    Throwable failure =
        catchThrowable(
            () ->
                Lambda.handle(
                    keeping(S3Event.class, received), Events.bytes("s3/object-created.json")));

    // then
    assertThat(received).isEmpty();
    assertThat(failure)
        .isInstanceOf(dev.fn4j.aws.LambdaFailure.class)
        .hasMessageContaining("S3Event cannot be bound")
        .extracting(f -> ((dev.fn4j.aws.LambdaFailure) f).errorType())
        .isEqualTo("dev.fn4j.aws.LambdaFailure$Decode");
  }

  @Test
  void aDynamoDbEventFunctionGetsTheCreationTimeOfEachChange() {
    // given
    List<DynamodbEvent> received = new CopyOnWriteArrayList<>();

    // when
    Lambda.handle(
        keeping(DynamodbEvent.class, received), Events.bytes("dynamodb/three-records.json"));

    // then
    assertThat(
            received
                .get(0)
                .getRecords()
                .get(0)
                .getDynamodb()
                .getApproximateCreationDateTime()
                .toInstant())
        .isEqualTo(Instant.ofEpochSecond(1749719730));
  }
}
