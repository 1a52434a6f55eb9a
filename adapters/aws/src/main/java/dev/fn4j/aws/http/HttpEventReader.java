package dev.fn4j.aws.http;

import dev.fn4j.aws.event.EventKind;
import dev.fn4j.aws.event.EventTree;
import dev.fn4j.aws.event.LambdaEvent;
import dev.fn4j.aws.event.MalformedEventException;
import dev.fn4j.core.convert.Payload;
import dev.fn4j.core.http.HttpExchanges;
import dev.fn4j.function.Headers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the HTTP request out of the four HTTP event formats. */
public final class HttpEventReader {

  private HttpEventReader() {}

  /**
   * Reads an HTTP event.
   *
   * @param event an event whose kind is HTTP
   * @return the request
   * @throws MalformedEventException when a field has the wrong type or the body is not valid base64
   */
  public static HttpEvent read(LambdaEvent event) {
    EventTree tree = event.tree();
    return switch (event.kind()) {
      case API_GATEWAY_HTTP, FUNCTION_URL -> version2(event.kind(), tree);
      case API_GATEWAY_REST -> version1(tree);
      case ALB -> alb(tree);
      default -> throw new IllegalArgumentException("not an HTTP event: " + event.kind());
    };
  }

  private static HttpEvent version2(EventKind kind, EventTree tree) {
    EventTree context = tree.requireObject("requestContext");
    EventTree http = context.requireObject("http");
    Headers.Builder headers = Headers.builder();
    addSingle(headers, tree.object("headers"));
    List<String> cookies = tree.strings("cookies");
    if (!cookies.isEmpty() && !hasHeader(tree, "cookie")) {
      headers.add("Cookie", String.join("; ", cookies));
    }
    Optional<String> rawPath = tree.string("rawPath");
    // rawPath is the path as sent, percent-encoded; the JDK server routes by the decoded one.
    String path =
        rawPath.isPresent()
            ? HttpExchanges.decodePath(rawPath.get())
            : http.string("path").orElse("/");
    String stage = context.string("stage").orElse("$default");
    if (!stage.equals("$default") && path.startsWith("/" + stage + "/")) {
      path = path.substring(stage.length() + 1);
    } else if (path.equals("/" + stage)) {
      path = "/";
    }
    String query = tree.string("rawQueryString").orElse("");
    query = query.isEmpty() ? null : query;
    return new HttpEvent(
        kind, false, http.requireString("method"), path, query, headers.build(), body(tree));
  }

  private static HttpEvent version1(EventTree tree) {
    Headers headers = headers(tree);
    String query = query(tree, true);
    return new HttpEvent(
        EventKind.API_GATEWAY_REST,
        tree.has("multiValueHeaders"),
        tree.requireString("httpMethod"),
        tree.string("path").orElse("/"),
        query,
        headers,
        body(tree));
  }

  private static HttpEvent alb(EventTree tree) {
    boolean multiValue = tree.has("multiValueHeaders");
    return new HttpEvent(
        EventKind.ALB,
        multiValue,
        tree.requireString("httpMethod"),
        tree.string("path").orElse("/"),
        query(tree, false),
        headers(tree),
        body(tree));
  }

  /** Multi-value headers win when present (they hold every value); else single values. */
  private static Headers headers(EventTree tree) {
    Headers.Builder headers = Headers.builder();
    if (tree.has("multiValueHeaders")) {
      EventTree multi = tree.requireObject("multiValueHeaders");
      for (String name : multi.fields().keySet()) {
        multi.strings(name).forEach(value -> headers.add(name, value));
      }
    } else {
      addSingle(headers, tree.object("headers"));
    }
    return headers.build();
  }

  private static void addSingle(Headers.Builder headers, Optional<EventTree> single) {
    if (single.isEmpty()) {
      return;
    }
    for (String name : single.get().fields().keySet()) {
      Optional<String> value = single.get().string(name);
      if (value.isPresent()) {
        headers.add(name, value.get());
      }
    }
  }

  private static boolean hasHeader(EventTree tree, String name) {
    Optional<EventTree> headers = tree.object("headers");
    if (headers.isPresent()) {
      for (String key : headers.get().fields().keySet()) {
        if (key.equalsIgnoreCase(name)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Rebuilds a query string from (multi-value) query parameters. API Gateway passes decoded values,
   * which are encoded again; an ALB passes them as they arrived, still encoded.
   */
  private static String query(EventTree tree, boolean encode) {
    StringBuilder query = new StringBuilder();
    if (tree.has("multiValueQueryStringParameters")) {
      EventTree multi = tree.requireObject("multiValueQueryStringParameters");
      for (String name : multi.fields().keySet()) {
        multi.strings(name).forEach(value -> append(query, name, value, encode));
      }
    } else if (tree.has("queryStringParameters")) {
      EventTree single = tree.requireObject("queryStringParameters");
      for (Map.Entry<String, Object> entry : single.fields().entrySet()) {
        single
            .string(entry.getKey())
            .ifPresent(value -> append(query, entry.getKey(), value, encode));
      }
    }
    return query.length() == 0 ? null : query.toString();
  }

  private static void append(StringBuilder query, String name, String value, boolean encode) {
    if (query.length() > 0) {
      query.append('&');
    }
    query
        .append(encode ? URLEncoder.encode(name, StandardCharsets.UTF_8) : name)
        .append('=')
        .append(encode ? URLEncoder.encode(value, StandardCharsets.UTF_8) : value);
  }

  private static Payload body(EventTree tree) {
    String body = tree.string("body").orElse("");
    if (!tree.flag("isBase64Encoded") || body.isEmpty()) {
      return body.isEmpty() ? Payload.EMPTY : Payload.ofText(body);
    }
    try {
      return Payload.ofBytes(Base64.getDecoder().decode(body));
    } catch (IllegalArgumentException e) {
      throw new MalformedEventException(
          "event field 'body' is marked isBase64Encoded but is not valid base64");
    }
  }
}
