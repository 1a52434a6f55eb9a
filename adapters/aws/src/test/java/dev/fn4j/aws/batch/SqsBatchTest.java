package dev.fn4j.aws.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fn4j.aws.LambdaAdapter;
import dev.fn4j.aws.LambdaFailure;
import dev.fn4j.aws.support.BatchFailures;
import dev.fn4j.aws.support.CapturedLogs;
import dev.fn4j.aws.support.Events;
import dev.fn4j.aws.support.Lambda;
import dev.fn4j.aws.testfunctions.Greet;
import dev.fn4j.aws.testfunctions.GreetAll;
import dev.fn4j.aws.testfunctions.Greeting;
import dev.fn4j.aws.testfunctions.Probe;
import dev.fn4j.aws.testfunctions.Uppercase;
import dev.fn4j.function.BatchResult;
import dev.fn4j.function.Message;
import dev.fn4j.function.TypeRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SQS: one invocation per message (or one for the whole batch when the function takes a {@code
 * List}), failed messages reported in {@code batchItemFailures} so that only they are redelivered.
 */
@ExtendWith(CapturedLogs.class)
class SqsBatchTest {

  private static final String ADA = "5b108b4d-03a2-4e20-8f91-5bb2cbff0c2d";
  private static final String GRACE = "eff909e2-894b-4ad4-a851-4463317b1c47";
  private static final String LINUS = "46e75e2f-34aa-4eba-9b3d-aed9d9dd3561";
  private static final String BOOM = "4913eb79-465d-45d5-acb3-215dcd495caa";
  private static final String BAD_JSON = "d02d1874-2a3f-4fa7-92f6-3f3978bcb416";
  private static final String LINUS_AFTER_BAD_JSON = "61e1882f-e113-4f7b-83ce-cfb5b963be70";

  @Test
  void eachMessageIsOneInvocationAndAFullSuccessReportsNoFailure() {
    // given
    Greet greet = new Greet();
    LambdaAdapter adapter = Lambda.adapter(registry -> registry.add("greet", greet));

    // when
    List<String> failures =
        BatchFailures.of(Lambda.handle(adapter, Events.bytes("sqs/three-messages.json")));

    // then
    assertThat(greet.received())
        .containsExactly(
            new Greeting("Ada", null), new Greeting("Grace", null), new Greeting("Linus", null));
    assertThat(failures).isEmpty();
  }

  @Test
  void aMessageWhoseFunctionThrowsIsReportedAndTheOthersAreProcessed() {
    // given
    Uppercase uppercase = new Uppercase("world");
    LambdaAdapter adapter = Lambda.adapter(registry -> registry.add("uppercase", uppercase));

    // when
    List<String> failures =
        BatchFailures.of(Lambda.handle(adapter, Events.bytes("sqs/text-messages.json")));

    // then
    assertThat(failures).containsExactly("6a3dc990-837f-488d-b201-5a9b64036a17");
    assertThat(uppercase.received()).containsExactly("hello", "world", "boom");
  }

  @Test
  void theLastMessageFailingIsReportedByItsMessageId() {
    // given
    Uppercase uppercase = new Uppercase();
    LambdaAdapter adapter = Lambda.adapter(registry -> registry.add("uppercase", uppercase));

    // when
    List<String> failures =
        BatchFailures.of(Lambda.handle(adapter, Events.bytes("sqs/text-messages.json")));

    // then
    assertThat(failures).containsExactly(BOOM);
  }

  @Test
  void aMessageThatDoesNotDecodeIsReportedAndTheRestStillRun() {
    // given
    Greet greet = new Greet();
    LambdaAdapter adapter = Lambda.adapter(registry -> registry.add("greet", greet));

    // when
    List<String> failures =
        BatchFailures.of(Lambda.handle(adapter, Events.bytes("sqs/one-bad-json.json")));

    // then
    assertThat(failures).containsExactly(BAD_JSON);
    assertThat(greet.received())
        .containsExactly(new Greeting("Ada", null), new Greeting("Linus", null));
  }

  @Test
  void messageAttributesAreHeadersAndTheMessageIsNamedInTheContext() {
    // given
    Probe probe = new Probe();
    LambdaAdapter adapter = Lambda.adapter(registry -> registry.add("probe", probe));

    // when
    List<String> failures =
        BatchFailures.of(Lambda.handle(adapter, Events.bytes("sqs/three-messages.json")));

    // then
    assertThat(failures).isEmpty();
    assertThat(probe.received()).hasSize(3);
    Message<String> first = probe.received().get(0);
    assertThat(first.payload()).isEqualTo("{\"name\":\"Ada\"}");
    assertThat(first.headers().first("origin")).contains("fn4j-tests");
    assertThat(first.context().attributes())
        .containsEntry("aws.sqs.message-id", ADA)
        .containsEntry(
            "aws.event.source-arn", "arn:aws:sqs:eu-west-1:123456789012:fn4j-greet-queue")
        .containsEntry("aws.event.kind", "sqs");
    assertThat(probe.received().get(2).context().attributes())
        .containsEntry("aws.sqs.message-id", LINUS);
  }

  @Test
  void aListFunctionGetsTheWholeBatchInOneCall() {
    // given
    GreetAll greetAll = new GreetAll();
    LambdaAdapter adapter = Lambda.adapter(registry -> registry.add("greetAll", greetAll));

    // when
    List<String> failures =
        BatchFailures.of(Lambda.handle(adapter, Events.bytes("sqs/three-messages.json")));

    // then
    assertThat(greetAll.batches())
        .containsExactly(
            List.of(
                new Greeting("Ada", null),
                new Greeting("Grace", null),
                new Greeting("Linus", null)));
    assertThat(failures).isEmpty();
  }

  @Test
  void aListFunctionReportsFailedPositionsAndUndecodableMessagesAreReportedToo() {
    // given: the function fails the second greeting it receives
    GreetAll greetAll = new GreetAll(1);
    LambdaAdapter adapter = Lambda.adapter(registry -> registry.add("greetAll", greetAll));

    // when
    List<String> failures =
        BatchFailures.of(Lambda.handle(adapter, Events.bytes("sqs/one-bad-json.json")));

    // then: the bad JSON never reached it, so its second greeting is the third message
    assertThat(greetAll.batches())
        .containsExactly(List.of(new Greeting("Ada", null), new Greeting("Linus", null)));
    assertThat(failures).containsExactly(BAD_JSON, LINUS_AFTER_BAD_JSON);
  }

  @Test
  void aListFunctionThatThrowsFailsEveryMessage() {
    // given
    LambdaAdapter adapter =
        Lambda.adapter(
            registry ->
                registry.function(
                    "greetAll",
                    new TypeRef<List<Greeting>>() {},
                    TypeRef.of(BatchResult.class),
                    greetings -> {
                      throw new IllegalStateException(Uppercase.SECRET);
                    }));

    // when
    List<String> failures =
        BatchFailures.of(Lambda.handle(adapter, Events.bytes("sqs/three-messages.json")));

    // then
    assertThat(failures).containsExactly(ADA, GRACE, LINUS);
  }

  @Test
  void aQueueIsRoutedToTheFunctionConfiguredForIt() {
    // given
    Greet greet = new Greet();
    Uppercase uppercase = new Uppercase("nothing fails");
    LambdaAdapter adapter =
        Lambda.adapter(
            registry -> registry.add("greet", greet).add("uppercase", uppercase),
            Map.of("FN4J_ROUTING_TYPES", "fn4j-greet-queue=greet,fn4j-uppercase-queue=uppercase"));

    // when
    List<String> greetFailures =
        BatchFailures.of(Lambda.handle(adapter, Events.bytes("sqs/three-messages.json")));
    List<String> uppercaseFailures =
        BatchFailures.of(Lambda.handle(adapter, Events.bytes("sqs/text-messages.json")));

    // then
    assertThat(greetFailures).isEmpty();
    assertThat(uppercaseFailures).isEmpty();
    assertThat(greet.received()).hasSize(3);
    assertThat(uppercase.received()).containsExactly("hello", "world", "boom");
  }

  @Test
  void aQueueWithoutAFunctionFailsTheWholeInvocationSoNothingIsAcknowledged() {
    // given
    Greet greet = new Greet();
    LambdaAdapter adapter =
        Lambda.adapter(registry -> registry.add("greet", greet).add("uppercase", new Uppercase()));

    // when
    LambdaFailure failure =
        catchThrowableOfType(
            LambdaFailure.class,
            () -> Lambda.handle(adapter, Events.bytes("sqs/three-messages.json")));

    // then
    assertThat(failure.errorType()).isEqualTo("dev.fn4j.aws.LambdaFailure$Route");
    assertThat(failure).hasMessageContaining("'fn4j-greet-queue'");
    assertThat(failure.getStackTrace()).isEmpty();
    assertThat(greet.received()).isEmpty();
  }

  @Test
  void aMessageWithoutMessageIdMakesTheEventUnreadableAsAWhole() {
    // given
    Greet greet = new Greet();
    LambdaAdapter adapter = Lambda.adapter(registry -> registry.add("greet", greet));
    byte[] event =
        Events.edited(
            "sqs/three-messages.json", tree -> Events.record(tree, 1).remove("messageId"));

    // when
    LambdaFailure failure =
        catchThrowableOfType(LambdaFailure.class, () -> Lambda.handle(adapter, event));

    // then
    assertThat(failure.errorType()).isEqualTo("dev.fn4j.aws.LambdaFailure$Decode");
    assertThat(failure).hasMessageContaining("sqs").hasMessageContaining("Records[1].messageId");
    assertThat(greet.received()).isEmpty();
  }

  @Test
  void aFifoQueueStopsAtTheFirstFailureAndReportsEveryLaterMessage() {
    // given: the uppercase queue as a FIFO queue, one message group
    Uppercase uppercase = new Uppercase("world");
    LambdaAdapter adapter = Lambda.adapter(registry -> registry.add("uppercase", uppercase));
    byte[] event =
        Events.edited(
            "sqs/text-messages.json",
            tree -> {
              for (int i = 0; i < 3; i++) {
                Map<String, Object> record = Events.record(tree, i);
                record.put(
                    "eventSourceARN",
                    "arn:aws:sqs:eu-west-1:123456789012:fn4j-uppercase-queue.fifo");
                Map<String, Object> attributes = Events.at(record, "attributes");
                attributes.put("MessageGroupId", "greetings");
                attributes.put("MessageDeduplicationId", "dedup-" + i);
                attributes.put("SequenceNumber", "1880000000000000000" + i);
              }
            });

    // when
    List<String> failures = BatchFailures.of(Lambda.handle(adapter, event));

    // then
    assertThat(failures).containsExactly("6a3dc990-837f-488d-b201-5a9b64036a17", BOOM);
    assertThat(uppercase.received()).containsExactly("hello", "world");
  }
}
