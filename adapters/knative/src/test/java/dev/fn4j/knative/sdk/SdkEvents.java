package dev.fn4j.knative.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.knative.sdk.SdkFunctions.Order;
import dev.fn4j.knative.sdk.SdkFunctions.Receipt;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** The events the SDK tests send, and the checks every reply event passes. */
final class SdkEvents {

  private SdkEvents() {}

  /** An order event built with the SDK: JSON data, type {@code com.acme.order.created}. */
  static CloudEventBuilder order(String id, String item, int quantity) {
    return CloudEventBuilder.v1()
        .withId(id)
        .withSource(URI.create("/shop/orders"))
        .withType("com.acme.order.created")
        .withData("application/json", bytes(new Order(item, quantity)));
  }

  /** Serialises a value as JSON. */
  static byte[] bytes(Object value) {
    try {
      return SdkClient.JSON.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses JSON. */
  static JsonNode json(byte[] data) {
    try {
      return SdkClient.JSON.readTree(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JSON {@code greet} answers. */
  static JsonNode receipt(String item, int quantity, String status) {
    return SdkClient.JSON.valueToTree(new Receipt(item, quantity, status));
  }

  /**
   * Asserts what every reply event has: spec version 1.0, a new id, the type {@code
   * <function>.output}, the source {@code /svc/<function>} and a current time.
   */
  static void assertReplyAttributes(CloudEvent reply, CloudEvent request, String function) {
    assertThat(reply.getSpecVersion()).isEqualTo(SpecVersion.V1);
    assertThat(reply.getId()).isNotBlank().isNotEqualTo(request.getId());
    assertThat(reply.getType()).isEqualTo(function + ".output");
    assertThat(reply.getSource()).isEqualTo(URI.create("/svc/" + function));
    assertThat(reply.getTime())
        .isNotNull()
        .isBetween(
            OffsetDateTime.now().minus(1, ChronoUnit.MINUTES),
            OffsetDateTime.now().plus(1, ChronoUnit.SECONDS));
  }
}
