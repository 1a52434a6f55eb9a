package dev.fn4j.azure;

import dev.fn4j.core.convert.JsonCodec;
import dev.fn4j.core.convert.JsonTree;
import dev.fn4j.core.dispatch.FunctionException;
import java.util.Map;

/**
 * What the Functions host POSTs to a custom handler at {@code /{FunctionName}}: the {@code Data} of
 * the trigger and input bindings by binding name, and the trigger's {@code Metadata} (with {@code
 * sys.MethodName}, {@code sys.UtcNow}, {@code sys.RandGuid}).
 *
 * @param functionName the Azure function's name, from the path
 * @param data the bindings' values by binding name
 * @param metadata the trigger metadata
 */
record HostRequest(String functionName, Map<String, Object> data, Map<String, Object> metadata) {

  HostRequest {
    data = Map.copyOf(data);
    metadata = Map.copyOf(metadata);
  }

  @SuppressWarnings("unchecked")
  static HostRequest parse(String functionName, byte[] body) {
    Object tree;
    try {
      tree = JsonTree.parse(body);
    } catch (JsonCodec.JsonDecodeException e) {
      throw FunctionException.badInput(
          functionName, "the host's invocation request is not JSON: " + e.getMessage());
    }
    if (!(tree instanceof Map<?, ?> request) || !(request.get("Data") instanceof Map)) {
      throw FunctionException.badInput(
          functionName, "the host's invocation request has no Data object");
    }
    Object metadata = request.get("Metadata");
    return new HostRequest(
        functionName,
        withoutNulls((Map<String, Object>) request.get("Data")),
        metadata instanceof Map<?, ?> map ? withoutNulls((Map<String, Object>) map) : Map.of());
  }

  private static Map<String, Object> withoutNulls(Map<String, Object> map) {
    Map<String, Object> copy = new java.util.LinkedHashMap<>();
    map.forEach(
        (key, value) -> {
          if (value != null) {
            copy.put(key, value);
          }
        });
    return copy;
  }

  /**
   * Returns the invocation id the host gives.
   *
   * @return {@code Metadata.sys.RandGuid}, or null
   */
  String invocationId() {
    return metadata.get("sys") instanceof Map<?, ?> sys && sys.get("RandGuid") instanceof String id
        ? id
        : null;
  }
}
