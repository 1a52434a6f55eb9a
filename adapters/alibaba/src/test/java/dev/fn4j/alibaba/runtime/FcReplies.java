package dev.fn4j.alibaba.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fn4j.testkit.FcCredentials;
import dev.fn4j.testkit.FcReply;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reading and checking the answers of the custom runtime. */
public final class FcReplies {

  /** Reads JSON answers and fixtures. */
  public static final ObjectMapper JSON = new ObjectMapper();

  private FcReplies() {}

  public static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode json(byte[] bytes) {
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts an answer FC reads as succeeded: 200 and {@code x-fc-status: 200}, no violation. */
  public static void assertSucceeded(FcReply reply) {
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.fcStatus()).as("%s", reply).hasValue(200);
    assertThat(reply.violations()).as("%s", reply).isEmpty();
    assertClean(reply.text());
  }

  /**
   * Asserts an answer FC reads as failed, in FC's own form: 404, {@code x-fc-status: 404}, a
   * problem body naming the function and the phase, nothing that must not leave the process.
   *
   * @return the problem
   */
  public static JsonNode assertFailed(FcReply reply, String function, String phase) {
    assertThat(reply.status()).as("%s", reply).isEqualTo(404);
    assertThat(reply.fcStatus()).as("%s", reply).hasValue(404);
    assertThat(reply.violations()).as("%s", reply).isEmpty();
    assertThat(reply.header("Content-Type")).as("%s", reply).hasValue("application/problem+json");
    JsonNode problem = json(reply.text());
    assertThat(problem.path("status").asInt()).as("%s", reply).isEqualTo(404);
    assertThat(problem.path("phase").asText()).as("%s", reply).isEqualTo(phase);
    if (function != null) {
      assertThat(problem.path("function").asText()).as("%s", reply).isEqualTo(function);
    }
    assertThat(problem.path("requestId").asText()).as("%s", reply).isEqualTo(reply.requestId());
    assertThat(problem.path("title").asText()).isNotBlank();
    assertThat(problem.path("detail").asText()).isNotBlank();
    assertClean(reply.text());
    return problem;
  }

  /**
   * Asserts that a text holds no credential of the fake host, no exception message of user code
   * ({@link RuntimeFunctions#SECRET}) and no stack trace.
   */
  public static void assertClean(String text) {
    assertThat(text)
        .as("no credential, no user exception message, no stack trace")
        .doesNotContain(FcCredentials.FAKE_ACCESS_KEY_ID)
        .doesNotContain(FcCredentials.FAKE_ACCESS_KEY_SECRET)
        .doesNotContain(FcCredentials.FAKE_SECURITY_TOKEN)
        .doesNotContain(RuntimeFunctions.SECRET)
        .doesNotContainPattern("\\bat [\\w.$]+\\([\\w.$]+\\.java:\\d+\\)")
        .doesNotContain("\tat ");
  }
}
