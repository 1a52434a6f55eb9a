package dev.fn4j.aws.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.fn4j.core.catalog.Composition;
import dev.fn4j.core.catalog.FunctionKind;
import dev.fn4j.core.convert.JsonTree;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * Functions that declare one of AWS's own event classes ({@code
 * com.amazonaws.services.lambda.runtime.events.*}, from {@code aws-lambda-java-events}) get the
 * whole event bound to that class, in one call, instead of fn4j's per-record or per-request view.
 *
 * <p>The binding ignores property case, as AWS's classes need ({@code Records} to {@code
 * setRecords}); reads dates the way Lambda events write them (epoch seconds, or ISO-8601 text for
 * Joda {@code DateTime} fields); and refuses an event of another kind than the class is for (an SQS
 * event for an {@code APIGatewayV2HTTPEvent} function is a DECODE error, never a half-empty
 * object). {@code S3Event} cannot be bound (its classes take their fields in constructors only):
 * such functions get a clear error saying to declare a {@code Map} or their own record instead.
 */
public final class VendorEvents {

  private static final String EVENTS_PACKAGE = "com.amazonaws.services.lambda.runtime.events.";

  /** Which event kinds each AWS event class is for; a class not listed accepts any event. */
  private static final Map<String, EventKind> KINDS =
      Map.ofEntries(
          Map.entry("APIGatewayV2HTTPEvent", EventKind.API_GATEWAY_HTTP),
          Map.entry("APIGatewayProxyRequestEvent", EventKind.API_GATEWAY_REST),
          Map.entry("ApplicationLoadBalancerRequestEvent", EventKind.ALB),
          Map.entry("LambdaFunctionUrlEvent", EventKind.FUNCTION_URL),
          Map.entry("SQSEvent", EventKind.SQS),
          Map.entry("KinesisEvent", EventKind.KINESIS),
          Map.entry("DynamodbEvent", EventKind.DYNAMODB),
          Map.entry("SNSEvent", EventKind.SNS),
          Map.entry("ScheduledEvent", EventKind.EVENTBRIDGE));

  private VendorEvents() {}

  private static final class Mapper {
    private static final JsonMapper INSTANCE = create();

    private static JsonMapper create() {
      SimpleModule dates = new SimpleModule("fn4j-lambda-event-dates");
      dates.addDeserializer(Date.class, new EpochSecondsDate());
      jodaDateTime().ifPresent(joda -> register(dates, joda));
      JsonMapper.Builder builder =
          JsonMapper.builder()
              .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
              .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
              .addModule(dates);
      try {
        builder.addMixIn(
            Class.forName(
                EVENTS_PACKAGE + "ScheduledEvent", false, VendorEvents.class.getClassLoader()),
            DetailTypeMixin.class);
      } catch (ClassNotFoundException | LinkageError e) {
        // aws-lambda-java-events is not on the class path: nothing to bind.
      }
      return builder.build();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void register(SimpleModule module, JodaDateTime deserializer) {
      module.addDeserializer((Class) deserializer.handledType(), deserializer);
    }
  }

  /**
   * Returns the AWS event class a function declares as its input.
   *
   * @param function the routed function
   * @return the class, or null when it declares something else
   */
  public static Class<?> declaredEventClass(Composition function) {
    if (function.kind() == FunctionKind.SUPPLIER) {
      return null;
    }
    Class<?> input = function.first().signature().input().rawClass();
    return input.getName().startsWith(EVENTS_PACKAGE) ? input : null;
  }

  /**
   * Binds the event to an AWS event class.
   *
   * @param event the event
   * @param type the class
   * @return the bound event
   * @throws MalformedEventException when the event is of another kind than the class is for, or
   *     does not bind
   */
  public static Object bind(LambdaEvent event, Class<?> type) {
    String simpleName = type.getSimpleName();
    if (simpleName.equals("S3Event")) {
      throw new MalformedEventException(
          "S3Event cannot be bound: its classes take their fields in constructors only; declare"
              + " a Map, fn4j's per-record String/record input, or your own record instead");
    }
    EventKind expected = KINDS.get(simpleName);
    if (expected != null && expected != event.kind() && event.kind() != EventKind.DIRECT) {
      throw new MalformedEventException(
          "the function takes "
              + simpleName
              + " but the event is a "
              + event.kind().id()
              + " event");
    }
    try {
      String json =
          event.json() != null
              ? JsonTree.write(event.json())
              : new String(event.bytes(), java.nio.charset.StandardCharsets.UTF_8);
      return Mapper.INSTANCE.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new MalformedEventException(
          "the event does not bind to " + type.getName() + ": " + e.getOriginalMessage());
    }
  }

  private static java.util.Optional<JodaDateTime> jodaDateTime() {
    try {
      Class<?> type =
          Class.forName("org.joda.time.DateTime", false, VendorEvents.class.getClassLoader());
      return java.util.Optional.of(new JodaDateTime(type, type.getConstructor(Object.class)));
    } catch (ReflectiveOperationException | LinkageError e) {
      return java.util.Optional.empty();
    }
  }

  /** EventBridge writes {@code detail-type}, which no setter name can match. */
  private abstract static class DetailTypeMixin {
    @com.fasterxml.jackson.annotation.JsonProperty("detail-type")
    abstract void setDetailType(String detailType);
  }

  /**
   * Tells whether a function's declared output is one of AWS's own response classes, which is then
   * the whole response.
   *
   * @param function the function
   * @return true for an output class from {@code com.amazonaws.services.lambda.runtime.events}
   */
  public static boolean returnsEventClass(Composition function) {
    return function.last().signature().output().rawClass().getName().startsWith(EVENTS_PACKAGE);
  }

  /** Lambda events write instants as epoch seconds (with a fraction); text is ISO-8601. */
  private static final class EpochSecondsDate extends StdDeserializer<Date> {
    EpochSecondsDate() {
      super(Date.class);
    }

    @Override
    public Date deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      JsonToken token = parser.currentToken();
      if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
        return new Date(Math.round(parser.getDoubleValue() * 1000));
      }
      String text = parser.getText();
      try {
        return Date.from(Instant.parse(text));
      } catch (java.time.format.DateTimeParseException e) {
        return (Date) context.handleWeirdStringValue(Date.class, text, "not an ISO-8601 instant");
      }
    }
  }

  /** Joda's {@code DateTime}, when on the class path, from ISO-8601 text. */
  private static final class JodaDateTime extends StdDeserializer<Object> {
    private final transient Constructor<?> constructor;

    JodaDateTime(Class<?> type, Constructor<?> constructor) {
      super(type);
      this.constructor = constructor;
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String text = parser.getText();
      try {
        return constructor.newInstance(text);
      } catch (ReflectiveOperationException | RuntimeException e) {
        return context.handleWeirdStringValue(handledType(), text, "not an ISO-8601 date-time");
      }
    }
  }
}
