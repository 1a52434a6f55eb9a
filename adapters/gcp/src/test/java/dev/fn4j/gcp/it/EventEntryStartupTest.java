package dev.fn4j.gcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fn4j.gcp.it.CloudEventHttp.Echo;
import dev.fn4j.testkit.EventFiles;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code dev.fn4j.gcp.GcfEventFunction} itself as {@code FUNCTION_TARGET}, as users deploy it: the
 * invoker must start, and the functions of the deployment's {@code FunctionRegistrar} must receive
 * the events, although the invoker does not set the context class loader while it creates a
 * CloudEvents function.
 */
class EventEntryStartupTest {

  @Test
  void the_entry_class_routes_events_to_the_registered_functions() {
    try (InvokerProcess invoker =
        InvokerProcess.start(
            InvokerProcess.EVENT_ENTRY, Map.of("FN4J_ROUTING_TYPES", "dev.fn4j.test.echo=echo"))) {
      JsonNode event =
          ((ObjectNode)
                  CloudEventHttp.json(
                      EventFiles.bytes("events/gcp/custom/order-created.cloudevent.json")))
              .put("type", "dev.fn4j.test.echo");
      int mark = invoker.seen().count();

      HttpResponse<byte[]> response = invoker.send(CloudEventHttp.binary(invoker, event));

      assertThat(response.statusCode())
          .as("%s%n%s", new String(response.body(), StandardCharsets.UTF_8), invoker)
          .isBetween(200, 299);
      Echo echo = Echo.of(invoker.seen().onlyOneSince(mark, "echo"));
      assertThat(echo.headers()).isEqualTo(CloudEventHttp.attributes(event));
    }
  }

  @Test
  void the_entry_class_starts_with_a_selected_function_and_serves_legacy_events() {
    try (InvokerProcess invoker =
        InvokerProcess.start(InvokerProcess.EVENT_ENTRY, Map.of("FN4J_FUNCTION", "pubsub"))) {
      int mark = invoker.seen().count();

      HttpResponse<byte[]> response =
          invoker.send(
              CloudEventHttp.legacy(
                  invoker, EventFiles.bytes("events/gcp/pubsub/topic-publish.legacy.json")));

      assertThat(response.statusCode()).as("%s", invoker).isBetween(200, 299);
      assertThat(invoker.seen().onlyOneSince(mark, "pubsub").path("text").asText())
          .isEqualTo("order 1234 shipped");
    }
  }
}
