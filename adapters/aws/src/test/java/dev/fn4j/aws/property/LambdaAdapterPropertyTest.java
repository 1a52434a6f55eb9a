package dev.fn4j.aws.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.fn4j.aws.LambdaAdapter;
import dev.fn4j.aws.LambdaFailure;
import dev.fn4j.aws.event.EventClassifier;
import dev.fn4j.aws.event.EventKind;
import dev.fn4j.aws.event.UnsupportedEventException;
import dev.fn4j.aws.support.BatchFailures;
import dev.fn4j.aws.support.CapturedLogs;
import dev.fn4j.aws.support.Events;
import dev.fn4j.aws.support.Lambda;
import dev.fn4j.aws.testfunctions.EchoBytes;
import dev.fn4j.aws.testfunctions.Fortune;
import dev.fn4j.aws.testfunctions.Greet;
import dev.fn4j.aws.testfunctions.Uppercase;
import dev.fn4j.core.convert.JsonCodec;
import dev.fn4j.core.convert.JsonTree;
import dev.fn4j.testkit.EventFiles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.LogRecord;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever arrives — random bytes, random JSON, damaged versions of the project's event files —
 * {@link LambdaAdapter#handle} either answers in the documented shape of the event's kind or throws
 * a {@link LambdaFailure}; never any other exception, never a stack trace. Each input goes through
 * two applications: one routed by path, queue and type among several functions, one with {@code
 * FN4J_FUNCTION} selecting a record function. The outcome counts are printed at the end.
 */
class LambdaAdapterPropertyTest {

  private static final Set<String> PHASE_TYPES =
      Set.of(
          "dev.fn4j.aws.LambdaFailure$Route",
          "dev.fn4j.aws.LambdaFailure$Decode",
          "dev.fn4j.aws.LambdaFailure$Invoke",
          "dev.fn4j.aws.LambdaFailure$Encode");

  /** Keys AWS uses as discriminators or fields that are read, so random JSON hits the readers. */
  private static final List<String> KEYS =
      List.of(
          "Records",
          "eventSource",
          "EventSource",
          "version",
          "routeKey",
          "rawPath",
          "requestContext",
          "http",
          "method",
          "elb",
          "httpMethod",
          "resource",
          "stage",
          "path",
          "headers",
          "multiValueHeaders",
          "body",
          "isBase64Encoded",
          "cookies",
          "queryStringParameters",
          "multiValueQueryStringParameters",
          "detail-type",
          "source",
          "detail",
          "messageId",
          "kinesis",
          "data",
          "sequenceNumber",
          "dynamodb",
          "SequenceNumber",
          "Sns",
          "Message",
          "MessageId",
          "s3",
          "bucket",
          "object",
          "key",
          "name",
          "domainName",
          "messageAttributes");

  private static final List<String> VALUES =
      List.of(
          "aws:sqs",
          "aws:kinesis",
          "aws:dynamodb",
          "aws:sns",
          "aws:s3",
          "aws:ses",
          "2.0",
          "0",
          "POST",
          "GET",
          "/greet",
          "/uppercase",
          "/nowhere",
          "$default",
          "prod",
          "hello",
          "boom",
          "aGVsbG8=",
          "x.lambda-url.eu-west-1.on.aws",
          "{\"name\":\"Ada\"}",
          "");

  private static final Map<String, AtomicInteger> OUTCOMES = new ConcurrentHashMap<>();
  private static final CapturedLogs LOGS = new CapturedLogs();

  private static final LambdaAdapter ROUTED =
      Lambda.adapter(
          registry ->
              registry
                  .add("greet", new Greet())
                  .add("uppercase", new Uppercase())
                  .add("fortune", new Fortune())
                  .add("echo", new EchoBytes()));
  private static final LambdaAdapter SELECTED =
      Lambda.adapter(
          registry -> registry.add("greet", new Greet()).add("uppercase", new Uppercase()),
          Map.of("FN4J_FUNCTION", "greet"));

  @BeforeContainer
  static void captureLogs() {
    LOGS.start();
  }

  @AfterContainer
  static void printOutcomesAndCheckLogs() {
    List<LogRecord> records = LOGS.records();
    LOGS.stop();
    System.out.println(summary(records.size()));
    for (LogRecord record : records) {
      assertThat(record.getThrown()).as(record.getMessage()).isNull();
      assertThat(record.getMessage()).doesNotContain("\tat ");
    }
  }

  @Property(tries = 300)
  void randomBytesAreAnsweredOrFailCleanly(@ForAll("randomBytes") byte[] payload) {
    check("random bytes", payload);
  }

  @Property(tries = 300)
  void randomJsonIsAnsweredOrFailsCleanly(@ForAll("randomJson") String json) {
    check("random JSON", json.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 300)
  void mutatedEventFilesAreAnsweredOrFailCleanly(@ForAll("mutatedEvents") Mutated event) {
    check("mutated event files", event.bytes());
  }

  @Provide
  Arbitrary<byte[]> randomBytes() {
    return Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
        Arbitraries.strings().all().ofMaxLength(100).map(s -> s.getBytes(StandardCharsets.UTF_8)),
        Arbitraries.strings()
            .withChars("{}[]\":,0123456789.-+eEtrufalsn \\")
            .ofMaxLength(60)
            .map(s -> s.getBytes(StandardCharsets.UTF_8)));
  }

  @Provide
  Arbitrary<String> randomJson() {
    Arbitrary<Object> value = Arbitraries.recursive(this::leaf, this::container, 0, 4);
    Arbitrary<Object> topLevel =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, object(value)),
            net.jqwik.api.Tuple.of(3, recordsEvent(value)),
            net.jqwik.api.Tuple.of(4, skeletonEvent(value)),
            net.jqwik.api.Tuple.of(1, value));
    return topLevel.map(JsonTree::write);
  }

  private Arbitrary<Object> leaf() {
    return Arbitraries.oneOf(
        Arbitraries.of(VALUES).map(v -> (Object) v),
        Arbitraries.strings().ofMaxLength(12).map(v -> (Object) v),
        Arbitraries.longs().map(v -> (Object) v),
        Arbitraries.bigDecimals().ofScale(3).map(v -> (Object) v),
        Arbitraries.of(true, false).map(v -> (Object) v),
        Arbitraries.just(null));
  }

  private Arbitrary<Object> container(Arbitrary<Object> inner) {
    return Arbitraries.oneOf(object(inner), inner.list().ofMaxSize(3).map(list -> (Object) list));
  }

  private Arbitrary<Object> object(Arbitrary<Object> inner) {
    Arbitrary<String> keys =
        Arbitraries.oneOf(Arbitraries.of(KEYS), Arbitraries.strings().alpha().ofMaxLength(6));
    return Arbitraries.maps(keys, inner).ofMaxSize(6).map(map -> (Object) new LinkedHashMap<>(map));
  }

  /**
   * The discriminators of an HTTP or EventBridge event, with random fields added or overriding
   * them, so that the readers behind classification see random values.
   */
  private Arbitrary<Object> skeletonEvent(Arbitrary<Object> inner) {
    Map<String, Object> http = Map.of("method", "POST", "path", "/greet");
    List<Map<String, Object>> skeletons =
        List.of(
            Map.of(
                "version", "2.0",
                "routeKey", "POST /greet",
                "rawPath", "/greet",
                "requestContext", Map.of("http", http, "stage", "$default")),
            Map.of(
                "version", "2.0",
                "routeKey", "$default",
                "rawPath", "/uppercase",
                "requestContext",
                    Map.of("http", http, "domainName", "u.lambda-url.eu-west-1.on.aws")),
            Map.of(
                "httpMethod", "POST",
                "resource", "/{proxy+}",
                "path", "/greet",
                "requestContext", Map.of("stage", "prod")),
            Map.of(
                "httpMethod", "POST",
                "path", "/uppercase",
                "requestContext", Map.of("elb", Map.of("targetGroupArn", "arn"))),
            Map.of(
                "version", "0",
                "detail-type", "greet",
                "source", "com.example",
                "detail", Map.of("name", "Ada")));
    return Combinators.combine(Arbitraries.of(skeletons), object(inner))
        .as(
            (skeleton, extra) -> {
              @SuppressWarnings("unchecked")
              Map<String, Object> event = (Map<String, Object>) Events.mutableCopy(skeleton);
              @SuppressWarnings("unchecked")
              Map<String, Object> fields = (Map<String, Object>) extra;
              fields.forEach(
                  (key, field) -> {
                    if (!key.equals("requestContext") || field instanceof Map) {
                      event.put(key, field);
                    }
                  });
              return (Object) event;
            });
  }

  /** A {@code Records} event of a random source whose records are random objects. */
  private Arbitrary<Object> recordsEvent(Arbitrary<Object> inner) {
    Arbitrary<Object> record =
        Combinators.combine(
                Arbitraries.of("aws:sqs", "aws:kinesis", "aws:dynamodb", "aws:sns", "aws:s3"),
                object(inner))
            .as(
                (source, fields) -> {
                  @SuppressWarnings("unchecked")
                  Map<String, Object> map = new LinkedHashMap<>((Map<String, Object>) fields);
                  map.put(source.equals("aws:sns") ? "EventSource" : "eventSource", source);
                  return (Object) map;
                });
    return record
        .list()
        .ofMinSize(1)
        .ofMaxSize(3)
        .map(records -> (Object) new LinkedHashMap<>(Map.of("Records", records)));
  }

  @Provide
  Arbitrary<Mutated> mutatedEvents() {
    List<String> files =
        EventFiles.list(Events.FOLDER).stream()
            .filter(path -> path.endsWith(".json") || path.endsWith(".txt"))
            .map(path -> path.substring(Events.FOLDER.length() + 1))
            .toList();
    return Combinators.combine(
            Arbitraries.of(files),
            Arbitraries.of(Mutation.class).list().ofMinSize(1).ofMaxSize(3),
            Arbitraries.longs())
        .as(Mutated::new);
  }

  /**
   * A project event file with mutations applied at positions chosen by a seed.
   *
   * @param file the event file below {@code events/aws}
   * @param mutations the mutations, in order
   * @param seed chooses the positions
   */
  record Mutated(String file, List<Mutation> mutations, long seed) {

    byte[] bytes() {
      byte[] original = Events.bytes(file);
      Object tree;
      try {
        tree = Events.mutableCopy(JsonTree.parse(original));
      } catch (JsonCodec.JsonDecodeException e) {
        return Mutation.apply(
            new String(original, StandardCharsets.UTF_8), mutations, new Random(seed));
      }
      return Mutation.apply(tree, mutations, new Random(seed));
    }
  }

  private static void check(String source, byte[] payload) {
    for (LambdaAdapter adapter : List.of(ROUTED, SELECTED)) {
      String outcome = outcome(adapter, payload);
      OUTCOMES
          .computeIfAbsent(source + "\t" + outcome, key -> new AtomicInteger())
          .incrementAndGet();
    }
  }

  /** Runs one invocation, checks its outcome and describes it as {@code kind -> outcome}. */
  private static String outcome(LambdaAdapter adapter, byte[] payload) {
    EventKind kind;
    try {
      kind = EventClassifier.classify(payload).kind();
    } catch (UnsupportedEventException e) {
      kind = null;
    }
    String name = kind == null ? "unsupported" : kind.id();
    byte[] response;
    try {
      response = Lambda.handle(adapter, payload);
    } catch (LambdaFailure failure) {
      assertThat(kind)
          .as("an HTTP event never ends in a thrown failure")
          .matches(k -> k == null || !k.isHttp());
      assertThat(failure.errorType()).isIn(PHASE_TYPES);
      assertThat(failure.getStackTrace()).isEmpty();
      assertThat(failure.getCause()).isNull();
      assertThat(failure.getMessage())
          .isNotBlank()
          .doesNotContain("\tat ")
          .doesNotContain(Uppercase.SECRET);
      return name + "\tLambdaFailure$" + failure.getClass().getSimpleName();
    } catch (RuntimeException | Error unexpected) {
      return fail(
          "neither a response nor a LambdaFailure for a " + name + " event: " + unexpected,
          unexpected);
    }
    String text = new String(response, StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("\tat ").doesNotContain(Uppercase.SECRET);
    if (kind == null) {
      return fail("an unsupported event was answered: " + text);
    }
    if (kind.isHttp()) {
      return name + "\tHTTP " + checkHttp(response);
    }
    return switch (kind) {
      case SQS, KINESIS, DYNAMODB ->
          name
              + "\tbatch, "
              + (BatchFailures.of(response).isEmpty() ? "none" : "some")
              + " reported";
      default -> name + "\tfunction output";
    };
  }

  /** Checks the response shape of an HTTP event and returns its status class. */
  @SuppressWarnings("unchecked")
  private static String checkHttp(byte[] response) {
    Object parsed = JsonTree.parse(response);
    assertThat(parsed).isInstanceOf(Map.class);
    Map<String, Object> json = (Map<String, Object>) parsed;
    assertThat(json).containsKeys("statusCode", "body", "isBase64Encoded");
    assertThat(json.get("statusCode")).isInstanceOf(Number.class);
    assertThat(json.get("body")).isInstanceOf(String.class);
    assertThat(json.get("isBase64Encoded")).isInstanceOf(Boolean.class);
    assertThat(json.keySet())
        .isSubsetOf(
            "statusCode",
            "statusDescription",
            "headers",
            "multiValueHeaders",
            "cookies",
            "body",
            "isBase64Encoded");
    int status = ((Number) json.get("statusCode")).intValue();
    assertThat(status).isBetween(100, 599);
    if (status >= 400) {
      Map<String, Object> problem = (Map<String, Object>) JsonTree.parse((String) json.get("body"));
      assertThat(((Number) problem.get("status")).intValue()).isEqualTo(status);
      assertThat(problem).containsKeys("type", "title", "detail", "phase");
    }
    return status / 100 + "xx";
  }

  private static String summary(int logLines) {
    Map<String, Map<String, Integer>> bySource = new TreeMap<>();
    OUTCOMES.forEach(
        (key, count) -> {
          int tab = key.indexOf('\t');
          bySource
              .computeIfAbsent(key.substring(0, tab), source -> new TreeMap<>())
              .put(key.substring(tab + 1).replace('\t', ' '), count.get());
        });
    StringBuilder text =
        new StringBuilder(
            "\nLambdaAdapter property outcomes (each input through 2 applications)\n");
    int total = 0;
    for (Map.Entry<String, Map<String, Integer>> source : bySource.entrySet()) {
      int sum = source.getValue().values().stream().mapToInt(Integer::intValue).sum();
      total += sum;
      text.append(String.format("  %s: %d invocations%n", source.getKey(), sum));
      List<Map.Entry<String, Integer>> rows = new ArrayList<>(source.getValue().entrySet());
      for (Map.Entry<String, Integer> row : rows) {
        String[] parts = row.getKey().split(" ", 2);
        text.append(String.format("    %-18s %-26s %5d%n", parts[0], parts[1], row.getValue()));
      }
    }
    text.append(
        String.format(
            "  total: %d invocations, 0 unexpected exceptions, 0 stack traces; %d log lines, none"
                + " with a stack trace%n",
            total, logLines));
    return text.toString();
  }
}
