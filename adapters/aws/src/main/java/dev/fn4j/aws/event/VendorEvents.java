package dev.fn4j.aws.event;

import dev.fn4j.core.catalog.Composition;
import dev.fn4j.core.catalog.FunctionKind;
import dev.fn4j.core.convert.JsonTree;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Functions that declare one of AWS's own event classes ({@code
 * com.amazonaws.services.lambda.runtime.events.*}, from {@code aws-lambda-java-events}) get the
 * whole event bound to that class, in one call, instead of fn4j's per-record or per-request view.
 * The binding ignores property case, as AWS's classes need ({@code Records} to {@code setRecords}).
 */
public final class VendorEvents {

  private static final String EVENTS_PACKAGE = "com.amazonaws.services.lambda.runtime.events.";

  private VendorEvents() {}

  private static final class Mapper {
    private static final JsonMapper INSTANCE =
        JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
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
   * @throws MalformedEventException when the event does not bind
   */
  public static Object bind(LambdaEvent event, Class<?> type) {
    try {
      String json =
          event.json() != null
              ? JsonTree.write(event.json())
              : new String(event.bytes(), java.nio.charset.StandardCharsets.UTF_8);
      return Mapper.INSTANCE.readValue(json, type);
    } catch (JacksonException e) {
      throw new MalformedEventException(
          "the event does not bind to " + type.getName() + ": " + e.getOriginalMessage());
    }
  }
}
