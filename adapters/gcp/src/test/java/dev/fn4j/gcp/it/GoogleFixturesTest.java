package dev.fn4j.gcp.it;

import static dev.fn4j.gcp.it.CloudEventHttp.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fn4j.gcp.it.CloudEventHttp.Echo;
import dev.fn4j.testkit.FixtureLedger;
import dev.fn4j.testkit.RequiresVendorFixtures;
import dev.fn4j.testkit.VendorFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Google's published events ({@code ../shared/fixtures/google}, see its {@code SOURCES.md}), read
 * where they are and never copied, sent to Google's real invoker running the CloudEvents entry
 * point. It proves the adapter's design decision: the invoker converts legacy (gen1 background)
 * events to CloudEvents by Google's mapping before fn4j sees them, so a function sees the same
 * event whichever form arrived.
 *
 * <ul>
 *   <li>each {@code conformance-*-legacy-input.json}, POSTed as {@code application/json} as GCF
 *       delivers it, must reach an echo function as exactly the matching {@code
 *       *-cloudevent-output.json}: every attribute (as {@code ce-*} headers and {@code ce.*}
 *       context attributes), nothing more, and the data (compared as JSON);
 *   <li>each {@code conformance-*-cloudevent-input.json}, in binary and in structured mode, must be
 *       accepted and echoed with the same attributes and data;
 *   <li>each {@code ffjava-*.json} legacy event must be accepted with the attributes and data
 *       Google's mapping ({@code conformance-mapping.md}) gives, written out below;
 *   <li>each {@code cloudevent-data-*.json} (data only) goes as the data of a binary CloudEvent of
 *       its type to a function that declares a record (Pub/Sub message, Storage object) or a map
 *       (audit log entry), which must see the decoded values.
 * </ul>
 *
 * <p>The last check proves that every file of the folder was exercised. Skipped, with the reason,
 * when the folder is absent.
 */
@RequiresVendorFixtures("google")
class GoogleFixturesTest {

  private static final String VENDOR = "google";

  /** Files deliberately not sent, with the reason. */
  private static final Map<String, String> SKIPPED = skipped();

  private static final Pattern LEGACY_INPUT =
      Pattern.compile("conformance-(.+)-legacy-input\\.json");
  private static final Pattern CLOUDEVENT_INPUT =
      Pattern.compile("conformance-(.+)-cloudevent-input\\.json");
  private static final Pattern CLOUDEVENT_OUTPUT =
      Pattern.compile("conformance-(.+)-cloudevent-output\\.json");

  /** What Google's mapping makes of each {@code ffjava-*.json} legacy event. */
  private static final Map<String, Converted> FFJAVA =
      Map.of(
          "ffjava-firebase-auth-legacy.json",
          new Converted(
              Map.of(
                  "specversion", "1.0",
                  "id", "4423b4fa-c39b-4f79-b338-977a018e9b55",
                  "type", "google.firebase.auth.user.v1.created",
                  "source", "//firebaseauth.googleapis.com/projects/my-project-id",
                  "subject", "users/UUpby3s4spZre6kHsgVSPetzQ8l2",
                  "datacontenttype", "application/json"),
              "2020-05-26T10:42:27.088Z",
              GoogleFixturesTest::firebaseAuthData),
          "ffjava-legacy-storage-object-change.json",
          new Converted(
              Map.of(
                  "specversion", "1.0",
                  "id", "1200401551653202",
                  // The mapping's table has no CloudEvent type for the gen1 event
                  // providers/cloud.storage/eventTypes/object.change; this is the invoker's.
                  "type", "google.cloud.storage.object.v1.changed",
                  "source", "//storage.googleapis.com/projects/_/buckets/sample-bucket",
                  "subject", "objects/MyFile",
                  "datacontenttype", "application/json"),
              "2020-05-18T09:07:51.799Z",
              legacy -> legacy.get("data")),
          "ffjava-pubsub-background.json",
          new Converted(
              Map.of(
                  "specversion", "1.0",
                  "id", "1",
                  "type", "google.cloud.pubsub.topic.v1.messagePublished",
                  "source", "//pubsub.googleapis.com/projects/FOO/topics/BAR_TOPIC",
                  "datacontenttype", "application/json"),
              "2021-06-28T05:46:32.390Z",
              GoogleFixturesTest::pubsubData));

  /** The CloudEvent each {@code cloudevent-data-*.json} is sent in, and what its function sees. */
  private static final Map<String, DataOnly> DATA_ONLY =
      Map.of(
          "cloudevent-data-pubsub-message-published-text.json",
          new DataOnly(
              Map.of(
                  "type", "google.cloud.pubsub.topic.v1.messagePublished",
                  "source", "//pubsub.googleapis.com/projects/my-project/topics/my-topic"),
              "pubsub",
              GoogleFixturesTest::checkPubsub),
          "cloudevent-data-storage-object-simple.json",
          new DataOnly(
              Map.of(
                  "type", "google.cloud.storage.object.v1.finalized",
                  "source", "//storage.googleapis.com/projects/_/buckets/some-bucket",
                  "subject", "objects/folder/Test.cs"),
              "storage",
              GoogleFixturesTest::checkStorage),
          "cloudevent-data-audit-log-pubsub-create-topic.json",
          new DataOnly(
              Map.of(
                  "type", "google.cloud.audit.log.v1.written",
                  "source", "//cloudaudit.googleapis.com/projects/test-project/logs/activity",
                  "subject",
                      "pubsub.googleapis.com/projects/test-project/topics/test-auditlogs-source"),
              "auditlog",
              (file, seen) ->
                  assertThat(seen).as("the entry as the function decoded it").isEqualTo(file)));

  private static final FixtureLedger LEDGER = new FixtureLedger();

  /** Runs {@code echo} for every event. */
  private static InvokerProcess echo;

  /** Routes the data-only events by type to functions of declared types. */
  private static InvokerProcess typed;

  @BeforeAll
  static void startInvokers() {
    echo = InvokerProcess.start(InvokerProcess.EVENT_TARGET, Map.of("FN4J_FUNCTION", "echo"));
    typed =
        InvokerProcess.start(
            InvokerProcess.EVENT_TARGET,
            Map.of(
                "FN4J_ROUTING_TYPES",
                "google.cloud.pubsub.topic.v1.messagePublished=pubsub,"
                    + "google.cloud.storage.object.v1.finalized=storage,"
                    + "google.cloud.audit.log.v1.written=auditlog"));
  }

  @AfterAll
  static void stopInvokers() {
    for (InvokerProcess invoker : new InvokerProcess[] {echo, typed}) {
      if (invoker != null) {
        invoker.close();
      }
    }
  }

  private static Map<String, String> skipped() {
    Map<String, String> skipped = new TreeMap<>();
    skipped.put(
        "conformance-mapping.md",
        "the mapping itself, not an event: the *-cloudevent-output.json files and the expectations"
            + " of the ffjava-* files encode it");
    String legacyOutput =
        "the expected output of a legacy (data, context) function signature, which fn4j does not"
            + " offer: fn4j functions see the CloudEvent form, checked against"
            + " *-cloudevent-output.json";
    for (String pair : List.of("firebase-auth", "legacy-pubsub", "pubsub-text", "storage")) {
      skipped.put("conformance-" + pair + "-legacy-output.json", legacyOutput);
    }
    skipped.put(
        "conformance-legacy-pubsub-legacy-output-converted.json",
        legacyOutput + " (here: of a CloudEvent converted to the legacy form)");
    return Map.copyOf(skipped);
  }

  @TestFactory
  Stream<DynamicNode> every_google_fixture_is_exercised() {
    List<Path> files = VendorFixtures.require().files(VENDOR, "*");
    List<DynamicNode> nodes = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      Matcher legacy = LEGACY_INPUT.matcher(name);
      Matcher cloudEvent = CLOUDEVENT_INPUT.matcher(name);
      if (SKIPPED.containsKey(name) || CLOUDEVENT_OUTPUT.matcher(name).matches()) {
        continue; // an output is read by the check of its legacy input
      } else if (legacy.matches()) {
        String output = "conformance-" + legacy.group(1) + "-cloudevent-output.json";
        LEDGER.plan(name, 1);
        LEDGER.plan(output, 1);
        nodes.add(
            DynamicTest.dynamicTest(
                name + " is converted to " + output,
                () -> {
                  legacyConversion(file, file.resolveSibling(output));
                  LEDGER.passed(name);
                  LEDGER.passed(output);
                }));
      } else if (cloudEvent.matches()) {
        nodes.add(check(name, "in binary mode", () -> cloudEventInput(file, true)));
        nodes.add(check(name, "in structured mode", () -> cloudEventInput(file, false)));
      } else if (FFJAVA.containsKey(name)) {
        nodes.add(check(name, "is converted by Google's mapping", () -> ffjava(file)));
      } else if (DATA_ONLY.containsKey(name)) {
        nodes.add(check(name, "reaches a function of its declared type", () -> dataOnly(file)));
      } else {
        nodes.add(
            DynamicTest.dynamicTest(
                name,
                () ->
                    fail(
                        "no check reads the fixture "
                            + name
                            + ": give it one here, or skip it in SKIPPED with the reason")));
      }
    }
    nodes.add(LEDGER.everyFileExercised(VENDOR, files, SKIPPED));
    return nodes.stream();
  }

  private static DynamicTest check(String name, String what, Runnable check) {
    return LEDGER.check(name + " " + what, name, check);
  }

  // ---- the conformance pairs: legacy input -> CloudEvent output ----

  private static void legacyConversion(Path input, Path output) {
    assertThat(output).as("the expected CloudEvent of %s", input.getFileName()).isRegularFile();
    JsonNode expected = json(output);

    Echo seen = echoOf(CloudEventHttp.legacy(echo, read(input)));

    assertThat(differences(CloudEventHttp.attributes(expected), expected.get("data"), seen))
        .as(
            "differences between what the function saw of %s and %s",
            input.getFileName(), output.getFileName())
        .isEmpty();
  }

  // ---- the conformance CloudEvent inputs, as Eventarc delivers them ----

  private static void cloudEventInput(Path file, boolean binary) {
    JsonNode event = json(file);
    HttpRequest request =
        binary ? CloudEventHttp.binary(echo, event) : CloudEventHttp.structured(echo, read(file));

    Echo seen = echoOf(request);

    assertThat(differences(CloudEventHttp.attributes(event), event.get("data"), seen))
        .as("differences between what the function saw and %s", file.getFileName())
        .isEmpty();
  }

  // ---- functions-framework-java's legacy events: the mapping written out ----

  private static void ffjava(Path file) {
    Converted converted = FFJAVA.get(file.getFileName().toString());
    JsonNode legacy = json(file);

    Echo seen = echoOf(CloudEventHttp.legacy(echo, read(file)));

    Map<String, String> attributes = new TreeMap<>(seen.headers());
    String time = attributes.remove("time");
    List<String> differences =
        differences(converted.attributes(), converted.data().apply(legacy), seen);
    differences.removeIf(difference -> difference.startsWith("attribute 'time'"));
    assertThat(differences)
        .as("differences from Google's mapping of %s", file.getFileName())
        .isEmpty();
    // The invoker parses the time; fn4j writes it back in ISO form (".390Z" arrives as ".39Z").
    assertThat(time).as("time").isNotNull();
    assertThat(OffsetDateTime.parse(time).toInstant())
        .as("time, as an instant")
        .isEqualTo(OffsetDateTime.parse(converted.time()).toInstant());
  }

  /** Firebase Auth: two metadata fields are renamed. */
  private static JsonNode firebaseAuthData(JsonNode legacy) {
    ObjectNode data = legacy.get("data").deepCopy();
    JsonNode metadata = data.get("metadata");
    if (metadata instanceof ObjectNode fields) {
      rename(fields, "createdAt", "createTime");
      rename(fields, "lastSignedInAt", "lastSignInTime");
    }
    return data;
  }

  private static void rename(ObjectNode object, String from, String to) {
    JsonNode value = object.remove(from);
    if (value != null) {
      object.set(to, value);
    }
  }

  /** Pub/Sub: the data is wrapped as {@code message}, with the event's id and time added. */
  private static JsonNode pubsubData(JsonNode legacy) {
    JsonNode context = legacy.has("context") ? legacy.get("context") : legacy;
    ObjectNode message = legacy.get("data").deepCopy();
    message.put("messageId", context.get("eventId").asText());
    message.put("publishTime", context.get("timestamp").asText());
    ObjectNode data = JSON.createObjectNode();
    data.set("message", message);
    return data;
  }

  // ---- google-cloudevents' data payloads, decoded by declared types ----

  private static void dataOnly(Path file) {
    DataOnly event = DATA_ONLY.get(file.getFileName().toString());
    String id = "fixture-" + file.getFileName();
    HttpRequest.Builder request =
        typed
            .request("/")
            .header("ce-specversion", "1.0")
            .header("ce-id", id)
            .header("ce-time", "2020-06-30T16:14:48.401Z")
            .header("Content-Type", "application/json");
    event.attributes().forEach((name, value) -> request.header("ce-" + name, value));
    int mark = typed.seen().count();

    HttpResponse<byte[]> response =
        typed.send(request.POST(BodyPublishers.ofByteArray(read(file))).build());

    assertThat(response.statusCode()).as("%s", typed).isBetween(200, 299);
    JsonNode seen = typed.seen().onlyOneSince(mark, event.function());
    event.check().accept(json(file), seen);
    if (seen.has("attributes")) {
      assertThat(seen.get("attributes").path("id").asText()).isEqualTo(id);
      event
          .attributes()
          .forEach(
              (name, value) ->
                  assertThat(seen.get("attributes").path(name).asText()).as(name).isEqualTo(value));
    }
  }

  private static void checkPubsub(JsonNode file, JsonNode seen) {
    JsonNode message = file.get("message");
    String text =
        new String(
            Base64.getDecoder().decode(message.get("data").asText()), StandardCharsets.UTF_8);
    assertThat(seen.path("text").asText()).as("message.data, decoded").isEqualTo(text).isNotBlank();
    assertThat(seen.path("messageAttributes")).isEqualTo(message.get("attributes"));
    assertThat(seen.path("messageId").asText()).isEqualTo(message.get("messageId").asText());
    assertThat(seen.path("publishTime").asText()).isEqualTo(message.get("publishTime").asText());
    assertThat(seen.path("subscription").asText()).isEqualTo(file.get("subscription").asText());
  }

  private static void checkStorage(JsonNode file, JsonNode seen) {
    JsonNode object = seen.path("object");
    for (String field :
        List.of("bucket", "name", "contentType", "md5Hash", "timeCreated", "storageClass")) {
      assertThat(object.path(field).asText()).as(field).isEqualTo(file.get(field).asText());
    }
    assertThat(object.path("size").asLong())
        .as("size, a string in the JSON, as a long")
        .isEqualTo(Long.parseLong(file.get("size").asText()));
    assertThat(object.path("generation").asLong())
        .as("generation")
        .isEqualTo(Long.parseLong(file.get("generation").asText()));
  }

  // ---- helpers ----

  private static Echo echoOf(HttpRequest request) {
    int mark = echo.seen().count();
    HttpResponse<byte[]> response = echo.send(request);
    assertThat(response.statusCode())
        .as("%s%n%s", new String(response.body(), StandardCharsets.UTF_8), echo)
        .isBetween(200, 299);
    return Echo.of(echo.seen().onlyOneSince(mark, "echo"));
  }

  /**
   * Lists every way what the function saw differs from an expected CloudEvent: an attribute
   * missing, extra or different (as header or as context attribute), or different data.
   */
  private static List<String> differences(
      Map<String, String> expected, JsonNode expectedData, Echo seen) {
    List<String> differences = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>(expected.keySet());
    names.addAll(seen.headers().keySet());
    names.addAll(seen.context().keySet());
    for (String name : names) {
      String want = expected.get(name);
      String header = seen.headers().get(name);
      String context = seen.context().get(name);
      if (!Objects.equals(want, header)) {
        differences.add(
            "attribute '"
                + name
                + "': expected "
                + quoted(want)
                + ", header gave "
                + quoted(header));
      }
      if (!Objects.equals(want, context)) {
        differences.add(
            "attribute '"
                + name
                + "' (context): expected "
                + quoted(want)
                + ", context gave "
                + quoted(context));
      }
    }
    JsonNode data = seen.data().length == 0 ? null : seen.dataJson();
    if (!Objects.equals(expectedData, data)) {
      differences.add("data: expected " + expectedData + ", got " + data);
    }
    return differences;
  }

  private static String quoted(String value) {
    return value == null ? "(absent)" : "'" + value + "'";
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode json(Path file) {
    return CloudEventHttp.json(read(file));
  }

  /**
   * A legacy event as Google's mapping converts it.
   *
   * @param attributes every attribute but {@code time}
   * @param time the time, compared as an instant
   * @param data the CloudEvent data made of the legacy event
   */
  private record Converted(
      Map<String, String> attributes, String time, UnaryOperator<JsonNode> data) {}

  /**
   * A data-only fixture's event.
   *
   * @param attributes the attributes besides {@code specversion}, {@code id}, {@code time} and
   *     {@code datacontenttype}
   * @param function the function its type is routed to
   * @param check checks what the function saw against the file
   */
  private record DataOnly(
      Map<String, String> attributes, String function, BiConsumer<JsonNode, JsonNode> check) {}
}
