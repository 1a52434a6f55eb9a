package dev.fn4j.aws.runtime;

import com.amazonaws.services.lambda.runtime.Client;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import dev.fn4j.core.convert.JsonCodec;
import dev.fn4j.core.convert.JsonTree;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the optional JSON headers of a Runtime API invocation into the Lambda context's types:
 * {@code Lambda-Runtime-Cognito-Identity} ({@code cognitoIdentityId}, {@code
 * cognitoIdentityPoolId}) and {@code Lambda-Runtime-Client-Context} ({@code client}, {@code
 * custom}, {@code env}), as the managed runtime does. A malformed header is ignored, never fatal.
 */
final class InvocationHeaders {

  private InvocationHeaders() {}

  static CognitoIdentity cognitoIdentity(String header) {
    Map<?, ?> json = object(header);
    if (json == null) {
      return null;
    }
    String id = text(json, "cognitoIdentityId");
    String pool = text(json, "cognitoIdentityPoolId");
    return new Identity(id, pool);
  }

  static ClientContext clientContext(String header) {
    Map<?, ?> json = object(header);
    if (json == null) {
      return null;
    }
    Map<?, ?> client = json.get("client") instanceof Map<?, ?> map ? map : Map.of();
    return new Context(
        new App(
            text(client, "installation_id"),
            text(client, "app_title"),
            text(client, "app_version_name"),
            text(client, "app_version_code"),
            text(client, "app_package_name")),
        strings(json.get("custom")),
        strings(json.get("env")));
  }

  private static Map<?, ?> object(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return JsonTree.parse(header) instanceof Map<?, ?> map ? map : null;
    } catch (JsonCodec.JsonDecodeException e) {
      return null;
    }
  }

  private static String text(Map<?, ?> json, String name) {
    return json.get(name) instanceof String value ? value : null;
  }

  private static Map<String, String> strings(Object value) {
    Map<String, String> strings = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach(
          (key, item) -> {
            if (item instanceof String text) {
              strings.put(String.valueOf(key), text);
            }
          });
    }
    return Map.copyOf(strings);
  }

  private record Identity(String getIdentityId, String getIdentityPoolId)
      implements CognitoIdentity {}

  private record App(
      String getInstallationId,
      String getAppTitle,
      String getAppVersionName,
      String getAppVersionCode,
      String getAppPackageName)
      implements Client {}

  private record Context(
      Client getClient, Map<String, String> getCustom, Map<String, String> getEnvironment)
      implements ClientContext {}
}
