package dev.fn4j.aws.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fn4j.aws.LambdaAdapter;
import dev.fn4j.aws.LambdaFailure;
import dev.fn4j.aws.support.CapturedLogs;
import dev.fn4j.aws.support.Events;
import dev.fn4j.aws.support.Lambda;
import dev.fn4j.aws.testfunctions.Greet;
import dev.fn4j.aws.testfunctions.Ingest;
import dev.fn4j.aws.testfunctions.Probe;
import dev.fn4j.aws.testfunctions.S3Notice;
import dev.fn4j.aws.testfunctions.Uppercase;
import dev.fn4j.function.Message;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SNS and S3 invoke Lambda asynchronously: the function gets the message or the notification
 * record, and a failure is a Lambda function error (so Lambda retries, then dead-letters), never
 * acknowledged.
 */
@ExtendWith(CapturedLogs.class)
class NotificationEventsTest {

  @Nested
  class Sns {

    @Test
    void theMessageTextReachesTheFunctionAndItsOutputIsTheResponse() {
      // given
      Uppercase uppercase = new Uppercase();
      LambdaAdapter adapter = Lambda.adapter(registry -> registry.add("uppercase", uppercase));

      // when
      byte[] response = Lambda.handle(adapter, Events.bytes("sns/notification.json"));

      // then
      assertThat(uppercase.received()).containsExactly("hello");
      assertThat(new String(response, StandardCharsets.UTF_8)).isEqualTo("HELLO");
    }

    @Test
    void messageAttributesAreHeadersAndSubjectAndTopicAreInTheContext() {
      // given
      Probe probe = new Probe();
      LambdaAdapter adapter = Lambda.adapter(registry -> registry.add("probe", probe));

      // when
      Lambda.handle(adapter, Events.bytes("sns/notification.json"));

      // then
      Message<String> message = probe.only();
      assertThat(message.payload()).isEqualTo("hello");
      assertThat(message.headers().first("origin")).contains("fn4j-tests");
      assertThat(message.context().attributes())
          .containsEntry("aws.sns.subject", "uppercase request")
          .containsEntry("aws.sns.message-id", "3e9d5a27-6c41-5b8f-a0d2-7f14c8e6b953")
          .containsEntry(
              "aws.event.source-arn", "arn:aws:sns:eu-west-1:123456789012:fn4j-uppercase-topic")
          .containsEntry("aws.event.kind", "sns");
    }

    @Test
    void aFunctionThatThrowsIsALambdaInvokeFailureNamingIt() {
      // given
      LambdaAdapter adapter =
          Lambda.adapter(registry -> registry.add("uppercase", new Uppercase("hello")));

      // when
      LambdaFailure failure =
          catchThrowableOfType(
              LambdaFailure.class,
              () -> Lambda.handle(adapter, Events.bytes("sns/notification.json")));

      // then
      assertThat(failure.errorType()).isEqualTo("dev.fn4j.aws.LambdaFailure$Invoke");
      assertThat(failure)
          .hasMessageContaining("'uppercase'")
          .hasMessageNotContaining(Uppercase.SECRET);
      assertThat(failure.getStackTrace()).isEmpty();
    }

    @Test
    void aMessageThatIsNotJsonForARecordIsALambdaDecodeFailure() {
      // given
      Greet greet = new Greet();
      LambdaAdapter adapter = Lambda.adapter(registry -> registry.add("greet", greet));

      // when
      LambdaFailure failure =
          catchThrowableOfType(
              LambdaFailure.class,
              () -> Lambda.handle(adapter, Events.bytes("sns/notification.json")));

      // then
      assertThat(failure.errorType()).isEqualTo("dev.fn4j.aws.LambdaFailure$Decode");
      assertThat(failure).hasMessageContaining("'greet'").hasMessageContaining("DECODE");
      assertThat(greet.received()).isEmpty();
    }

    @Test
    void theTopicIsTheRoute() {
      // given
      Uppercase uppercase = new Uppercase();
      LambdaAdapter adapter =
          Lambda.adapter(
              registry -> registry.add("greet", new Greet()).add("uppercase", uppercase),
              Map.of("FN4J_ROUTING_TYPES", "fn4j-uppercase-topic=uppercase"));

      // when
      byte[] response = Lambda.handle(adapter, Events.bytes("sns/notification.json"));

      // then
      assertThat(new String(response, StandardCharsets.UTF_8)).isEqualTo("HELLO");
    }
  }

  @Nested
  class S3 {

    @Test
    void theNotificationRecordBindsToTheDeclaredType() {
      // given
      Ingest ingest = new Ingest(false);
      LambdaAdapter adapter = Lambda.adapter(registry -> registry.add("ingest", ingest));

      // when
      byte[] response = Lambda.handle(adapter, Events.bytes("s3/object-created.json"));

      // then
      assertThat(ingest.received())
          .containsExactly(
              new S3Notice(
                  "ObjectCreated:Put",
                  new S3Notice.S3Entity(
                      new S3Notice.Bucket("fn4j-uploads-eu-west-1"),
                      new S3Notice.S3Object("incoming/greeting.txt", 5))));
      assertThat(new String(response, StandardCharsets.UTF_8))
          .isEqualTo("fn4j-uploads-eu-west-1/incoming/greeting.txt");
    }

    @Test
    void bucketKeyAndEventNameAreInTheContext() {
      // given
      Probe probe = new Probe();
      LambdaAdapter adapter = Lambda.adapter(registry -> registry.add("probe", probe));

      // when
      Lambda.handle(adapter, Events.bytes("s3/object-created.json"));

      // then
      assertThat(probe.only().context().attributes())
          .containsEntry("aws.s3.bucket", "fn4j-uploads-eu-west-1")
          .containsEntry("aws.s3.key", "incoming/greeting.txt")
          .containsEntry("aws.s3.event-name", "ObjectCreated:Put")
          .containsEntry("aws.event.kind", "s3");
    }

    @Test
    void aFunctionThatThrowsIsALambdaInvokeFailureNamingIt() {
      // given
      LambdaAdapter adapter = Lambda.adapter(registry -> registry.add("ingest", new Ingest(true)));

      // when
      LambdaFailure failure =
          catchThrowableOfType(
              LambdaFailure.class,
              () -> Lambda.handle(adapter, Events.bytes("s3/object-created.json")));

      // then
      assertThat(failure.errorType()).isEqualTo("dev.fn4j.aws.LambdaFailure$Invoke");
      assertThat(failure).hasMessageContaining("'ingest'").hasMessageNotContaining("unreachable");
      assertThat(failure.getStackTrace()).isEmpty();
    }

    @Test
    void aRecordWithoutBucketNameIsALambdaDecodeFailure() {
      // given
      Ingest ingest = new Ingest(false);
      LambdaAdapter adapter = Lambda.adapter(registry -> registry.add("ingest", ingest));
      byte[] event =
          Events.edited(
              "s3/object-created.json",
              tree -> Events.at(Events.record(tree, 0), "s3", "bucket").remove("name"));

      // when
      LambdaFailure failure =
          catchThrowableOfType(LambdaFailure.class, () -> Lambda.handle(adapter, event));

      // then
      assertThat(failure.errorType()).isEqualTo("dev.fn4j.aws.LambdaFailure$Decode");
      assertThat(failure).hasMessageContaining("Records[0].s3.bucket.name");
      assertThat(ingest.received()).isEmpty();
    }
  }
}
