package dev.fn4j.aws.it;

import static dev.fn4j.aws.it.RuntimeUnderTest.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.core.convert.JsonTree;
import dev.fn4j.testkit.EventFiles;
import dev.fn4j.testkit.JvmProcess;
import dev.fn4j.testkit.LambdaErrorReport;
import dev.fn4j.testkit.LambdaEvent;
import dev.fn4j.testkit.LambdaInvocationResult;
import dev.fn4j.testkit.LambdaRuntimeApiFake;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a Lambda runtime that runs fn4j must do, whichever runtime it is: the AWS runtime interface
 * client running {@code LambdaHandler}, or fn4j's own Runtime API loop started by the launcher.
 * Each subclass says how its child JVM is started; the behaviour asserted here is the same for
 * both.
 *
 * <p>Two long-lived child JVMs per class, started once, each against its own {@link
 * LambdaRuntimeApiFake}:
 *
 * <ul>
 *   <li><em>routed</em>: nothing selected; HTTP events route by path, the SQS queue {@code
 *       fn4j-uppercase-queue} and the EventBridge {@code detail-type} {@code OrderPlaced} are
 *       mapped in {@code FN4J_ROUTING_TYPES};
 *   <li><em>selected</em>: {@code FN4J_FUNCTION=uppercase}, as for direct invocations.
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LambdaRuntimeContract {

  static final String STARTUP = "dev.fn4j.aws.LambdaFailure$Startup";
  static final String ROUTE = "dev.fn4j.aws.LambdaFailure$Route";
  static final String DECODE = "dev.fn4j.aws.LambdaFailure$Decode";
  static final String INVOKE = "dev.fn4j.aws.LambdaFailure$Invoke";

  /** A function class that does not exist, for start-up failures. */
  static final String MISSING_CLASS = "dev.fn4j.aws.it.NoSuchFunction";

  /** The two set-ups every runtime is started in. */
  enum Setup {
    ROUTED(Map.of("FN4J_ROUTING_TYPES", "fn4j-uppercase-queue=uppercase,OrderPlaced=context")),
    SELECTED(Map.of("FN4J_FUNCTION", "uppercase"));

    final Map<String, String> settings;

    Setup(Map<String, String> settings) {
      this.settings = settings;
    }
  }

  private RuntimeUnderTest routed;
  private RuntimeUnderTest selected;

  /**
   * Describes the child JVM of a set-up: its main class and arguments. The fake's environment and
   * the set-up's settings are added.
   *
   * @param setup which set-up
   * @return the command
   */
  abstract JvmProcess.Command command(Setup setup);

  /**
   * Returns the JVM options the runtime needs.
   *
   * @return none unless a subclass says otherwise
   */
  List<String> jvmOptions() {
    return List.of();
  }

  /**
   * Checks the headers of an invocation error, which each runtime sets its own way.
   *
   * @param error the error the runtime posted
   * @param errorType the {@code errorType} of its body
   */
  abstract void assertErrorHeaders(LambdaErrorReport error, String errorType);

  /** The runtime started with {@code FN4J_FUNCTION=uppercase}, shared by the class's tests. */
  RuntimeUnderTest selected() {
    return selected;
  }

  /** Starts a runtime with other settings, for a test of its own; close it. */
  RuntimeUnderTest start(Setup setup, Map<String, String> settings) {
    return RuntimeUnderTest.start(command(setup), jvmOptions(), settings);
  }

  @BeforeAll
  void startRuntimes() {
    // Both children start at once; each waits for its first event on its own fake.
    routed = start(Setup.ROUTED, Setup.ROUTED.settings);
    selected = start(Setup.SELECTED, Setup.SELECTED.settings);
  }

  @AfterAll
  void stopRuntimes() {
    try {
      if (routed != null) {
        routed.close();
      }
    } finally {
      if (selected != null) {
        selected.close();
      }
    }
  }

  @Test
  void an_http_api_text_request_gets_an_http_api_response() {
    LambdaInvocationResult result =
        routed.call(EventFiles.bytes("events/aws/apigw-v2/post-text.json"));

    Map<String, Object> response = response(result, routed);
    assertThat(response.get("statusCode")).isEqualTo(200L);
    assertThat(header(response, "Content-Type")).startsWith("text/plain");
    assertThat(response.get("body")).isEqualTo("HELLO");
    assertThat(response.get("isBase64Encoded")).isEqualTo(false);
  }

  @Test
  void an_http_api_json_request_binds_to_a_record_and_gets_json() {
    LambdaInvocationResult result =
        routed.call(EventFiles.bytes("events/aws/apigw-v2/post-json.json"));

    Map<String, Object> response = response(result, routed);
    assertThat(response.get("statusCode")).isEqualTo(200L);
    assertThat(header(response, "Content-Type")).startsWith("application/json");
    assertThat(JsonTree.parse((String) response.get("body")))
        .isEqualTo(Map.of("message", "Hallo, Ada"));
  }

  @Test
  void an_sqs_batch_reports_exactly_the_message_that_failed() {
    String event = EventFiles.text("events/aws/sqs/text-messages.json");
    List<String> boomIds =
        records(event).stream()
            .filter(record -> ItFunctions.BOOM.equals(record.get("body")))
            .map(record -> (String) record.get("messageId"))
            .toList();
    assertThat(boomIds).as("the event file has one boom message among others").hasSize(1);
    assertThat(records(event)).hasSizeGreaterThan(1);

    LambdaInvocationResult result = routed.call(event);

    assertThat(response(result, routed))
        .isEqualTo(Map.of("batchItemFailures", List.of(Map.of("itemIdentifier", boomIds.get(0)))));
  }

  @Test
  void the_function_reaches_the_lambda_context() {
    String trace = "Root=1-684a9ab3-8d2e4f6a1b3c5d7e9f0a2b4c;Parent=9a9197af755a6419;Sampled=1";
    LambdaEvent event =
        LambdaEvent.of(EventFiles.bytes("events/aws/eventbridge/custom-event.json"))
            .withRequestId("context-request-1")
            .withTraceId(trace);

    Map<String, String> seen = contextSeen(routed.call(event));

    assertThat(seen)
        .containsEntry("requestId", "context-request-1")
        .containsEntry("platform", "aws-lambda")
        .containsEntry("trace", trace)
        .containsEntry("remaining", "true")
        .containsEntry("lambda.requestId", "context-request-1")
        .containsEntry("lambda.functionName", LambdaRuntimeApiFake.FUNCTION_NAME)
        .containsEntry("lambda.arn", LambdaRuntimeApiFake.FUNCTION_ARN)
        .containsEntry("lambda.remaining", "true");
  }

  @Test
  void the_lambda_context_carries_the_cognito_identity_and_the_client_context() {
    LambdaEvent event =
        LambdaEvent.of(EventFiles.bytes("events/aws/eventbridge/custom-event.json"))
            .withRequestId("context-request-2")
            .withCognitoIdentity(
                "{\"cognitoIdentityId\":\"identity-1\",\"cognitoIdentityPoolId\":\"pool-1\"}")
            .withClientContext(
                "{\"client\":{\"installation_id\":\"installation-1\",\"app_title\":\"fn4j\"},"
                    + "\"custom\":{\"tenant\":\"tenant-1\"},\"env\":{\"locale\":\"de\"}}");

    Map<String, String> seen = contextSeen(routed.call(event));

    assertThat(seen)
        .containsEntry("lambda.requestId", "context-request-2")
        .containsEntry("lambda.identity", "identity-1")
        .containsEntry("lambda.tenant", "tenant-1");
  }

  /** Reads the {@code name=value} lines the {@code context} function answers. */
  private Map<String, String> contextSeen(LambdaInvocationResult result) {
    assertThat(result.isResponse()).as("%s%n%s", result, routed).isTrue();
    Map<String, String> seen = new LinkedHashMap<>();
    result
        .text()
        .lines()
        .forEach(
            line -> {
              int equals = line.indexOf('=');
              seen.put(line.substring(0, equals), line.substring(equals + 1));
            });
    return seen;
  }

  @Test
  void a_direct_invocation_gets_the_payload_as_sent() {
    LambdaInvocationResult result = selected.call(EventFiles.bytes("events/aws/direct/text.txt"));

    assertThat(result.isResponse()).as("%s%n%s", result, selected).isTrue();
    assertThat(result.text()).isEqualTo("HELLO");
  }

  @Test
  void a_direct_invocation_whose_function_throws_is_an_invoke_failure_without_stack_trace() {
    LambdaInvocationResult result = selected.call(ItFunctions.BOOM);

    LambdaErrorReport error = error(result, selected, INVOKE);
    assertThat(error.errorMessage())
        .hasValueSatisfying(
            message ->
                assertThat(message)
                    .contains("'uppercase'")
                    .contains("INVOKE")
                    .doesNotContain(ItFunctions.SECRET));
    assertThat(error.body()).doesNotContain(ItFunctions.SECRET);
    String log = selected.process().stdout() + selected.process().stderr();
    assertThat(log)
        .as("no stack trace and no exception message of the function in the log")
        .doesNotContain("\tat ")
        .doesNotContain(ItFunctions.SECRET);
    assertThat(log.lines().filter(line -> line.contains("ItFunctions.uppercase(")))
        .as("one log line says where the function threw")
        .singleElement()
        .asString()
        .contains("failed in phase INVOKE");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void bad_input_gets_its_documented_answer_and_the_same_process_keeps_serving(
      String name, byte[] event, Consumer<LambdaInvocationResult> documentedAnswer) {
    int polls = selected.fake().nextPolls();

    LambdaInvocationResult answer = selected.call(event);
    documentedAnswer.accept(answer);
    LambdaInvocationResult next = selected.call(EventFiles.bytes("events/aws/direct/text.txt"));

    assertThat(next.isResponse()).as("%s%n%s", next, selected).isTrue();
    assertThat(next.text()).isEqualTo("HELLO");
    selected.fake().awaitNextPolls(polls + 2, WAIT); // and it waits for the next event again
    assertThat(selected.process().isAlive()).as("%s", selected).isTrue();
    assertThat(selected.fake().unexpectedRequests()).isEmpty();
  }

  /** The bad inputs and their answers under {@code FN4J_FUNCTION=uppercase}. */
  Stream<Arguments> badInputs() {
    byte[] truncated = EventFiles.bytes("events/aws/broken/truncated.json");
    byte[] random = new byte[512];
    new Random(20250612).nextBytes(random);
    random[0] = (byte) 0xFF; // never valid UTF-8, never JSON
    byte[] deep = "[".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
    return Stream.of(
        // Not JSON: a direct invocation, whose payload the String function gets exactly as sent.
        Arguments.of(
            "truncated JSON",
            truncated,
            answer(
                result -> {
                  assertThat(result.isResponse()).as("%s%n%s", result, selected).isTrue();
                  assertThat(result.text())
                      .isEqualTo(
                          new String(truncated, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT));
                })),
        // An HTTP API event with wrong field types: a 400 problem in the HTTP API format.
        Arguments.of(
            "HTTP API event with wrong types",
            EventFiles.bytes("events/aws/broken/wrong-types.json"),
            answer(
                result -> {
                  Map<String, Object> response = response(result, selected);
                  assertThat(response.get("statusCode")).isEqualTo(400L);
                  assertThat(header(response, "Content-Type"))
                      .startsWith("application/problem+json");
                  @SuppressWarnings("unchecked")
                  Map<String, Object> problem =
                      (Map<String, Object>) JsonTree.parse((String) response.get("body"));
                  assertThat(problem.get("status")).isEqualTo(400L);
                  assertThat(problem.get("phase")).isEqualTo("DECODE");
                  assertThat((String) problem.get("detail"))
                      .startsWith("Malformed api-gateway-http event:");
                  assertThat((String) problem.get("detail"))
                      .containsAnyOf("'headers'", "'isBase64Encoded'");
                  assertThat(problem.get("requestId")).isEqualTo(result.requestId());
                })),
        // A Records event of a source the adapter does not serve: refused, never a direct call.
        Arguments.of(
            "unsupported SES event",
            EventFiles.bytes("events/aws/unsupported/ses.json"),
            answer(
                result -> {
                  LambdaErrorReport error = error(result, selected, ROUTE);
                  assertThat(error.errorMessage())
                      .hasValueSatisfying(
                          message ->
                              assertThat(message)
                                  .startsWith("Unsupported event")
                                  .contains("aws:ses"));
                })),
        // Bytes that are not text: a DECODE failure of the String function.
        Arguments.of(
            "random bytes",
            random,
            answer(
                result -> {
                  LambdaErrorReport error = error(result, selected, DECODE);
                  assertThat(error.errorMessage())
                      .hasValueSatisfying(
                          message ->
                              assertThat(message)
                                  .contains("'uppercase'")
                                  .contains("DECODE")
                                  .contains("UTF-8"));
                })),
        // Nesting far beyond the JSON parser's limit: not a JSON document, so a direct invocation.
        Arguments.of(
            "JSON nested 10000 deep",
            deep,
            answer(
                result -> {
                  assertThat(result.isResponse()).as("%s%n%s", result, selected).isTrue();
                  assertThat(result.text()).isEqualTo(new String(deep, StandardCharsets.US_ASCII));
                })));
  }

  private static Consumer<LambdaInvocationResult> answer(Consumer<LambdaInvocationResult> check) {
    return check;
  }

  /** Checks that the runtime posted an fn4j function error of a type, and no stack trace. */
  LambdaErrorReport error(LambdaInvocationResult result, RuntimeUnderTest runtime, String type) {
    assertThat(result.isError()).as("%s%n%s", result, runtime).isTrue();
    LambdaErrorReport error = result.error().orElseThrow();
    assertThat(error.errorType()).as("%s", error.body()).hasValue(type);
    assertThat(error.stackTrace()).as("%s", error.body()).isEmpty();
    assertThat(error.body()).doesNotContain("\tat ").doesNotContain("at dev.fn4j.");
    assertErrorHeaders(error, type);
    return error;
  }

  /** Checks that the runtime posted a response and parses it as a JSON object. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> response(LambdaInvocationResult result, RuntimeUnderTest runtime) {
    assertThat(result.isResponse()).as("%s%n%s", result, runtime).isTrue();
    Object json = JsonTree.parse(result.bytes());
    assertThat(json).as("%s", result).isInstanceOf(Map.class);
    return (Map<String, Object>) json;
  }

  /** Reads a header of an HTTP API response, ignoring the case of its name. */
  static String header(Map<String, Object> response, String name) {
    assertThat(response.get("headers")).as("%s", response).isInstanceOf(Map.class);
    return ((Map<?, ?>) response.get("headers"))
        .entrySet().stream()
            .filter(entry -> name.equalsIgnoreCase((String) entry.getKey()))
            .map(entry -> (String) entry.getValue())
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + name + " header in " + response));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> records(String event) {
    return (List<Map<String, Object>>) ((Map<String, Object>) JsonTree.parse(event)).get("Records");
  }
}
