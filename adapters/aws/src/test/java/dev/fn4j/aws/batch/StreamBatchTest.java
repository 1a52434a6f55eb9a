package dev.fn4j.aws.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.aws.LambdaAdapter;
import dev.fn4j.aws.support.BatchFailures;
import dev.fn4j.aws.support.CapturedLogs;
import dev.fn4j.aws.support.Events;
import dev.fn4j.aws.support.Lambda;
import dev.fn4j.aws.testfunctions.ApplyChange;
import dev.fn4j.aws.testfunctions.EchoBytes;
import dev.fn4j.aws.testfunctions.Probe;
import dev.fn4j.aws.testfunctions.Uppercase;
import dev.fn4j.function.BatchResult;
import dev.fn4j.function.TypeRef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kinesis and DynamoDB Streams: records are processed in order; the first failure is reported by
 * its sequence number and the records after it are not processed, so the stream resumes there.
 */
@ExtendWith(CapturedLogs.class)
class StreamBatchTest {

  @Nested
  class Kinesis {

    private static final String FIRST = "49662350017315981846253108201754917328409163218776375298";
    private static final String SECOND = "49662350017315981846253108201756126254228777847951081474";
    private static final String THIRD = "49662350017315981846253108201757335180048392477125787650";

    @Test
    void recordDataIsBase64DecodedAndEveryRecordSucceeds() {
      // given
      EchoBytes echo = new EchoBytes();
      LambdaAdapter adapter = Lambda.adapter(registry -> registry.add("echo", echo));

      // when
      List<String> failures =
          BatchFailures.of(Lambda.handle(adapter, Events.bytes("kinesis/three-records.json")));

      // then
      assertThat(failures).isEmpty();
      assertThat(echo.received()).containsExactly(utf8("hello"), utf8("world"), utf8("boom"));
    }

    @Test
    void theFirstFailedSequenceNumberIsReportedAndLaterRecordsAreNotProcessed() {
      // given
      Uppercase uppercase = new Uppercase("world", "boom");
      LambdaAdapter adapter = Lambda.adapter(registry -> registry.add("uppercase", uppercase));

      // when
      List<String> failures =
          BatchFailures.of(Lambda.handle(adapter, Events.bytes("kinesis/three-records.json")));

      // then
      assertThat(failures).containsExactly(SECOND);
      assertThat(uppercase.received()).containsExactly("hello", "world");
    }

    @Test
    void aFailureOfTheLastRecordReportsItsSequenceNumber() {
      // given
      Uppercase uppercase = new Uppercase();
      LambdaAdapter adapter = Lambda.adapter(registry -> registry.add("uppercase", uppercase));

      // when
      List<String> failures =
          BatchFailures.of(Lambda.handle(adapter, Events.bytes("kinesis/three-records.json")));

      // then
      assertThat(failures).containsExactly(THIRD);
      assertThat(uppercase.received()).containsExactly("hello", "world", "boom");
    }

    @Test
    void recordDataThatIsNotBase64IsTheFirstFailureAndStopsTheBatch() {
      // given
      Uppercase uppercase = new Uppercase("nothing fails");
      LambdaAdapter adapter = Lambda.adapter(registry -> registry.add("uppercase", uppercase));
      byte[] event =
          Events.edited(
              "kinesis/three-records.json",
              tree -> Events.at(Events.record(tree, 0), "kinesis").put("data", "*not base64*"));

      // when
      List<String> failures = BatchFailures.of(Lambda.handle(adapter, event));

      // then
      assertThat(failures).containsExactly(FIRST);
      assertThat(uppercase.received()).isEmpty();
    }

    @Test
    void theRecordIsNamedInTheContext() {
      // given
      Probe probe = new Probe();
      LambdaAdapter adapter = Lambda.adapter(registry -> registry.add("probe", probe));

      // when
      Lambda.handle(adapter, Events.bytes("kinesis/three-records.json"));

      // then
      assertThat(probe.received()).hasSize(3);
      assertThat(probe.received().get(1).payload()).isEqualTo("world");
      assertThat(probe.received().get(1).context().attributes())
          .containsEntry("aws.kinesis.sequence-number", SECOND)
          .containsEntry("aws.kinesis.partition-key", "uppercase-2")
          .containsEntry("aws.event.kind", "kinesis");
    }

    @Test
    void aWholeBatchFunctionReportsOnlyItsFirstFailedPosition() {
      // given
      List<List<String>> batches = new ArrayList<>();
      LambdaAdapter adapter =
          Lambda.adapter(
              registry ->
                  registry.function(
                      "all",
                      new TypeRef<List<String>>() {},
                      TypeRef.of(BatchResult.class),
                      texts -> {
                        batches.add(texts);
                        return BatchResult.failed(1, 2);
                      }));

      // when
      List<String> failures =
          BatchFailures.of(Lambda.handle(adapter, Events.bytes("kinesis/three-records.json")));

      // then
      assertThat(batches).containsExactly(List.of("hello", "world", "boom"));
      assertThat(failures).containsExactly(SECOND);
    }
  }

  @Nested
  class DynamoDb {

    private static final String MODIFY = "3182470000000017385119581";

    @Test
    void eachChangeArrivesAsTheWholeRecordInOrder() {
      // given
      ApplyChange apply = new ApplyChange();
      LambdaAdapter adapter = Lambda.adapter(registry -> registry.add("apply", apply));

      // when
      List<String> failures =
          BatchFailures.of(Lambda.handle(adapter, Events.bytes("dynamodb/three-records.json")));

      // then
      assertThat(failures).isEmpty();
      assertThat(apply.received())
          .extracting(change -> change.eventName())
          .containsExactly("INSERT", "MODIFY", "REMOVE");
      assertThat(apply.received().get(1).dynamodb())
          .containsEntry("SequenceNumber", MODIFY)
          .containsKeys("NewImage", "OldImage", "Keys");
    }

    @Test
    void theFirstFailedSequenceNumberIsReportedAndLaterRecordsAreNotProcessed() {
      // given
      ApplyChange apply = new ApplyChange("MODIFY", "REMOVE");
      LambdaAdapter adapter = Lambda.adapter(registry -> registry.add("apply", apply));

      // when
      List<String> failures =
          BatchFailures.of(Lambda.handle(adapter, Events.bytes("dynamodb/three-records.json")));

      // then
      assertThat(failures).containsExactly(MODIFY);
      assertThat(apply.received())
          .extracting(change -> change.eventName())
          .containsExactly("INSERT", "MODIFY");
    }

    @Test
    void theTableIsTheRouteAndTheChangeIsNamedInTheContext() {
      // given
      Probe probe = new Probe();
      LambdaAdapter adapter =
          Lambda.adapter(
              registry -> registry.add("probe", probe).add("other", new Uppercase()),
              Map.of("FN4J_ROUTING_TYPES", "fn4j-greetings=probe"));

      // when
      List<String> failures =
          BatchFailures.of(Lambda.handle(adapter, Events.bytes("dynamodb/three-records.json")));

      // then
      assertThat(failures).isEmpty();
      assertThat(probe.received()).hasSize(3);
      assertThat(probe.received().get(2).headers().first("Content-Type"))
          .contains("application/json");
      assertThat(probe.received().get(2).context().attributes())
          .containsEntry("aws.dynamodb.event-name", "REMOVE")
          .containsEntry("aws.dynamodb.sequence-number", "3182480000000017385119960");
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
