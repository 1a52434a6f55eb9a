package dev.fn4j.knative.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.knative.sdk.SdkClient.Reply;
import dev.fn4j.knative.sdk.SdkFunctions.Order;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Routing an SDK event by its {@code type}: {@code FN4J_ROUTING_TYPES} maps a type to a function,
 * and lifts the loop guard for a reply type it names.
 */
class SdkRoutingTest {

  private static CloudEvent order(String type) {
    return CloudEventBuilder.v1()
        .withId("route-1")
        .withSource(URI.create("/shop"))
        .withType(type)
        .withData(
            "application/json",
            "{\"item\":\"tea\",\"quantity\":2}".getBytes(StandardCharsets.UTF_8))
        .build();
  }

  @Test
  void aMappedTypeReachesItsFunctionInBothModes() {
    // given
    SdkFunctions functions = new SdkFunctions();
    try (SdkClient client =
        SdkClient.start(
            functions::register,
            Map.of("FN4J_ROUTING_TYPES", "com.acme.order.created=greet,com.acme.note=shout"))) {

      // when
      Reply binary = client.binary("/", order("com.acme.order.created"));
      Reply structured = client.structured("/", order("com.acme.order.created"));
      Reply unmapped = client.binary("/", order("com.acme.order.cancelled"));

      // then
      for (Reply reply : new Reply[] {binary, structured}) {
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.event().getType()).isEqualTo("greet.output");
        assertThat(reply.event().getSource()).isEqualTo(URI.create("/svc/greet"));
      }
      assertThat(functions.greeted)
          .extracting(message -> message.payload())
          .containsExactly(new Order("tea", 2), new Order("tea", 2));
      assertThat(functions.shouted).isEmpty();
      // the same request with a type nobody mapped is not routed
      assertThat(unmapped.status()).isEqualTo(404);
    }
  }

  @Test
  void mappingAReplyTypeLiftsTheLoopGuard() {
    // given: one function, so every type would fall back to it
    SdkFunctions guarded = new SdkFunctions();
    SdkFunctions mapped = new SdkFunctions();
    try (SdkClient withoutMap = SdkClient.start(guarded::registerGreet, Map.of());
        SdkClient withMap =
            SdkClient.start(
                mapped::registerGreet, Map.of("FN4J_ROUTING_TYPES", "greet.output=greet"))) {

      // when: the function's own reply type comes back, as through an unfiltered Trigger
      Reply looped = withoutMap.binary("/", order("greet.output"));
      Reply routed = withMap.binary("/", order("greet.output"));

      // then
      assertThat(looped.status()).isEqualTo(404);
      assertThat(guarded.greeted).isEmpty();
      assertThat(routed.status()).isEqualTo(200);
      assertThat(mapped.greeted).hasSize(1);
    }
  }
}
