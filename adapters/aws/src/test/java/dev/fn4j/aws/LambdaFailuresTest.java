package dev.fn4j.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.fn4j.aws.support.CapturedLogs;
import dev.fn4j.aws.support.Events;
import dev.fn4j.aws.support.Lambda;
import dev.fn4j.aws.testfunctions.Explode;
import dev.fn4j.aws.testfunctions.Greet;
import dev.fn4j.aws.testfunctions.Ingest;
import dev.fn4j.aws.testfunctions.Unencodable;
import dev.fn4j.aws.testfunctions.Uppercase;
import dev.fn4j.core.dispatch.Phase;
import dev.fn4j.function.FunctionRegistrar;
import dev.fn4j.function.TypeRef;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.LogRecord;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Direct and asynchronous triggers (direct invocation, EventBridge, SNS, S3) end a failed
 * invocation as a Lambda function error: a {@link LambdaFailure} whose {@code errorType} names the
 * phase and whose message names the function, with no stack trace anywhere (DESIGN.md §6).
 */
@ExtendWith(CapturedLogs.class)
class LambdaFailuresTest {

  /** One failing invocation: what is sent, to which functions, and what must come back. */
  record Case(
      String description,
      byte[] event,
      FunctionRegistrar functions,
      Map<String, String> environment,
      Phase phase,
      String functionName) {

    @Override
    public String toString() {
      return description;
    }
  }

  private static final FunctionRegistrar GREET_AND_UPPERCASE =
      registry -> registry.add("greet", new Greet()).add("uppercase", new Uppercase());

  static Stream<Arguments> failures() {
    return Stream.of(
            new Case(
                "direct: several functions, none selected",
                Events.bytes("direct/text.txt"),
                GREET_AND_UPPERCASE,
                Map.of(),
                Phase.ROUTE,
                null),
            new Case(
                "direct: text for a record",
                Events.bytes("direct/text.txt"),
                registry -> registry.add("greet", new Greet()),
                Map.of(),
                Phase.DECODE,
                "greet"),
            new Case(
                "direct: truncated JSON for a record",
                Events.bytes("broken/truncated.json"),
                registry -> registry.add("greet", new Greet()),
                Map.of(),
                Phase.DECODE,
                "greet"),
            new Case(
                "direct: JSON of the wrong types for a record",
                "{\"name\":{\"first\":\"Ada\"}}".getBytes(StandardCharsets.UTF_8),
                registry -> registry.add("greet", new Greet()),
                Map.of(),
                Phase.DECODE,
                "greet"),
            new Case(
                "direct: the function throws",
                "boom".getBytes(StandardCharsets.UTF_8),
                registry -> registry.add("uppercase", new Uppercase()),
                Map.of(),
                Phase.INVOKE,
                "uppercase"),
            new Case(
                "direct: the output cannot be encoded",
                Events.bytes("direct/text.txt"),
                registry -> registry.add("unencodable", new Unencodable()),
                Map.of(),
                Phase.ENCODE,
                "unencodable"),
            new Case(
                "EventBridge: no function for the detail-type",
                Events.bytes("eventbridge/custom-event.json"),
                GREET_AND_UPPERCASE,
                Map.of(),
                Phase.ROUTE,
                "OrderPlaced"),
            new Case(
                "EventBridge: a detail of the wrong types",
                Events.edited(
                    "eventbridge/custom-event.json",
                    tree -> Events.at(tree, "detail").put("name", java.util.List.of("Ada"))),
                registry -> registry.add("greet", new Greet()),
                Map.of(),
                Phase.DECODE,
                "greet"),
            new Case(
                "EventBridge: the function throws",
                Events.bytes("eventbridge/custom-event.json"),
                registry -> registry.add("explode", new Explode()),
                Map.of(),
                Phase.INVOKE,
                "explode"),
            new Case(
                "EventBridge: the output cannot be encoded",
                Events.bytes("eventbridge/scheduled.json"),
                registry -> registry.add("unencodable", new Unencodable()),
                Map.of(),
                Phase.ENCODE,
                "unencodable"),
            new Case(
                "SNS: no function for the topic",
                Events.bytes("sns/notification.json"),
                registry -> registry.add("greet", new Greet()).add("ingest", new Ingest(false)),
                Map.of(),
                Phase.ROUTE,
                "fn4j-uppercase-topic"),
            new Case(
                "SNS: the function throws",
                Events.bytes("sns/notification.json"),
                registry -> registry.add("uppercase", new Uppercase("hello")),
                Map.of(),
                Phase.INVOKE,
                "uppercase"),
            new Case(
                "S3: the record does not decode to the declared type",
                Events.bytes("s3/object-created.json"),
                registry ->
                    registry.function(
                        "count", TypeRef.of(Integer.class), TypeRef.of(String.class), n -> "n"),
                Map.of(),
                Phase.DECODE,
                "count"),
            new Case(
                "S3: the function throws",
                Events.bytes("s3/object-created.json"),
                registry -> registry.add("ingest", new Ingest(true)),
                Map.of(),
                Phase.INVOKE,
                "ingest"),
            new Case(
                "S3: the output cannot be encoded",
                Events.bytes("s3/object-created.json"),
                registry -> registry.add("unencodable", new Unencodable()),
                Map.of(),
                Phase.ENCODE,
                "unencodable"),
            new Case(
                "SES: an unsupported event source",
                Events.bytes("unsupported/ses.json"),
                GREET_AND_UPPERCASE,
                Map.of(),
                Phase.ROUTE,
                null),
            new Case(
                "Kinesis: a record without sequence number",
                Events.edited(
                    "kinesis/three-records.json",
                    tree -> Events.at(Events.record(tree, 2), "kinesis").remove("sequenceNumber")),
                registry -> registry.add("uppercase", new Uppercase()),
                Map.of(),
                Phase.DECODE,
                null))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void eachFailureIsALambdaFailureOfItsPhaseNamingTheFunctionWithoutAStackTrace(
      Case failureCase, CapturedLogs logs) {
    // given
    LambdaAdapter adapter = Lambda.adapter(failureCase.functions(), failureCase.environment());

    // when
    Throwable thrown = catchThrowable(() -> Lambda.handle(adapter, failureCase.event()));

    // then
    assertThat(thrown).isInstanceOf(LambdaFailure.class);
    LambdaFailure failure = (LambdaFailure) thrown;
    assertThat(failure.errorType()).isEqualTo(errorType(failureCase.phase()));
    assertThat(failure.getClass().getName()).isEqualTo(failure.errorType());
    if (failureCase.functionName() != null) {
      assertThat(failure).hasMessageContaining("'" + failureCase.functionName() + "'");
    }
    assertThat(failure.getStackTrace()).isEmpty();
    assertThat(failure.getCause()).isNull();
    assertThat(failure.getSuppressed()).isEmpty();
    assertThat(failure.getMessage())
        .isNotBlank()
        .doesNotContain("\tat ")
        .doesNotContain(Uppercase.SECRET)
        .doesNotContain("\n");
    for (LogRecord record : logs.records()) {
      assertThat(record.getThrown()).as(record.getMessage()).isNull();
      assertThat(record.getMessage()).doesNotContain("\tat ");
    }
  }

  private static String errorType(Phase phase) {
    return switch (phase) {
      case ROUTE -> "dev.fn4j.aws.LambdaFailure$Route";
      case DECODE -> "dev.fn4j.aws.LambdaFailure$Decode";
      case INVOKE -> "dev.fn4j.aws.LambdaFailure$Invoke";
      case ENCODE -> "dev.fn4j.aws.LambdaFailure$Encode";
    };
  }

  @Test
  void anUnsupportedEventSourceSaysWhichSourceAndWhatIsSupported() {
    // given
    LambdaAdapter adapter = Lambda.adapter(registry -> registry.add("uppercase", new Uppercase()));

    // when
    Throwable thrown =
        catchThrowable(() -> Lambda.handle(adapter, Events.bytes("unsupported/ses.json")));

    // then
    assertThat(thrown)
        .isInstanceOf(LambdaFailure.class)
        .hasMessageContaining("aws:ses")
        .hasMessageContaining("aws:sqs");
  }

  @Test
  void aFailureOfEachPhaseHasItsOwnErrorTypeForStepFunctionsAndDestinations() {
    // when
    Map<Phase, String> types =
        Map.of(
            Phase.ROUTE, LambdaFailure.of(Phase.ROUTE, "r").errorType(),
            Phase.DECODE, LambdaFailure.of(Phase.DECODE, "d").errorType(),
            Phase.INVOKE, LambdaFailure.of(Phase.INVOKE, "i").errorType(),
            Phase.ENCODE, LambdaFailure.of(Phase.ENCODE, "e").errorType());

    // then
    types.forEach((phase, type) -> assertThat(type).isEqualTo(errorType(phase)));
  }
}
