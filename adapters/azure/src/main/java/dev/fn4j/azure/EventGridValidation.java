package dev.fn4j.azure;

import dev.fn4j.core.convert.JsonCodec;
import dev.fn4j.core.convert.JsonTree;
import dev.fn4j.function.Headers;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Event Grid's webhook handshake, for events that reach a function over plain HTTP (an HTTP trigger
 * or the proxied mode; an {@code eventGridTrigger} binding does it in the host): a subscription
 * validation event ({@code aeg-event-type: SubscriptionValidation}) is answered {@code
 * {"validationResponse": "<validationCode>"}} with 200, without calling any function.
 */
final class EventGridValidation {

  private EventGridValidation() {}

  /**
   * Tells whether a request is Event Grid's subscription validation.
   *
   * @param headers the request headers
   * @return true for {@code aeg-event-type: SubscriptionValidation}
   */
  static boolean isValidation(Headers headers) {
    return headers
        .first("aeg-event-type")
        .map("SubscriptionValidation"::equalsIgnoreCase)
        .orElse(false);
  }

  /**
   * Returns the answer to a validation request.
   *
   * @param headers the request headers
   * @param body the request body
   * @return the JSON answer, or empty when the request is not a validation
   */
  static Optional<String> answer(Headers headers, byte[] body) {
    if (!isValidation(headers)) {
      return Optional.empty();
    }
    Object tree;
    try {
      tree = JsonTree.parse(body);
    } catch (JsonCodec.JsonDecodeException e) {
      return Optional.empty();
    }
    Object event = tree instanceof List<?> list && !list.isEmpty() ? list.get(0) : tree;
    if (event instanceof Map<?, ?> map
        && map.get("data") instanceof Map<?, ?> data
        && data.get("validationCode") instanceof String code) {
      return Optional.of(JsonTree.write(Map.of("validationResponse", code)));
    }
    return Optional.empty();
  }
}
