package dev.fn4j.azure;

import dev.fn4j.core.convert.JsonTree;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a custom handler answers the host: {@code Outputs} by output binding name (an HTTP output
 * binding {@code res} holds {@code statusCode}, {@code headers}, {@code body}), {@code Logs} for
 * the function's log stream, and {@code ReturnValue} for a {@code $return} binding.
 */
final class HostResponse {

  private HostResponse() {}

  static byte[] write(Map<String, Object> outputs, List<String> logs, Object returnValue) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("Outputs", outputs);
    response.put("Logs", logs);
    response.put("ReturnValue", returnValue);
    return JsonTree.write(response).getBytes(StandardCharsets.UTF_8);
  }
}
