package dev.fn4j.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fn4j.azure.worker.SampleFunctions;
import dev.fn4j.azure.worker.WorkerExecutionContext;
import dev.fn4j.azure.worker.WorkerRequest;
import dev.fn4j.azure.worker.WorkerResponse;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.FunctionCatalog;
import dev.fn4j.core.platform.Environment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Event Grid's webhook handshakes on the HTTP trigger, answered without calling a function. */
class AzureFunctionsHandshakeTest {

  final List<Object> received = new ArrayList<>();
  final AzureFunctions functions =
      new AzureFunctions(
          FunctionRuntime.of(
              Environment.of(Map.of("FN4J_FUNCTION", "nothing")),
              FunctionCatalog.of(SampleFunctions.registrar(received))));

  WorkerResponse call(WorkerRequest request) {
    return (WorkerResponse)
        functions.http(request, WorkerExecutionContext.of("inv-1", "fn4j-http"));
  }

  @Test
  void a_subscription_validation_is_answered_with_its_validation_code() throws Exception {
    WorkerResponse response =
        call(
            WorkerRequest.post(
                "/api/nothing",
                SampleFunctions.event("eventgrid/subscription-validation.json"),
                "aeg-event-type",
                "SubscriptionValidation",
                "Content-Type",
                "application/json"));
    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.header("Content-Type")).contains("application/json");
    assertThat(new ObjectMapper().readTree(response.text()).get("validationResponse").asText())
        .isEqualTo("512d38b6-c7b8-40c8-89fe-f46f9e9622b6");
    assertThat(received).isEmpty();
  }

  @Test
  void a_validation_without_a_code_is_a_400_problem() {
    WorkerResponse response =
        call(
            WorkerRequest.post(
                "/api/nothing", "[{\"data\":{}}]", "Aeg-Event-Type", "subscriptionvalidation"));
    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(response.header("Content-Type")).contains("application/problem+json");
    assertThat(received).isEmpty();
  }

  @Test
  void a_notification_goes_to_the_function() {
    WorkerResponse response =
        call(WorkerRequest.post("/api/nothing", "event", "aeg-event-type", "Notification"));
    assertThat(response.getStatusCode()).isEqualTo(204);
    assertThat(received).containsExactly("event");
  }

  @Test
  void the_cloudevents_abuse_protection_request_is_granted() {
    WorkerResponse response =
        call(
            WorkerRequest.empty(
                "OPTIONS", "/api/nothing", "WebHook-Request-Origin", "eventgrid.azure.net"));
    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.header("WebHook-Allowed-Origin")).contains("eventgrid.azure.net");
    assertThat(response.header("WebHook-Allowed-Rate")).contains("*");
    assertThat(response.header("Allow")).contains("POST");
    assertThat(received).isEmpty();
  }

  @Test
  void an_abuse_protection_request_with_a_bad_origin_is_a_400_problem() {
    WorkerResponse response =
        call(
            WorkerRequest.empty(
                "OPTIONS", "/api/nothing", "WebHook-Request-Origin", "evil.example, other"));
    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(response.header("WebHook-Allowed-Origin")).isEmpty();
  }

  @Test
  void options_without_the_origin_header_is_routed_as_any_request() {
    WorkerResponse response = call(WorkerRequest.empty("OPTIONS", "/api/nothing"));
    assertThat(response.getStatusCode()).isEqualTo(405);
    assertThat(response.header("Allow")).contains("POST");
  }
}
