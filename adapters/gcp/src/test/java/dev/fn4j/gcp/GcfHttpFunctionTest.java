package dev.fn4j.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.FunctionCatalog;
import dev.fn4j.core.platform.Environment;
import dev.fn4j.function.Cookie;
import dev.fn4j.function.FunctionRegistrar;
import dev.fn4j.function.HttpReply;
import dev.fn4j.function.Message;
import dev.fn4j.function.TypeRef;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GcfHttpFunctionTest {

  static final String SECRET = "secret-91ab";

  record Order(String item, int quantity) {}

  static final FunctionRegistrar FUNCTIONS =
      registry ->
          registry
              .function("uppercase", String.class, String.class, s -> s.toUpperCase(Locale.ROOT))
              .function(
                  "order", Order.class, Order.class, o -> new Order(o.item(), o.quantity() + 1))
              .supplier("fortune", TypeRef.of(String.class), () -> "luck")
              .function(
                  "boom",
                  String.class,
                  String.class,
                  s -> {
                    throw new IllegalStateException(SECRET);
                  })
              .function(
                  "download",
                  TypeRef.of(String.class),
                  new TypeRef<HttpReply<byte[]>>() {},
                  s ->
                      HttpReply.of(201, new byte[] {0, 1, (byte) 0xff})
                          .withHeader("X-Tag", "a")
                          .withHeader("X-Tag", "b")
                          .withHeader("Content-Length", "999")
                          .withCookie(Cookie.of("session", "abc")))
              .function(
                  "context",
                  new TypeRef<Message<String>>() {},
                  TypeRef.of(String.class),
                  m ->
                      m.context().platform()
                          + " "
                          + m.context().attributes().get("gcp.function.target")
                          + " "
                          + m.context().attributes().get("http.query")
                          + " "
                          + m.context().trace().platformTraceId().orElse("-")
                          + " "
                          + m.context().requestId());

  static GcfHttpFunction function(Map<String, String> environment) {
    Map<String, String> variables = new HashMap<>(environment);
    variables.putIfAbsent("FUNCTION_TARGET", "dev.fn4j.gcp.GcfHttpFunction");
    return new GcfHttpFunction(
        FunctionRuntime.of(Environment.of(variables), FunctionCatalog.of(FUNCTIONS)));
  }

  static FakeHttp.Response serve(GcfHttpFunction function, FakeHttp.Request request)
      throws IOException {
    FakeHttp.Response response = new FakeHttp.Response();
    function.service(request, response);
    return response;
  }

  static FakeHttp.Response serve(FakeHttp.Request request) throws IOException {
    return serve(function(Map.of()), request);
  }

  @Test
  void a_path_names_the_function_and_text_comes_back_as_text() throws IOException {
    FakeHttp.Response response =
        serve(FakeHttp.post("/uppercase", "hello", "Content-Type", "text/plain"));
    assertThat(response.status).isEqualTo(200);
    assertThat(response.text()).isEqualTo("HELLO");
    assertThat(response.contentType).startsWith("text/plain");
  }

  @Test
  void a_record_is_read_and_written_as_json() throws IOException {
    FakeHttp.Response response =
        serve(
            FakeHttp.post(
                "/order", "{\"item\":\"pen\",\"quantity\":1}", "Content-Type", "application/json"));
    assertThat(response.status).isEqualTo(200);
    assertThat(response.text()).isEqualTo("{\"item\":\"pen\",\"quantity\":2}");
    assertThat(response.contentType).isEqualTo("application/json");
  }

  @Test
  void a_supplier_is_called_with_get_and_a_function_with_get_is_405() throws IOException {
    assertThat(serve(FakeHttp.request("GET", "/fortune", new byte[0])).text()).isEqualTo("luck");
    FakeHttp.Response wrong = serve(FakeHttp.request("GET", "/uppercase", new byte[0]));
    assertThat(wrong.status).isEqualTo(405);
    assertThat(wrong.header("Allow")).containsExactly("POST");
  }

  @Test
  void favicon_and_robots_are_404_as_the_functions_contract_asks() throws IOException {
    for (String path : new String[] {"/favicon.ico", "/robots.txt"}) {
      FakeHttp.Response response = serve(FakeHttp.request("GET", path, new byte[0]));
      assertThat(response.status).as(path).isEqualTo(404);
      assertThat(response.contentType).isEqualTo("application/problem+json");
    }
  }

  @Test
  void failures_answer_the_status_of_their_phase_with_a_problem_body() throws IOException {
    FakeHttp.Response unknown = serve(FakeHttp.post("/nope", "x"));
    assertThat(unknown.status).isEqualTo(404);
    assertThat(unknown.text()).contains("\"phase\":\"ROUTE\"");

    FakeHttp.Response bad =
        serve(FakeHttp.post("/order", "{oops", "Content-Type", "application/json"));
    assertThat(bad.status).isEqualTo(400);
    assertThat(bad.text()).contains("\"function\":\"order\"").contains("\"phase\":\"DECODE\"");

    FakeHttp.Response failed = serve(FakeHttp.post("/boom", "x"));
    assertThat(failed.status).isEqualTo(500);
    assertThat(failed.text()).contains("INVOKE").doesNotContain(SECRET).doesNotContain("\tat ");
  }

  @Test
  void a_body_over_the_limit_is_413() throws IOException {
    FakeHttp.Response response =
        serve(function(Map.of("FN4J_MAX_BODY_BYTES", "4")), FakeHttp.post("/uppercase", "hello"));
    assertThat(response.status).isEqualTo(413);
  }

  @Test
  void the_portable_reply_keeps_status_multi_value_headers_cookies_and_bytes() throws IOException {
    FakeHttp.Response response = serve(FakeHttp.post("/download", "x"));
    assertThat(response.status).isEqualTo(201);
    assertThat(response.header("X-Tag")).containsExactly("a", "b");
    assertThat(response.header("Set-Cookie")).singleElement().asString().startsWith("session=abc");
    assertThat(response.header("Content-Length")).as("server-controlled").isEmpty();
    assertThat(response.body.toByteArray()).containsExactly(0, 1, 0xff);
    assertThat(response.contentType).isEqualTo("application/octet-stream");
  }

  @Test
  void the_context_names_the_platform_the_entry_point_the_query_and_the_trace() throws IOException {
    FakeHttp.Response response =
        serve(
            FakeHttp.post(
                "/context?a=1",
                "",
                "X-Cloud-Trace-Context",
                "105445aa7843bc8bf206b12000100000/1;o=1",
                "Function-Execution-Id",
                "exec-7"));
    assertThat(response.text())
        .isEqualTo(
            "gcp-functions dev.fn4j.gcp.GcfHttpFunction a=1"
                + " 105445aa7843bc8bf206b12000100000/1;o=1 exec-7");
  }
}
