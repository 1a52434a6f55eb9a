package dev.fn4j.testkit;

import static dev.fn4j.testkit.AzureFunctionsHostFakeTest.dataOf;
import static dev.fn4j.testkit.AzureFunctionsHostFakeTest.json;
import static dev.fn4j.testkit.AzureFunctionsHostFakeTest.metadataOf;
import static dev.fn4j.testkit.AzureFunctionsHostFakeTest.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.testkit.RecordingServer.Recorded;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HTTP trigger invocations: the {@code Data.req} the host builds and the HTTP output it reads. */
class AzureFunctionsHostFakeHttpTest {

  private RecordingServer handler;
  private AzureFunctionsHostFake host;

  @BeforeEach
  void start() {
    handler = AzureFunctionsHostFakeTest.startHandler();
    host = AzureFunctionsHostFake.forHandler(handler.uri());
  }

  @AfterEach
  void stop() {
    handler.close();
  }

  @Test
  void the_request_goes_in_data_req_with_url_method_query_headers_params_identities_and_body() {
    host.http(
        "orders",
        "POST",
        "/api/orders/42?tag=a%20b&tag=c&empty&plus=x+y",
        Map.of(
            "Content-Type", List.of("application/json"),
            "X-Tag", List.of("one", "two")),
        "{\"id\":42}".getBytes(StandardCharsets.UTF_8),
        Map.of("id", "42"));

    Recorded request = handler.only();
    assertThat(request.path()).isEqualTo("/orders");
    assertThat(dataOf(request)).containsOnlyKeys("req");
    Map<String, Object> req = object(dataOf(request).get("req"));
    assertThat(req)
        .containsOnlyKeys("Url", "Method", "Query", "Headers", "Params", "Identities", "Body");
    assertThat(req.get("Url"))
        .isEqualTo(
            "https://fn4j-test.azurewebsites.net/api/orders/42?tag=a%20b&tag=c&empty&plus=x+y");
    assertThat(req.get("Method")).isEqualTo("POST");
    assertThat(req.get("Query")).isEqualTo(Map.of("tag", "a b,c", "empty", "", "plus", "x y"));
    Map<String, Object> headers = object(req.get("Headers"));
    assertThat(headers.get("Content-Type")).isEqualTo(List.of("application/json"));
    assertThat(headers.get("X-Tag")).isEqualTo(List.of("one", "two"));
    assertThat(headers.get("Host")).isEqualTo(List.of("fn4j-test.azurewebsites.net"));
    assertThat(headers.get("Content-Length")).isEqualTo(List.of("9"));
    assertThat(req.get("Params")).isEqualTo(Map.of("id", "42"));
    assertThat(req.get("Body")).isEqualTo("{\"id\":42}");
    Map<String, Object> identity = object(((List<?>) req.get("Identities")).get(0));
    assertThat(identity.get("AuthenticationType")).isEqualTo("WebJobsAuthLevel");
    assertThat(identity.get("IsAuthenticated")).isEqualTo(true);
    Map<String, Object> claim = object(((List<?>) identity.get("Claims")).get(0));
    assertThat(claim.get("Type"))
        .isEqualTo("http://schemas.microsoft.com/2017/07/functions/claims/authlevel");
    assertThat(claim.get("Value")).isEqualTo("Function");
  }

  @Test
  void the_metadata_has_the_query_single_valued_headers_and_the_route_params() {
    host.http(
        "orders",
        "GET",
        "/api/orders/42?x=1",
        Map.of("X-Tag", List.of("one", "two")),
        new byte[0],
        Map.of("id", "42"));

    Map<String, Object> metadata = metadataOf(handler.only());
    assertThat(metadata).containsOnlyKeys("Query", "Headers", "Params", "id", "sys");
    assertThat(metadata.get("Query")).isEqualTo(Map.of("x", "1"));
    assertThat(object(metadata.get("Headers")).get("X-Tag")).isEqualTo("one,two");
    assertThat(metadata.get("Params")).isEqualTo(Map.of("id", "42"));
    assertThat(metadata.get("id")).isEqualTo("\"42\"");
  }

  @Test
  void in_the_documented_style_a_route_param_is_a_plain_string() {
    host.withStyle(AzurePayloadStyle.DOCUMENTED)
        .http("orders", "GET", "/api/orders/42", Map.of(), new byte[0], Map.of("id", "42"));

    assertThat(metadataOf(handler.only()).get("id")).isEqualTo("42");
  }

  @Test
  void a_request_without_body_has_no_body_member_and_no_content_length() {
    host.http("orders", "GET", "/api/orders");

    Map<String, Object> req = object(dataOf(handler.only()).get("req"));
    assertThat(req).doesNotContainKey("Body");
    assertThat(object(req.get("Headers"))).containsOnlyKeys("Host");
    assertThat(req.get("Params")).isEqualTo(Map.of());
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/octet-stream", "multipart/form-data; boundary=x"})
  void a_binary_or_multipart_body_is_sent_in_base64(String contentType) {
    byte[] bytes = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};

    host.http("upload", "POST", "/api/upload", Map.of("Content-Type", List.of(contentType)), bytes);

    Map<String, Object> req = object(dataOf(handler.only()).get("req"));
    assertThat(Base64.getDecoder().decode((String) req.get("Body"))).isEqualTo(bytes);
  }

  @Test
  void a_text_body_is_decoded_with_its_charset() {
    byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);

    host.http(
        "t",
        "POST",
        "/api/t",
        Map.of("Content-Type", List.of("text/plain; charset=ISO-8859-1")),
        latin1);

    assertThat(object(dataOf(handler.only()).get("req")).get("Body")).isEqualTo("caf\u00e9");
  }

  @Test
  void outputs_res_becomes_the_http_response_with_status_headers_and_body() {
    handler.answer(
        request ->
            json(
                200,
                "{\"Outputs\":{\"res\":{\"statusCode\":201,\"headers\":{\"Location\":\"/api/orders/42\","
                    + "\"Set-Cookie\":[\"a=1\",\"b=2\"]},\"body\":\"created\"},\"message\":\"queued\"},"
                    + "\"Logs\":[\"stored order 42\"],\"ReturnValue\":null}"));

    AzureReply reply = host.http("orders", "POST", "/api/orders");

    assertThat(reply.violations()).isEmpty();
    assertThat(reply.succeeded()).isTrue();
    AzureHttpResponse res = reply.httpResponse().orElseThrow();
    assertThat(res.statusCode()).isEqualTo(201);
    assertThat(res.header("location")).hasValue("/api/orders/42");
    assertThat(res.headers().get("SET-COOKIE")).containsExactly("a=1", "b=2");
    assertThat(res.body()).isEqualTo("created");
    assertThat(res.bodyText()).isEqualTo("created");
    assertThat(reply.output("message")).hasValue("queued");
    assertThat(reply.logs()).containsExactly("stored order 42");
    assertThat(reply.returnValue()).isEmpty();
  }

  @Test
  void member_names_are_read_in_any_case_and_a_status_may_be_a_string() {
    handler.answer(
        request ->
            json(
                200,
                "{\"outputs\":{\"res\":{\"StatusCode\":\"404\",\"Body\":{\"error\":\"no order\"}}},"
                    + "\"logs\":[]}"));

    AzureReply reply = host.http("orders", "GET", "/api/orders/9");

    assertThat(reply.violations()).isEmpty();
    AzureHttpResponse res = reply.httpResponse().orElseThrow();
    assertThat(res.statusCode()).isEqualTo(404);
    assertThat(res.body()).isEqualTo(Map.of("error", "no order"));
    assertThat(res.bodyText()).isEqualTo("{\"error\":\"no order\"}");
    assertThat(res.headers()).isEmpty();
  }

  @Test
  void a_res_without_status_means_200() {
    handler.answer(request -> json(200, "{\"Outputs\":{\"res\":{\"body\":\"Message enqueued\"}}}"));

    AzureHttpResponse res = host.http("orders", "GET", "/api/orders").httpResponse().orElseThrow();

    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.body()).isEqualTo("Message enqueued");
  }

  @Test
  void with_a_return_http_output_the_response_is_the_return_value() {
    AzureFunctionsHostFake returning =
        host.withBindings(AzureBindings.defaults().withHttpOutput(AzureBindings.RETURN));
    handler.answer(
        request ->
            json(200, "{\"Outputs\":{},\"ReturnValue\":{\"statusCode\":202,\"body\":\"ok\"}}"));

    AzureReply reply = returning.http("jobs", "POST", "/api/jobs");

    assertThat(reply.invocation().httpOutput()).isEqualTo("$return");
    assertThat(reply.violations()).isEmpty();
    assertThat(reply.httpResponse().orElseThrow().statusCode()).isEqualTo(202);
    assertThat(reply.returnValue())
        .hasValueSatisfying(value -> assertThat(value).isInstanceOf(Map.class));

    handler.answer(request -> json(200, "{\"Outputs\":{\"res\":{\"statusCode\":202}}}"));
    assertThat(returning.http("jobs", "POST", "/api/jobs").violations())
        .containsExactly(
            "no ReturnValue: the HTTP output binding '$return' gets no value, so the client does"
                + " not get the function's response");
  }

  @Test
  void without_an_http_output_nothing_is_expected_of_the_outputs() {
    AzureReply reply =
        host.withBindings(AzureBindings.defaults().withHttpOutput(""))
            .http("hook", "POST", "/api/hook");

    assertThat(reply.invocation().httpOutput()).isEmpty();
    assertThat(reply.violations()).isEmpty();
    assertThat(reply.httpResponse()).isEmpty();
  }

  @Test
  void a_missing_or_malformed_res_is_a_violation() {
    handler.answer(request -> json(200, "{\"Outputs\":{},\"Logs\":[]}"));
    assertThat(host.http("o", "GET", "/api/o").violations())
        .containsExactly(
            "no Outputs.res: the HTTP output binding 'res' gets no value, so the client does not"
                + " get the function's response");

    handler.answer(request -> json(200, "{\"Outputs\":{\"res\":\"hello\"}}"));
    AzureReply notAnObject = host.http("o", "GET", "/api/o");
    assertThat(notAnObject.violations())
        .containsExactly("the HTTP output is not a JSON object {statusCode, headers, body}");
    assertThat(notAnObject.httpResponse()).isEmpty();

    handler.answer(request -> json(200, "{\"Outputs\":{\"res\":{\"statusCode\":\"OK\"}}}"));
    assertThat(host.http("o", "GET", "/api/o").violations())
        .containsExactly("the HTTP output's statusCode 'OK' is not an HTTP status (100 to 599)");

    handler.answer(request -> json(200, "{\"Outputs\":{\"res\":{\"statusCode\":999}}}"));
    assertThat(host.http("o", "GET", "/api/o").violations())
        .containsExactly("the HTTP output's statusCode '999' is not an HTTP status (100 to 599)");

    handler.answer(
        request -> json(200, "{\"Outputs\":{\"res\":{\"headers\":{\"X-A\":{\"nested\":1}}}}}"));
    assertThat(host.http("o", "GET", "/api/o").violations())
        .containsExactly(
            "the HTTP output's header X-A is neither a string nor an array of strings");

    handler.answer(request -> json(200, "{\"Outputs\":{\"res\":{\"headers\":[\"X-A: 1\"]}}}"));
    assertThat(host.http("o", "GET", "/api/o").violations())
        .containsExactly("the HTTP output's headers are not a JSON object");
  }

  @Test
  void failing_an_http_invocation_loses_the_functions_response() {
    handler.answer(request -> json(500, "{\"error\":\"boom\"}"));

    AzureReply reply = host.http("o", "GET", "/api/o");

    assertThat(reply.succeeded()).isFalse();
    assertThat(reply.httpResponse()).isEmpty();
    assertThat(reply.violations())
        .containsExactly(
            "status 500 fails the invocation, so the HTTP client gets a bare 500 instead of the"
                + " function's response (answer 200 and put the status in the HTTP output)");
  }
}
