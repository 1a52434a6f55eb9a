package dev.fn4j.gcp;

import dev.fn4j.core.platform.Environment;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the Google Cloud Functions runtime tells the process through its environment, as context
 * attributes of every invocation, and the request body limit.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><th>variable</th><th>context attribute</th></tr>
 *   <tr><td>{@code FUNCTION_TARGET}</td><td>{@code gcp.function.target}: the entry class</td></tr>
 *   <tr><td>{@code K_SERVICE}</td><td>{@code gcp.service}: the function's service</td></tr>
 *   <tr><td>{@code K_REVISION}</td><td>{@code gcp.revision}</td></tr>
 *   <tr><td>{@code GOOGLE_CLOUD_PROJECT}</td><td>{@code gcp.project}, when the deployment sets
 *       it</td></tr>
 * </table>
 *
 * <p>{@code FN4J_MAX_BODY_BYTES} caps HTTP request bodies; by default 32 MiB, the platform's own
 * limit for HTTP functions, so that fn4j never refuses what Google would accept.
 */
final class GcfEnvironment {

  /** The platform id invocation contexts report. */
  static final String PLATFORM = "gcp-functions";

  /** The request body limit when none is configured: Google's 32 MiB for HTTP functions. */
  static final int DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

  private static final String[][] ATTRIBUTES = {
    {"FUNCTION_TARGET", "gcp.function.target"},
    {"K_SERVICE", "gcp.service"},
    {"K_REVISION", "gcp.revision"},
    {"GOOGLE_CLOUD_PROJECT", "gcp.project"},
  };

  private final Map<String, String> attributes;
  private final int maxBodyBytes;

  GcfEnvironment(Environment environment) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String[] attribute : ATTRIBUTES) {
      environment.value(attribute[0]).ifPresent(value -> values.put(attribute[1], value));
    }
    this.attributes = Map.copyOf(values);
    this.maxBodyBytes = environment.intValue("FN4J_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES);
    if (maxBodyBytes < 0) {
      throw new IllegalArgumentException("FN4J_MAX_BODY_BYTES must not be negative");
    }
  }

  Map<String, String> attributes() {
    return attributes;
  }

  int maxBodyBytes() {
    return maxBodyBytes;
  }
}
