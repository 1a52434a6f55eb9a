package dev.fn4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.conformance.ConformanceFunctions.Greet;
import dev.fn4j.conformance.ConformanceFunctions.Person;
import dev.fn4j.core.convert.JsonCodec;
import dev.fn4j.core.convert.JsonTree;
import dev.fn4j.core.convert.Payload;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Arbitrary input along every path: bytes and strings to {@code uppercase} (a {@code String}
 * function), bytes and JSON-ish text to {@code greet} (a record function), and arbitrary unknown
 * function names. Each answer must be exactly what an oracle computes from the input as the path
 * carries it (a text envelope decodes the bytes first, invalid ones as U+FFFD; see {@link
 * BadInputCorpus#TEXT_ENVELOPES}):
 *
 * <ul>
 *   <li>{@code uppercase}: 200 with the upper-cased text, or 400 in phase DECODE when the bytes are
 *       not UTF-8;
 *   <li>{@code greet}: what the core's own JSON codec makes of the bytes: 400 DECODE when they do
 *       not decode to a {@code Person}, 200 with the greeting when they do, and 500 INVOKE only
 *       when they decode to a person without a name (the test application's function dereferences
 *       it: the function's own failure, not the adapter's handling of bad input);
 *   <li>an unknown name: 404 in phase ROUTE.
 * </ul>
 *
 * <p>So a path never answers 5xx for bad input, nor fails the invocation. No answer leaks ({@link
 * LeakWatch}), and after each property every path still serves a good call and nothing logged or
 * printed leaked. Bounded: 5 properties of 40 tries, each try along all 10 paths, 200 inputs per
 * path.
 */
class BadInputPropertyTest {

  private static final int TRIES = 40;

  private static BadInputRig rig;
  private static LeakWatch watch;
  private static AdapterPaths paths;
  private static RawPaths raw;
  private static BadInputSummary summary;

  @BeforeContainer
  static void start() {
    rig = BadInputRig.start("bad-input properties (BadInputPropertyTest)");
    watch = rig.watch;
    paths = rig.paths;
    raw = rig.raw;
    summary = rig.summary;
  }

  @AfterContainer
  static void stop() {
    rig.stop(
        "5 properties x "
            + TRIES
            + " tries, each along all "
            + AdapterPaths.NAMES.size()
            + " paths",
        List.of());
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.BOUNDED)
  void arbitrary_bytes_to_a_string_function(@ForAll @Size(min = 1, max = 64) byte[] body) {
    everyPath(Call.post("uppercase", "text/plain", body), path -> uppercase(path, body));
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.BOUNDED)
  void arbitrary_strings_to_a_string_function(
      @ForAll @StringLength(min = 1, max = 64) String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    everyPath(Call.post("uppercase", "text/plain", body), path -> uppercase(path, body));
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.BOUNDED)
  void arbitrary_bytes_to_a_record_function(@ForAll @Size(max = 64) byte[] body) {
    everyPath(Call.post("greet", "application/json", body), path -> greet(path, body));
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.BOUNDED)
  void json_like_text_to_a_record_function(@ForAll("jsonish") String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    everyPath(Call.post("greet", "application/json", body), path -> greet(path, body));
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.BOUNDED)
  void arbitrary_unknown_function_names(@ForAll("unknownNames") String name) {
    RawRequest request =
        BadInputCorpus.withBearer(RawRequest.post("/" + RawPaths.encode(name), "text/plain", "x"));
    List<String> problems = new ArrayList<>();
    for (String path : AdapterPaths.NAMES) {
      RawAnswer answer = raw.send(path, request);
      check(path, answer, new Expected.Status(404, null), problems);
      if (!answer.isFailure()) {
        answer
            .outcome()
            .problem()
            .filter(problem -> !"ROUTE".equals(problem.phase()))
            .ifPresent(problem -> problems.add(path + ": phase " + problem.phase()));
      }
    }
    assertThat(problems).as("name %s", describe(name)).isEmpty();
  }

  /** After each property: every path still serves a good call, and nothing leaked to the logs. */
  @AfterProperty
  void every_path_still_serves_and_nothing_leaked() {
    Comparison good = paths.compare(Call.post("uppercase", "text/plain", "still serving"));
    good.assertSameAs(AdapterPaths.LOCAL);
    assertThat(good.outcome(AdapterPaths.LOCAL))
        .isEqualTo(Outcome.of(200, "text/plain", "STILL SERVING"));
    for (String path : AdapterPaths.NAMES) {
      RawAnswer answer =
          raw.send(path, RawRequest.post("/uppercase", "text/plain", "still serving"));
      assertThat(answer.isFailure()).as(path + ": " + answer).isFalse();
      assertThat(answer.outcome()).as(path).isEqualTo(good.outcome(AdapterPaths.LOCAL));
    }
    assertThat(watch.logLeaks()).isEmpty();
    assertThat(BadInputCorpus.Tripwire.CREATED).hasValue(0);
  }

  /** The expectation of one path for an input. */
  @FunctionalInterface
  private interface Oracle {
    Expected expected(String path);
  }

  private static void everyPath(Call call, Oracle oracle) {
    Call sent = call.withHeader("Authorization", LeakWatch.AUTHORIZATION);
    List<String> problems = new ArrayList<>();
    for (String path : AdapterPaths.NAMES) {
      RawAnswer answer;
      try {
        Outcome outcome = paths.get(path).call(sent);
        answer =
            RawAnswer.of(
                outcome.status(),
                outcome
                    .contentType()
                    .map(type -> List.of(Map.entry("Content-Type", type)))
                    .orElse(List.of()),
                outcome.body(),
                null);
      } catch (PathFailure failure) {
        answer = RawAnswer.failed(failure.getMessage());
      }
      check(path, answer, oracle.expected(path), problems);
    }
    assertThat(problems).as("%s", call).isEmpty();
  }

  private static void check(
      String path, RawAnswer answer, Expected expected, List<String> problems) {
    summary.count(path, BadInputSummary.kind(answer));
    expected.mismatches(answer).forEach(m -> problems.add(path + ": " + m + " (" + answer + ")"));
    LeakWatch.leaks(answer.allText()).forEach(l -> problems.add(path + ": leaks " + l));
    if (!answer.isFailure() && answer.status() >= 500 && expected.kind().startsWith("4")) {
      problems.add(path + ": 5xx for bad input");
    }
  }

  /** The bytes as the path's function sees them: a text envelope decodes them first. */
  private static byte[] carried(String path, byte[] body) {
    return BadInputCorpus.TEXT_ENVELOPES.contains(path)
        ? new String(body, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)
        : body;
  }

  private static Expected uppercase(String path, byte[] body) {
    byte[] bytes = carried(path, body);
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException notUtf8) {
      return BadInputCorpus.problem(400, "DECODE", "uppercase");
    }
    return BadInputCorpus.answer(200, "text/plain", text.toUpperCase(Locale.ROOT));
  }

  private static Expected greet(String path, byte[] body) {
    byte[] bytes = carried(path, body);
    if (bytes.length == 0) {
      return BadInputCorpus.problem(400, "DECODE", "greet");
    }
    boolean asText = BadInputCorpus.BASE64_ENVELOPES.contains(path);
    Object person;
    try {
      person =
          JsonCodec.instance()
              .read(
                  asText
                      ? Payload.ofText(new String(bytes, StandardCharsets.UTF_8))
                      : Payload.ofBytes(bytes),
                  Person.class);
    } catch (JsonCodec.JsonDecodeException bad) {
      return BadInputCorpus.problem(400, "DECODE", "greet");
    }
    if (person == null) {
      return BadInputCorpus.problem(400, "DECODE", "greet");
    }
    if (((Person) person).name() == null) {
      return BadInputCorpus.problem(500, "INVOKE", "greet");
    }
    return BadInputCorpus.answer(
        200, "application/json", JsonCodec.instance().write(new Greet().apply((Person) person)));
  }

  /** JSON fragments in any order, people with any name, and any text at all. */
  @Provide
  Arbitrary<String> jsonish() {
    Arbitrary<String> soup =
        Arbitraries.of(
                "{",
                "}",
                "[",
                "]",
                ":",
                ",",
                "\"name\"",
                "\"language\"",
                "\"de\"",
                "\"Ada\"",
                "null",
                "true",
                "0",
                "-1.5e3",
                "\"@class\"",
                "\"@type\"",
                "\"java.net.URL\"",
                "\"" + BadInputCorpus.Tripwire.class.getName() + "\"",
                " ",
                "\"",
                "\\",
                "\\u0000")
            .list()
            .ofMaxSize(24)
            .map(parts -> String.join("", parts));
    Arbitrary<String> people =
        Combinators.combine(
                Arbitraries.strings().ofMaxLength(20),
                Arbitraries.of("de", "en", "").injectNull(0.3),
                Arbitraries.of("@class", "@type", "extra"))
            .as(
                (name, language, hint) -> {
                  Map<String, Object> person = new LinkedHashMap<>();
                  person.put(hint, BadInputCorpus.Tripwire.class.getName());
                  person.put("name", name);
                  person.put("language", language);
                  return JsonTree.write(person);
                });
    return Arbitraries.oneOf(soup, people, Arbitraries.strings().ofMaxLength(40));
  }

  /** Any text without {@code /}, not starting with {@code _}, naming no function of the app. */
  @Provide
  Arbitrary<String> unknownNames() {
    List<String> known =
        List.of(
            "uppercase",
            "greet",
            "invert",
            "answer",
            "remember",
            "explode",
            "echo-header",
            "count",
            "slow",
            "ship");
    return Arbitraries.strings()
        .ofMinLength(1)
        .ofMaxLength(40)
        .filter(name -> name.indexOf('/') < 0 && !name.startsWith("_"))
        .filter(name -> known.stream().noneMatch(name.toLowerCase(Locale.ROOT)::contains));
  }

  private static String describe(String name) {
    StringBuilder text = new StringBuilder("'");
    name.codePoints()
        .forEach(
            c -> {
              if (c >= 0x20 && c < 0x7f) {
                text.appendCodePoint(c);
              } else {
                text.append(String.format("\\u%04x", c));
              }
            });
    return text.append("'").toString();
  }
}
