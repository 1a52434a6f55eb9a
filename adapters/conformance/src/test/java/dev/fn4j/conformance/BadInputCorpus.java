package dev.fn4j.conformance;

import static dev.fn4j.conformance.AdapterPaths.ALIBABA_BUILTIN;
import static dev.fn4j.conformance.AdapterPaths.ALIBABA_CUSTOM_RUNTIME;
import static dev.fn4j.conformance.AdapterPaths.AWS_LAMBDA_HANDLER;
import static dev.fn4j.conformance.AdapterPaths.AWS_RUNTIME_API;
import static dev.fn4j.conformance.AdapterPaths.AZURE_CUSTOM_HANDLER;
import static dev.fn4j.conformance.AdapterPaths.AZURE_CUSTOM_HANDLER_PROXIED;
import static dev.fn4j.conformance.AdapterPaths.GCP_HTTP;
import static dev.fn4j.conformance.AdapterPaths.KNATIVE;
import static dev.fn4j.conformance.AdapterPaths.KNATIVE_CLOUDEVENT;
import static dev.fn4j.conformance.AdapterPaths.LOCAL;

import dev.fn4j.conformance.Expected.Answer;
import dev.fn4j.conformance.Expected.Failure;
import dev.fn4j.conformance.Expected.Problem;
import dev.fn4j.conformance.Expected.Status;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A named corpus of bad calls to the application of {@link ConformanceFunctions}, each with the
 * paths it applies to and what each path must answer: the documented failure of DESIGN.md §6 (a
 * status and an {@code application/problem+json} body naming the phase, and the function where
 * there is one), Knative's rules on {@code knative-cloudevent}, or, where the platform legitimately
 * answers otherwise, that answer with the reason. A path left out is named with the reason too (the
 * input cannot travel that way, or a bug excludes it).
 *
 * <p>Two ways to send: a {@link Call} along {@link AdapterPaths} (the neutral request every path
 * carries), or a {@link RawRequest} along {@link RawPaths} (what a {@code Call} refuses: odd
 * targets, line breaks in header values, envelope bodies, CloudEvent attributes left out). Every
 * call carries {@code Authorization: Bearer conformance-secret-token}, which must never come back.
 *
 * <p>Groups: JSON syntax and types; polymorphic type hints (which must not instantiate {@link
 * Tripwire}); invalid UTF-8; sizes; base64; CloudEvents; unknown function names; header injection;
 * methods. Data-heavy by design, hence longer than the usual 400 lines.
 */
final class BadInputCorpus {

  /** The paths whose server fn4j runs and that a socket reaches: header lines as written. */
  static final List<String> SOCKET =
      List.of(
          LOCAL, KNATIVE, KNATIVE_CLOUDEVENT, ALIBABA_CUSTOM_RUNTIME, AZURE_CUSTOM_HANDLER_PROXIED);

  /** The paths whose envelope carries a text body as a JSON string, already decoded. */
  static final List<String> TEXT_ENVELOPES =
      List.of(AWS_LAMBDA_HANDLER, AWS_RUNTIME_API, ALIBABA_BUILTIN, AZURE_CUSTOM_HANDLER);

  /** The paths whose envelope has a base64 flag of its own. */
  static final List<String> BASE64_ENVELOPES =
      List.of(AWS_LAMBDA_HANDLER, AWS_RUNTIME_API, ALIBABA_BUILTIN);

  /** The paths with a server {@link RawPaths} starts, at its small body limit. */
  static final List<String> SERVERS =
      List.of(
          LOCAL,
          KNATIVE,
          KNATIVE_CLOUDEVENT,
          ALIBABA_CUSTOM_RUNTIME,
          AZURE_CUSTOM_HANDLER,
          AZURE_CUSTOM_HANDLER_PROXIED);

  /** The largest body the local runner, Knative and the Azure handler take by default. */
  static final int DEFAULT_LIMIT = 6 * 1024 * 1024;

  private static final String TEXT_ENVELOPE_REASON =
      "the envelope carries a text body as a JSON string: the platform (here the harness, as API"
          + " Gateway, FC and the Functions host do) decoded the bytes, invalid ones as U+FFFD,"
          + " before the adapter sees them";

  /** A class that counts its instances: a type hint in request data must never create one. */
  public static final class Tripwire {
    /** How many were created. */
    static final AtomicInteger CREATED = new AtomicInteger();

    /** A property a hint's object could set. */
    public String value;

    /** Counts the instance. */
    public Tripwire() {
      CREATED.incrementAndGet();
    }
  }

  private static final String TRIPWIRE = Tripwire.class.getName();

  /** How a call is sent. */
  sealed interface Delivery permits Neutral, Raw {}

  /**
   * Along {@link AdapterPaths}.
   *
   * @param call the call
   */
  record Neutral(Call call) implements Delivery {}

  /**
   * Along {@link RawPaths}.
   *
   * @param request the request
   */
  record Raw(RawRequest request) implements Delivery {}

  /**
   * One bad call.
   *
   * @param name a stable name, for example {@code json-truncated-object}
   * @param group what kind of bad input
   * @param delivery how it is sent
   * @param expected by path, for every path it applies to; the default has a null reason
   * @param skipped the paths it does not apply to, each with the reason
   */
  record Entry(
      String name,
      String group,
      Delivery delivery,
      Map<String, Expected> expected,
      Map<String, String> skipped) {

    /** Returns the paths whose expectation is the entry's default: they must all agree. */
    List<String> agreeing() {
      return expected.entrySet().stream()
          .filter(e -> e.getValue().reason() == null)
          .map(Map.Entry::getKey)
          .toList();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private BadInputCorpus() {}

  static Problem problem(int status, String phase, String function) {
    return new Problem(status, phase, function, null);
  }

  static Answer answer(int status, String contentType, String body) {
    return new Answer(Outcome.of(status, contentType, body), null);
  }

  static Answer answer(int status, String contentType, byte[] body) {
    return new Answer(Outcome.of(status, contentType, body), null);
  }

  /**
   * Returns the corpus.
   *
   * @return every entry, in group order
   */
  static List<Entry> entries() {
    List<Entry> entries = new ArrayList<>();
    json(entries);
    hints(entries);
    utf8(entries);
    sizes(entries);
    base64(entries);
    cloudEvents(entries);
    names(entries);
    headers(entries);
    methods(entries);
    return List.copyOf(entries);
  }

  // ---- JSON syntax and types -----------------------------------------------------------------

  private static void json(List<Entry> entries) {
    String group = "JSON syntax and types";
    Problem greet = problem(400, "DECODE", "greet");
    Problem ship = problem(400, "DECODE", "ship");
    entries.add(json(group, "json-truncated-object", "greet", "{\"name\":\"Ada\",\"lang", greet));
    entries.add(
        json(group, "json-truncated-array", "ship", "[{\"id\":\"a\",\"quantity\":1},", ship));
    entries.add(json(group, "json-array-for-a-string", "greet", "{\"name\":[\"Ada\"]}", greet));
    entries.add(json(group, "json-number-for-a-record", "greet", "42", greet));
    entries.add(json(group, "json-null-for-a-record", "greet", "null", greet));
    entries.add(json(group, "json-string-for-a-list", "ship", "\"orders\"", ship));
    entries.add(json(group, "json-empty-body", "greet", "", greet));
    entries.add(
        json(
            group,
            "json-number-of-5000-digits",
            "greet",
            "{\"name\":\"Ada\",\"language\":" + "9".repeat(5_000) + "}",
            greet));
    entries.add(
        json(
            group,
            "json-5000-nested-arrays",
            "greet",
            "[".repeat(5_000) + "]".repeat(5_000),
            greet));
    entries.add(
        json(
            group,
            "json-5000-nested-objects",
            "greet",
            "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000),
            greet));
    entries.add(
        json(group, "json-5000-unclosed-arrays-to-a-record", "greet", "[".repeat(5_000), greet));
    String deep = "[".repeat(5_000);
    entries.add(
        build(
            group,
            "json-5000-nested-arrays-to-a-string-function",
            new Neutral(call("uppercase", "text/plain", deep)),
            answer(200, "text/plain", deep)));
    entries.add(
        build(
            group,
            "json-sent-as-text-to-a-record",
            new Neutral(call("greet", "text/plain", "{\"name\":\"Ada\"}")),
            problem(415, "DECODE", "greet"),
            Map.of(
                KNATIVE_CLOUDEVENT,
                problem(400, "DECODE", "greet")
                    .because(
                        "Knative: a content type the function cannot read is 400, never"
                            + " retried (adapters/knative README)"))));
    entries.add(
        build(
            group,
            "text-with-an-unknown-charset",
            new Neutral(call("uppercase", "text/plain; charset=x-fn4j-unknown", "abc")),
            problem(415, "DECODE", "uppercase"),
            unknownCharset()));
  }

  private static Map<String, Expected> unknownCharset() {
    Map<String, Expected> overrides = new LinkedHashMap<>();
    overrides.put(
        KNATIVE_CLOUDEVENT,
        problem(400, "DECODE", "uppercase")
            .because("Knative: an unreadable content type is 400, never retried"));
    String text =
        "the envelope carries the body as a JSON string, text already: the adapter hands the core"
            + " that text, and a charset, which names the encoding of bytes the envelope no"
            + " longer has, is not consulted (the Azure host's payload is turned back into UTF-8"
            + " bytes, so that path checks it)";
    for (String path : BASE64_ENVELOPES) {
      overrides.put(path, answer(200, "text/plain", "ABC").because(text));
    }
    return overrides;
  }

  private static Entry json(
      String group, String name, String function, String json, Problem expected) {
    return build(group, name, new Neutral(call(function, "application/json", json)), expected);
  }

  // ---- Polymorphic type hints ----------------------------------------------------------------

  private static void hints(List<Entry> entries) {
    String group = "polymorphic type hints";
    Answer hello = answer(200, "application/json", "{\"message\":\"Hello, Ada!\",\"length\":3}");
    Problem refused = problem(400, "DECODE", "greet");
    entries.add(
        hint(
            group, "hint-class-jdk-type", "{\"@class\":\"java.net.URL\",\"name\":\"Ada\"}", hello));
    entries.add(
        hint(group, "hint-class", "{\"@class\":\"" + TRIPWIRE + "\",\"name\":\"Ada\"}", hello));
    entries.add(
        hint(group, "hint-type", "{\"@type\":\"" + TRIPWIRE + "\",\"name\":\"Ada\"}", hello));
    entries.add(
        hint(
            group,
            "hint-object-for-a-string",
            "{\"name\":{\"@class\":\"" + TRIPWIRE + "\",\"value\":\"x\"},\"language\":\"de\"}",
            refused));
    entries.add(
        hint(
            group,
            "hint-wrapper-array",
            "[\"" + TRIPWIRE + "\",{\"name\":\"Ada\",\"value\":\"x\"}]",
            refused));
    entries.add(
        build(
            group,
            "hint-wrapper-array-in-a-list",
            new Neutral(
                call(
                    "ship",
                    "application/json",
                    "[[\"" + TRIPWIRE + "\",{\"id\":\"a\",\"quantity\":1}]]")),
            problem(400, "DECODE", "ship")));
  }

  private static Entry hint(String group, String name, String json, Expected expected) {
    return build(group, name, new Neutral(call("greet", "application/json", json)), expected);
  }

  // ---- Invalid UTF-8 -------------------------------------------------------------------------

  private static void utf8(List<Entry> entries) {
    String group = "invalid UTF-8";
    byte[] text = {'h', (byte) 0xC3, '(', (byte) 0xFF};
    byte[] json = concat("{\"name\":\"", new byte[] {(byte) 0xC3, '('}, "\"}");
    entries.add(
        build(
            group,
            "utf8-invalid-text",
            new Neutral(call("uppercase", "text/plain", text)),
            problem(400, "DECODE", "uppercase"),
            textEnvelopes(answer(200, "text/plain", "H\uFFFD(\uFFFD"))));
    entries.add(
        build(
            group,
            "utf8-invalid-json",
            new Neutral(call("greet", "application/json", json)),
            problem(400, "DECODE", "greet"),
            textEnvelopes(
                answer(
                    200, "application/json", "{\"message\":\"Hello, \uFFFD(!\",\"length\":2}"))));
    entries.add(
        build(
            group,
            "utf8-invalid-text-is-refused-before-the-function-runs",
            new Neutral(call("explode", "text/plain", new byte[] {(byte) 0xFF})),
            problem(400, "DECODE", "explode"),
            textEnvelopes(problem(500, "INVOKE", "explode"))));
    entries.add(
        envelopeOnly(
            group,
            "utf8-invalid-text-in-base64",
            RawRequest.post("/uppercase", "text/plain", new byte[0])
                .withEnvelopeBody(Base64.getEncoder().encodeToString(text), true),
            problem(400, "DECODE", "uppercase")));
    entries.add(
        envelopeOnly(
            group,
            "utf8-invalid-json-in-base64",
            RawRequest.post("/greet", "application/json", new byte[0])
                .withEnvelopeBody(Base64.getEncoder().encodeToString(json), true),
            problem(400, "DECODE", "greet")));
  }

  private static Map<String, Expected> textEnvelopes(Expected expected) {
    Map<String, Expected> overrides = new LinkedHashMap<>();
    TEXT_ENVELOPES.forEach(path -> overrides.put(path, expected.because(TEXT_ENVELOPE_REASON)));
    return overrides;
  }

  /** A raw request for the envelopes with a base64 flag; the others cannot carry it. */
  private static Entry envelopeOnly(
      String group, String name, RawRequest request, Expected expected) {
    Map<String, String> skipped = new LinkedHashMap<>();
    for (String path : AdapterPaths.NAMES) {
      if (!BASE64_ENVELOPES.contains(path)) {
        skipped.put(
            path,
            path.equals(AZURE_CUSTOM_HANDLER)
                ? "the Functions host sends a text body as a JSON string, never in base64"
                : "no envelope: the body travels as bytes (utf8-invalid-* covers them)");
      }
    }
    return build(group, name, new Raw(withBearer(request)), expected, Map.of(), skipped);
  }

  // ---- Sizes ---------------------------------------------------------------------------------

  private static void sizes(List<Entry> entries) {
    String group = "body over the limit";
    String overDefault = "a".repeat(DEFAULT_LIMIT + 1);
    Answer uppercased = answer(200, "text/plain", overDefault.toUpperCase(java.util.Locale.ROOT));
    Map<String, Expected> overrides = new LinkedHashMap<>();
    String bigger = "its default limit is 32 MiB, the platform's own (adapters/%s README)";
    overrides.put(GCP_HTTP, uppercased.because(String.format(bigger, "gcp")));
    overrides.put(ALIBABA_CUSTOM_RUNTIME, uppercased.because(String.format(bigger, "alibaba")));
    overrides.put(ALIBABA_BUILTIN, uppercased.because(String.format(bigger, "alibaba")));
    String lambda =
        "the Lambda adapter has no limit of its own: Lambda refuses invocation payloads over 6 MB"
            + " before the handler runs (API Gateway answers 413)";
    overrides.put(AWS_LAMBDA_HANDLER, uppercased.because(lambda));
    overrides.put(AWS_RUNTIME_API, uppercased.because(lambda));
    overrides.put(
        AZURE_CUSTOM_HANDLER,
        new Failure(
            "a payload request over FN4J_MAX_BODY_BYTES fails the invocation (adapters/azure"
                + " README, Failures)"));
    overrides.put(KNATIVE_CLOUDEVENT, cloudEventTooLarge());
    entries.add(
        build(
            group,
            "body-over-the-default-limit",
            new Neutral(call("uppercase", "text/plain", overDefault)),
            problem(413, "DECODE", "uppercase"),
            overrides));
    String small = "b".repeat(RawPaths.SMALL_LIMIT + 1);
    Map<String, String> entryClasses = new LinkedHashMap<>();
    for (String path : AdapterPaths.NAMES) {
      if (!SERVERS.contains(path)) {
        entryClasses.put(
            path,
            "the entry class serves the process's runtime, whose limit a test cannot lower;"
                + " body-over-the-default-limit covers it");
      }
    }
    entries.add(
        build(
            group,
            "body-over-a-configured-limit",
            new Raw(withBearer(RawRequest.post("/uppercase", "text/plain", small))),
            problem(413, "DECODE", "uppercase"),
            Map.of(
                AZURE_CUSTOM_HANDLER,
                new Failure("a payload request over FN4J_MAX_BODY_BYTES fails the invocation"),
                KNATIVE_CLOUDEVENT,
                cloudEventTooLarge()),
            entryClasses));
    Map<String, String> notSocket = notSocket("a chunked body needs a socket");
    entries.add(
        build(
            group,
            "body-over-a-configured-limit-chunked",
            new Raw(withBearer(RawRequest.post("/uppercase", "text/plain", small).sentChunked())),
            problem(413, "DECODE", "uppercase"),
            Map.of(KNATIVE_CLOUDEVENT, cloudEventTooLarge()),
            notSocket));
    entries.add(
        build(
            group,
            "content-length-not-a-number",
            new Raw(
                withBearer(
                    RawRequest.post("/uppercase", "text/plain", "abc")
                        .withHeader("Content-Length", "abc"))),
            new Status(400, null),
            Map.of(
                ALIBABA_CUSTOM_RUNTIME,
                new Failure(
                    "the JDK server answers a malformed request itself, before fn4j's handler, so"
                        + " without x-fc-status, which FC takes for a failed invocation; FC's"
                        + " front end never forwards such a request")),
            notSocket("only a socket sends a Content-Length of its own")));
  }

  /** A CloudEvent's body is refused before the event is read, so before any function is chosen. */
  private static Expected cloudEventTooLarge() {
    return problem(413, "DECODE", null)
        .because("the body is refused before the CloudEvent is read and routed: no function yet");
  }

  private static Map<String, String> notSocket(String reason) {
    Map<String, String> skipped = new LinkedHashMap<>();
    AdapterPaths.NAMES.stream()
        .filter(path -> !SOCKET.contains(path))
        .forEach(path -> skipped.put(path, reason));
    return skipped;
  }

  // ---- Base64 --------------------------------------------------------------------------------

  private static void base64(List<Entry> entries) {
    String group = "invalid base64";
    RawRequest invalid =
        RawRequest.post("/invert", "application/octet-stream", new byte[0])
            .withEnvelopeBody("!!!not base64!!!", true);
    Map<String, String> skipped = new LinkedHashMap<>();
    for (String path : AdapterPaths.NAMES) {
      if (!BASE64_ENVELOPES.contains(path) && !path.equals(AZURE_CUSTOM_HANDLER)) {
        skipped.put(path, "no base64 on this path: the body travels as bytes");
      }
    }
    entries.add(
        build(
            group,
            "base64-body-that-is-not-base64",
            new Raw(withBearer(invalid)),
            problem(400, "DECODE", null),
            Map.of(
                ALIBABA_BUILTIN,
                problem(400, "DECODE", null)
                    .because(
                        "the same failure; the detail names FC's trigger event where the Lambda"
                            + " paths name API Gateway's"),
                AZURE_CUSTOM_HANDLER,
                problem(400, "DECODE", "invert")
                    .because(
                        "the Functions host's payload reaches the function's own body reading,"
                            + " so the problem names the function")),
            skipped));
  }

  /** The Azure payload case excluded above, asserted on its own by a disabled test. */
  static RawRequest azureBodyThatIsNotBase64() {
    return withBearer(
        RawRequest.post("/invert", "application/octet-stream", new byte[0])
            .withEnvelopeBody("!!!not base64!!!", true));
  }

  // ---- CloudEvents ---------------------------------------------------------------------------

  private static void cloudEvents(List<Entry> entries) {
    String group = "invalid CloudEvents";
    Problem invalid = problem(400, "DECODE", null);
    RawRequest hello = withBearer(RawRequest.post("/uppercase", "text/plain", "hello"));
    for (String attribute : List.of("ce-id", "ce-source", "ce-type", "ce-specversion")) {
      entries.add(
          cloudEvent(group, "cloudevent-without-" + attribute, hello.omitting(attribute), invalid));
    }
    entries.add(
        cloudEvent(
            group,
            "cloudevent-unknown-specversion",
            hello.omitting("ce-specversion").withHeader("ce-specversion", "0.1"),
            invalid));
    entries.add(
        cloudEvent(group, "cloudevent-id-twice", hello.withHeader("ce-id", "again"), invalid));
    String[] ceHeaders = {"ce-id", "ce-source", "ce-type", "ce-specversion"};
    entries.add(
        cloudEvent(
            group,
            "cloudevent-structured-truncated",
            withBearer(
                    RawRequest.post(
                        "/uppercase",
                        "application/cloudevents+json",
                        "{\"specversion\":\"1.0\",\"id\":"))
                .omitting(ceHeaders),
            invalid));
    entries.add(
        cloudEvent(
            group,
            "cloudevent-structured-data-base64-not-base64",
            withBearer(
                    RawRequest.post(
                        "/invert",
                        "application/cloudevents+json",
                        "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\","
                            + "\"datacontenttype\":\"application/octet-stream\","
                            + "\"data_base64\":\"!!!not base64!!!\"}"))
                .omitting(ceHeaders),
            invalid));
    entries.add(
        cloudEvent(
            group,
            "cloudevent-unsupported-format",
            withBearer(RawRequest.post("/uppercase", "application/cloudevents+xml", "<event/>"))
                .omitting(ceHeaders),
            invalid));
    entries.add(
        cloudEvent(
            group, "cloudevent-by-get", hello.withMethod("GET"), problem(405, "ROUTE", null)));
  }

  private static Entry cloudEvent(
      String group, String name, RawRequest request, Expected expected) {
    Map<String, String> skipped = new LinkedHashMap<>();
    AdapterPaths.NAMES.stream()
        .filter(path -> !path.equals(KNATIVE_CLOUDEVENT))
        .forEach(path -> skipped.put(path, "CloudEvent attributes only mean something to Knative"));
    return build(group, name, new Raw(request), expected, Map.of(), skipped);
  }

  // ---- Unknown function names ----------------------------------------------------------------

  private static void names(List<Entry> entries) {
    String group = "unknown function names";
    entries.add(
        build(
            group,
            "name-unknown",
            new Neutral(call("no-such-function", "text/plain", "x")),
            problem(404, "ROUTE", "no-such-function")));
    entries.add(name(group, "name-dot-dot-etc-passwd", "/../etc/passwd", ".."));
    entries.add(name(group, "name-encoded-dot-dot", "/%2e%2e/%2e%2e/etc/passwd", ".."));
    entries.add(name(group, "name-encoded-slash", "/..%2Fetc%2Fpasswd", ".."));
    // 6,000: the Azure host's payload holds the name twice and must stay under the raw limit.
    entries.add(name(group, "name-6000-characters", "/" + "a".repeat(6_000), "a".repeat(6_000)));
    entries.add(name(group, "name-with-spaces", "/no%20such%20function", "no such function"));
    entries.add(name(group, "name-non-ascii", "/f%C3%BCnf%E2%82%AC", "f\u00fcnf\u20ac"));
    entries.add(
        name(group, "name-with-line-breaks", "/x%0D%0AForged:%20line", "x\r\nForged: line"));
    entries.add(name(group, "name-unknown-in-a-composition", "/uppercase%7Cnope", "nope"));
    entries.add(
        build(
            group,
            "name-percent-encoded-composition-of-known-functions",
            new Raw(withBearer(RawRequest.post(ENCODED_COMPOSITION, "text/plain", "x"))),
            answer(200, "text/plain", "X"),
            Map.of()));
  }

  /** {@code uppercase|uppercase} as a client sends it: {@code |} must be percent-encoded. */
  static final String ENCODED_COMPOSITION = "/uppercase%7Cuppercase";

  /** Line breaks and a stack-frame look-alike in a name: must not forge a log line. */
  static final String FORGING_NAME = "/x%0D%0A%09at%20forged.Frame(Forged.java:1)";

  private static Entry name(String group, String name, String target, String function) {
    return build(
        group,
        name,
        new Raw(withBearer(RawRequest.post(target, "text/plain", "x"))),
        problem(404, "ROUTE", function),
        Map.of());
  }

  // ---- Header injection ----------------------------------------------------------------------

  private static void headers(List<Entry> entries) {
    String group = "header injection";
    entries.add(header(group, "header-value-with-crlf", "a\r\nInjected: yes", "a"));
    entries.add(header(group, "header-value-with-lf", "a\nInjected: yes", "a"));
    entries.add(header(group, "header-value-with-cr", "a\rInjected: yes", "a"));
    entries.add(header(group, "header-value-folded", "a\r\n Injected: yes", "a Injected: yes"));
    entries.add(
        build(
            group,
            "traceparent-with-crlf",
            new Raw(
                withBearer(RawRequest.post("/echo-header", "text/plain", "-"))
                    .withHeader(
                        "traceparent",
                        "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\r\nInjected: yes")),
            answer(200, "text/plain", "(none)")));
    entries.add(
        build(
            group,
            "cloudevent-extension-with-encoded-crlf",
            new Raw(
                withBearer(RawRequest.post("/uppercase", "text/plain", "hello"))
                    .withHeader(
                        "ce-traceparent",
                        "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01%0D%0AInjected:%20yes")),
            answer(200, "text/plain", "HELLO"),
            Map.of(),
            notKnativeEvent()));
  }

  private static Map<String, String> notKnativeEvent() {
    Map<String, String> skipped = new LinkedHashMap<>();
    AdapterPaths.NAMES.stream()
        .filter(path -> !path.equals(KNATIVE_CLOUDEVENT))
        .forEach(path -> skipped.put(path, "CloudEvent attributes only mean something to Knative"));
    return skipped;
  }

  /** echo-header with X-Conformance set to a value with line breaks, written as it is. */
  private static Entry header(String group, String name, String value, String onTheWire) {
    RawRequest request =
        withBearer(RawRequest.post("/echo-header", "text/plain", "-"))
            .withHeader("X-Conformance", value);
    Map<String, Expected> overrides = new LinkedHashMap<>();
    for (String path : AdapterPaths.NAMES) {
      if (!SOCKET.contains(path)) {
        overrides.put(
            path,
            answer(200, "text/plain", value)
                .because(
                    "the envelope (or the invoker's request) carries the value with its line"
                        + " breaks; the function gets it whole, and it goes to the body only"));
      }
    }
    return build(group, name, new Raw(request), answer(200, "text/plain", onTheWire), overrides);
  }

  // ---- Methods -------------------------------------------------------------------------------

  private static void methods(List<Entry> entries) {
    Map<String, String> skipped = new LinkedHashMap<>();
    String bug =
        "bug: HttpInvoker and FcEventInvoker#httpTrigger never check the method (conformance"
            + " README, Known difference that is a bug; EveryAdapterPathTest pins it)";
    skipped.put(AWS_LAMBDA_HANDLER, bug);
    skipped.put(AWS_RUNTIME_API, bug);
    skipped.put(ALIBABA_BUILTIN, bug);
    skipped.put(KNATIVE_CLOUDEVENT, "a CloudEvent is always delivered with POST");
    entries.add(
        build(
            "unknown method",
            "method-unknown",
            new Neutral(
                Call.of("FOO", "uppercase", "text/plain", "x".getBytes(StandardCharsets.UTF_8))
                    .withHeader("Authorization", LeakWatch.AUTHORIZATION)),
            problem(405, "ROUTE", "uppercase"),
            Map.of(),
            skipped));
  }

  // ---- Building ------------------------------------------------------------------------------

  private static Call call(String function, String contentType, String body) {
    return Call.post(function, contentType, body)
        .withHeader("Authorization", LeakWatch.AUTHORIZATION);
  }

  private static Call call(String function, String contentType, byte[] body) {
    return Call.post(function, contentType, body)
        .withHeader("Authorization", LeakWatch.AUTHORIZATION);
  }

  static RawRequest withBearer(RawRequest request) {
    return request.withHeader("Authorization", LeakWatch.AUTHORIZATION);
  }

  private static byte[] concat(String head, byte[] middle, String tail) {
    byte[] start = head.getBytes(StandardCharsets.UTF_8);
    byte[] end = tail.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[start.length + middle.length + end.length];
    System.arraycopy(start, 0, all, 0, start.length);
    System.arraycopy(middle, 0, all, start.length, middle.length);
    System.arraycopy(end, 0, all, start.length + middle.length, end.length);
    return all;
  }

  private static Entry build(String group, String name, Delivery delivery, Expected expected) {
    return build(group, name, delivery, expected, Map.of(), Map.of());
  }

  private static Entry build(
      String group,
      String name,
      Delivery delivery,
      Expected expected,
      Map<String, ? extends Expected> overrides) {
    return build(group, name, delivery, expected, overrides, Map.of());
  }

  private static Entry build(
      String group,
      String name,
      Delivery delivery,
      Expected expected,
      Map<String, ? extends Expected> overrides,
      Map<String, String> skipped) {
    Map<String, Expected> byPath = new LinkedHashMap<>();
    for (String path : AdapterPaths.NAMES) {
      if (skipped.containsKey(path)) {
        continue;
      }
      Expected own = overrides.get(path);
      if (own != null && own.reason() == null) {
        throw new IllegalArgumentException(
            name + ": the difference on " + path + " needs a reason");
      }
      byPath.put(path, own == null ? expected : own);
    }
    return new Entry(name, group, delivery, byPath, Map.copyOf(skipped));
  }
}
