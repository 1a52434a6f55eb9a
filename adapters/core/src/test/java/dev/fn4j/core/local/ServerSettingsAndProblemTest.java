package dev.fn4j.core.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.core.dispatch.FunctionException;
import dev.fn4j.core.http.HttpServerSettings;
import dev.fn4j.core.http.Problem;
import dev.fn4j.core.platform.Environment;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The local runner's server settings and the problem bodies it answers failures with. */
class ServerSettingsAndProblemTest {

  @Test
  void usesThePlatformDefaultsWhenNothingIsSet() {
    // when
    HttpServerSettings settings =
        HttpServerSettings.from(Environment.of(Map.of()), "127.0.0.1", 8080);

    // then
    assertThat(settings.host()).isEqualTo("127.0.0.1");
    assertThat(settings.port()).isEqualTo(8080);
    assertThat(settings.threads()).isGreaterThanOrEqualTo(8);
    assertThat(settings.maxBodyBytes()).isEqualTo(6 * 1024 * 1024);
    assertThat(settings.drain()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void readsEveryVariable() {
    // given
    Environment environment =
        Environment.of(
            Map.of(
                "FN4J_HTTP_HOST", "0.0.0.0",
                "PORT", "9000",
                "FN4J_HTTP_THREADS", "3",
                "FN4J_MAX_BODY_BYTES", "1024",
                "FN4J_DRAIN_SECONDS", "2"));

    // when
    HttpServerSettings settings = HttpServerSettings.from(environment, "127.0.0.1", 8080);

    // then
    assertThat(settings)
        .isEqualTo(new HttpServerSettings("0.0.0.0", 9000, 3, 1024, Duration.ofSeconds(2)));
    assertThat(settings.withPort(0).port()).isZero();
  }

  @Test
  void refusesOutOfRangeValuesNamingTheVariable() {
    // when / then
    assertThatThrownBy(() -> settings("PORT", "70000"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("port must be 0 to 65535");
    assertThatThrownBy(() -> settings("FN4J_HTTP_THREADS", "0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FN4J_HTTP_THREADS");
    assertThatThrownBy(() -> settings("FN4J_MAX_BODY_BYTES", "-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FN4J_MAX_BODY_BYTES");
    assertThatThrownBy(() -> settings("PORT", "http"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PORT must be an integer");
  }

  private static HttpServerSettings settings(String variable, String value) {
    return HttpServerSettings.from(Environment.of(Map.of(variable, value)), "127.0.0.1", 8080);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String json) {
    try {
      return dev.fn4j.core.convert.JsonCodec.instance().mapper().readValue(json, Map.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  @Test
  void describesAFailedInvocationWithoutTheUsersMessage() {
    // given
    FunctionException failure =
        FunctionException.functionFailed("charge", new IllegalStateException("card 4111-1111"));

    // when
    Problem problem = Problem.of(failure, "req-1");
    Map<String, Object> json = parse(problem.toJson());

    // then
    assertThat(problem.type()).isEqualTo("urn:fn4j:problem:function-failed");
    assertThat(json)
        .containsEntry("status", 500)
        .containsEntry("title", "Function failed")
        .containsEntry("function", "charge")
        .containsEntry("phase", "INVOKE")
        .containsEntry("requestId", "req-1");
    assertThat(problem.toJson()).doesNotContain("4111");
  }

  @Test
  void leavesOutTheFunctionWhenRoutingHadNoName() {
    // given
    FunctionException failure = FunctionException.noSuchFunction("", "no function is registered");

    // when
    Map<String, Object> json = parse(Problem.of(failure, null).toJson());

    // then
    assertThat(json)
        .containsEntry("status", 404)
        .containsEntry("phase", "ROUTE")
        .doesNotContainKeys("function", "requestId");
  }
}
