package dev.fn4j.aws.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.fn4j.aws.support.Events;
import dev.fn4j.testkit.EventFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every event kind is recognised by the discriminators AWS documents, and by nothing else. */
class EventClassifierTest {

  /** Every file of {@code events/aws}, with the kind its discriminators make it. */
  static Stream<Arguments> eventFiles() {
    return Stream.of(
        Arguments.of("apigw-v1/post-json.json", EventKind.API_GATEWAY_REST),
        Arguments.of("apigw-v1/post-text.json", EventKind.API_GATEWAY_REST),
        Arguments.of("apigw-v1/base64-body.json", EventKind.API_GATEWAY_REST),
        Arguments.of("apigw-v2/post-json.json", EventKind.API_GATEWAY_HTTP),
        Arguments.of("apigw-v2/post-text.json", EventKind.API_GATEWAY_HTTP),
        Arguments.of("apigw-v2/base64-body.json", EventKind.API_GATEWAY_HTTP),
        Arguments.of("apigw-v2/get-no-body.json", EventKind.API_GATEWAY_HTTP),
        Arguments.of("function-url/post-json.json", EventKind.FUNCTION_URL),
        Arguments.of("function-url/post-text.json", EventKind.FUNCTION_URL),
        Arguments.of("alb/single-value.json", EventKind.ALB),
        Arguments.of("alb/multi-value.json", EventKind.ALB),
        Arguments.of("sqs/three-messages.json", EventKind.SQS),
        Arguments.of("sqs/text-messages.json", EventKind.SQS),
        Arguments.of("sqs/one-bad-json.json", EventKind.SQS),
        Arguments.of("kinesis/three-records.json", EventKind.KINESIS),
        Arguments.of("dynamodb/three-records.json", EventKind.DYNAMODB),
        Arguments.of("sns/notification.json", EventKind.SNS),
        Arguments.of("s3/object-created.json", EventKind.S3),
        Arguments.of("eventbridge/custom-event.json", EventKind.EVENTBRIDGE),
        Arguments.of("eventbridge/scheduled.json", EventKind.EVENTBRIDGE),
        Arguments.of("direct/json-object.json", EventKind.DIRECT),
        Arguments.of("direct/text.txt", EventKind.DIRECT),
        // not JSON at all: nothing to recognise, so a direct invocation with raw bytes
        Arguments.of("broken/truncated.json", EventKind.DIRECT),
        // the discriminators are intact; the wrong field types are found when it is read
        Arguments.of("broken/wrong-types.json", EventKind.API_GATEWAY_HTTP));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @MethodSource("eventFiles")
  void eachProjectEventFileIsRecognisedAsItsKind(String file, EventKind expected) {
    // given
    byte[] payload = Events.bytes(file);

    // when
    LambdaEvent event = EventClassifier.classify(payload);

    // then
    assertThat(event.kind()).isEqualTo(expected);
    assertThat(event.bytes()).isEqualTo(payload);
  }

  @Test
  void everyProjectEventFileIsInTheClassificationTable() {
    // given
    TreeSet<String> listed = new TreeSet<>();
    eventFiles().forEach(arguments -> listed.add((String) arguments.get()[0]));
    listed.add("unsupported/ses.json");
    listed.add("README.md");

    // when
    List<String> files =
        EventFiles.list(Events.FOLDER).stream()
            .map(path -> path.substring(Events.FOLDER.length() + 1))
            .toList();

    // then
    assertThat(files).containsExactlyInAnyOrderElementsOf(listed);
  }

  @Test
  void aRecordsEventFromAnUnservedSourceIsRefusedNotTakenForADirectInvocation() {
    // given
    byte[] ses = Events.bytes("unsupported/ses.json");

    // when
    Throwable failure = catchThrowable(() -> EventClassifier.classify(ses));

    // then
    assertThat(failure)
        .isInstanceOf(UnsupportedEventException.class)
        .hasMessageContaining("'aws:ses'")
        .hasMessageContaining("aws:sqs");
    assertThat(failure.getStackTrace()).isEmpty();
  }

  @Test
  void aDirectInvocationKeepsTheParsedObjectOnlyWhenThePayloadIsAJsonObject() {
    // given
    byte[] object = Events.bytes("direct/json-object.json");
    byte[] text = Events.bytes("direct/text.txt");

    // when
    LambdaEvent objectEvent = EventClassifier.classify(object);
    LambdaEvent textEvent = EventClassifier.classify(text);

    // then
    assertThat(objectEvent.json()).containsEntry("name", "Ada");
    assertThat(textEvent.json()).isNull();
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @ValueSource(strings = {"[1,2,3]", "\"hello\"", "42", "null", "true", "{\"Records\":[]}", ""})
  void payloadsThatAreNotAnEventObjectAreDirectInvocations(String payload) {
    // when
    LambdaEvent event = EventClassifier.classify(payload.getBytes(StandardCharsets.UTF_8));

    // then
    assertThat(event.kind()).isEqualTo(EventKind.DIRECT);
  }

  @Test
  void httpKindsAreTheFourHttpTriggers() {
    // when
    List<EventKind> http = Stream.of(EventKind.values()).filter(EventKind::isHttp).toList();

    // then
    assertThat(http)
        .containsExactly(
            EventKind.API_GATEWAY_REST,
            EventKind.API_GATEWAY_HTTP,
            EventKind.FUNCTION_URL,
            EventKind.ALB);
    assertThat(EventKind.API_GATEWAY_HTTP.id()).isEqualTo("api-gateway-http");
  }

  /** Each discriminator decides on its own: take it away and the kind is no longer recognised. */
  @Nested
  class Discriminators {

    @Test
    void aVersion2EventOnALambdaUrlDomainIsAFunctionUrlEvenWithARouteKey() {
      // given
      byte[] event =
          Events.edited(
              "apigw-v2/post-json.json",
              tree ->
                  Events.at(tree, "requestContext")
                      .put("domainName", "abc123.lambda-url.eu-west-1.on.aws"));

      // when
      EventKind kind = EventClassifier.classify(event).kind();

      // then
      assertThat(kind).isEqualTo(EventKind.FUNCTION_URL);
    }

    @Test
    void aVersion2EventOnAnExecuteApiDomainIsAnHttpApiEvent() {
      // given
      byte[] event =
          Events.edited(
              "function-url/post-text.json",
              tree ->
                  Events.at(tree, "requestContext")
                      .put("domainName", "k7p2xq4m1d.execute-api.eu-west-1.amazonaws.com"));

      // when
      EventKind kind = EventClassifier.classify(event).kind();

      // then
      assertThat(kind).isEqualTo(EventKind.API_GATEWAY_HTTP);
    }

    @Test
    void aVersion2EventWithoutRouteKeyIsNotGuessedToBeHttp() {
      // given
      byte[] event = Events.edited("apigw-v2/post-json.json", tree -> tree.remove("routeKey"));

      // when
      EventKind kind = EventClassifier.classify(event).kind();

      // then
      assertThat(kind).isEqualTo(EventKind.DIRECT);
    }

    @Test
    void anAlbEventNeedsTheElbContextAndAnHttpMethod() {
      // given
      byte[] noElb =
          Events.edited("alb/single-value.json", tree -> Events.at(tree, "requestContext").clear());
      byte[] noMethod = Events.edited("alb/multi-value.json", tree -> tree.remove("httpMethod"));

      // when
      EventKind withoutElb = EventClassifier.classify(noElb).kind();
      EventKind withoutMethod = EventClassifier.classify(noMethod).kind();

      // then
      assertThat(withoutElb).isEqualTo(EventKind.DIRECT);
      assertThat(withoutMethod).isEqualTo(EventKind.DIRECT);
    }

    @Test
    void aRestApiEventNeedsTheStageOfItsRequestContext() {
      // given
      byte[] event =
          Events.edited(
              "apigw-v1/post-json.json", tree -> Events.at(tree, "requestContext").remove("stage"));

      // when
      EventKind kind = EventClassifier.classify(event).kind();

      // then
      assertThat(kind).isEqualTo(EventKind.DIRECT);
    }

    @Test
    void anEventBridgeEventNeedsVersionZero() {
      // given
      byte[] event = Events.edited("eventbridge/scheduled.json", tree -> tree.remove("version"));

      // when
      EventKind kind = EventClassifier.classify(event).kind();

      // then
      assertThat(kind).isEqualTo(EventKind.DIRECT);
    }

    @Test
    void snsIsRecognisedByItsCapitalisedEventSourceAndARecordWithoutSourceByNothing() {
      // given
      byte[] sns = Events.bytes("sns/notification.json");
      byte[] withoutSource =
          Events.edited("sns/notification.json", tree -> Events.record(tree, 0).clear());

      // when
      EventKind original = EventClassifier.classify(sns).kind();
      EventKind stripped = EventClassifier.classify(withoutSource).kind();

      // then
      assertThat(original).isEqualTo(EventKind.SNS);
      assertThat(stripped).isEqualTo(EventKind.DIRECT);
    }

    @Test
    void theFirstRecordsEventSourceDecidesTheKind() {
      // given
      byte[] event =
          Events.edited(
              "sqs/three-messages.json",
              tree -> Events.record(tree, 0).put("eventSource", "aws:kinesis"));

      // when
      EventKind kind = EventClassifier.classify(event).kind();

      // then
      assertThat(kind).isEqualTo(EventKind.KINESIS);
    }
  }
}
