package dev.fn4j.aws.support;

import dev.fn4j.aws.event.EventKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The five HTTP request formats, each with a project event file to start from and the fields of the
 * response format it expects (for a response without cookies and without multi-value headers).
 */
public enum HttpTrigger {
  /** API Gateway REST API, payload format 1.0. */
  REST_API(
      "apigw-v1/post-text.json",
      EventKind.API_GATEWAY_REST,
      Set.of("statusCode", "headers", "body", "isBase64Encoded")),
  /** API Gateway HTTP API, payload format 2.0. */
  HTTP_API(
      "apigw-v2/post-text.json",
      EventKind.API_GATEWAY_HTTP,
      Set.of("statusCode", "headers", "body", "isBase64Encoded")),
  /** Lambda function URL. */
  FUNCTION_URL(
      "function-url/post-text.json",
      EventKind.FUNCTION_URL,
      Set.of("statusCode", "headers", "body", "isBase64Encoded")),
  /** ALB target group, single-value headers. */
  ALB_SINGLE_VALUE(
      "alb/single-value.json",
      EventKind.ALB,
      Set.of("statusCode", "statusDescription", "headers", "body", "isBase64Encoded")),
  /** ALB target group with multi-value headers enabled. */
  ALB_MULTI_VALUE(
      "alb/multi-value.json",
      EventKind.ALB,
      Set.of("statusCode", "statusDescription", "multiValueHeaders", "body", "isBase64Encoded"));

  private final String file;
  private final EventKind kind;
  private final Set<String> plainFields;

  HttpTrigger(String file, EventKind kind, Set<String> plainFields) {
    this.file = file;
    this.kind = kind;
    this.plainFields = plainFields;
  }

  /**
   * Returns the project event file this trigger's requests start from.
   *
   * @return the file below {@code events/aws}
   */
  public String file() {
    return file;
  }

  /**
   * Returns the event kind.
   *
   * @return the kind
   */
  public EventKind kind() {
    return kind;
  }

  /**
   * Returns the fields of a response without cookies and multi-value headers.
   *
   * @return the field names
   */
  public Set<String> plainFields() {
    return plainFields;
  }

  /**
   * Tells whether the format carries cookies in a {@code cookies} array (payload format 2.0) rather
   * than as {@code Set-Cookie} in {@code multiValueHeaders}.
   *
   * @return true for HTTP API and function URLs
   */
  public boolean cookiesArray() {
    return this == HTTP_API || this == FUNCTION_URL;
  }

  /**
   * Builds a request of this format from its event file, to another path.
   *
   * @param path the request path
   * @return the event
   */
  public byte[] request(String path) {
    return Events.edited(file, tree -> setPath(tree, path));
  }

  /**
   * Builds a request of this format from its event file, with another path and body.
   *
   * @param path the request path
   * @param contentType the request content type
   * @param body the (text) body
   * @return the event
   */
  public byte[] request(String path, String contentType, String body) {
    return Events.edited(
        file,
        tree -> {
          setPath(tree, path);
          tree.put("body", body);
          tree.put("isBase64Encoded", false);
          setHeader(tree, "content-type", contentType);
          removeHeader(tree, "content-length");
        });
  }

  static void setPath(Map<String, Object> tree, String path) {
    if (tree.containsKey("rawPath")) {
      tree.put("rawPath", path);
      Events.at(tree, "requestContext", "http").put("path", path);
    } else {
      tree.put("path", path);
    }
  }

  /**
   * Replaces a request header (matched case-insensitively) in the single- and multi-value maps the
   * event has.
   *
   * @param tree the event
   * @param name the header name
   * @param value the new value
   */
  @SuppressWarnings("unchecked")
  public static void setHeader(Map<String, Object> tree, String name, String value) {
    removeHeader(tree, name);
    if (tree.get("headers") instanceof Map<?, ?> single) {
      ((Map<String, Object>) single).put(name, value);
    }
    if (tree.get("multiValueHeaders") instanceof Map<?, ?> multi) {
      ((Map<String, Object>) multi).put(name, new ArrayList<>(List.of(value)));
    }
  }

  static void removeHeader(Map<String, Object> tree, String name) {
    for (String field : List.of("headers", "multiValueHeaders")) {
      if (tree.get(field) instanceof Map<?, ?> headers) {
        headers
            .keySet()
            .removeIf(
                key ->
                    ((String) key).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)));
      }
    }
  }
}
