package dev.fn4j.core.http;

import com.sun.net.httpserver.HttpExchange;
import dev.fn4j.core.dispatch.FunctionException;
import dev.fn4j.core.dispatch.FunctionResult;
import dev.fn4j.function.Cookie;
import dev.fn4j.function.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/** Reads requests from and writes replies to a JDK {@link HttpExchange}; shared by every server. */
public final class HttpExchanges {

  /** How much of a refused body is read to its end so that the client gets its 413. */
  static final long MAX_SWALLOWED_BYTES = 16L * 1024 * 1024;

  private static final System.Logger LOG = dev.fn4j.core.logging.LazyLogger.of("dev.fn4j.http");

  /** Headers the server itself controls; a function cannot set them. */
  private static final Set<String> RESERVED =
      Set.of("content-length", "transfer-encoding", "connection", "date", "set-cookie");

  private HttpExchanges() {}

  /**
   * Tells whether a response header is one the server or gateway controls ({@code Content-Length},
   * {@code Transfer-Encoding}, {@code Connection}, {@code Date}, {@code Set-Cookie}), which a
   * function's reply headers cannot set; cookies go through {@code HttpReply.withCookie}.
   *
   * @param name the header name, in any case
   * @return true when the header is dropped from a function's reply headers
   */
  public static boolean isServerControlled(String name) {
    return RESERVED.contains(name.toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * Returns the request headers.
   *
   * @param exchange the exchange
   * @return the headers
   */
  public static Headers requestHeaders(HttpExchange exchange) {
    Headers.Builder builder = Headers.builder();
    for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
      for (String value : header.getValue()) {
        builder.add(header.getKey(), value);
      }
    }
    return builder.build();
  }

  /**
   * Reads the request body, refusing one over the limit before reading it all.
   *
   * @param exchange the exchange
   * @param limit the largest body accepted, in bytes
   * @param target the function the body is for, named in the error; empty before one is chosen
   * @return the body
   * @throws FunctionException (413) when the body is larger than the limit
   * @throws IOException when reading fails
   */
  public static byte[] readBody(HttpExchange exchange, int limit, String target)
      throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return readBody(in, exchange.getRequestHeaders().getFirst("Content-Length"), limit, target);
    }
  }

  /**
   * Reads a request body from any server's stream, refusing one over the limit before reading it
   * all.
   *
   * @param in the body
   * @param declaredLength the {@code Content-Length} header, or null
   * @param limit the largest body accepted, in bytes
   * @param target the function the body is for, named in the error; empty before one is chosen
   * @return the body
   * @throws FunctionException (413) when the body is larger than the limit, (400) when the declared
   *     length is not a number
   * @throws IOException when reading fails
   */
  public static byte[] readBody(InputStream in, String declaredLength, int limit, String target)
      throws IOException {
    if (declaredLength != null) {
      long declared;
      try {
        declared = Long.parseLong(declaredLength.trim());
      } catch (NumberFormatException e) {
        throw FunctionException.badInput(target, "the Content-Length header is not a number");
      }
      if (declared > limit) {
        swallow(in);
        throw FunctionException.payloadTooLarge(target, limit);
      }
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int read;
    while ((read = in.read(buffer)) != -1) {
      if (body.size() + read > limit) {
        swallow(in);
        throw FunctionException.payloadTooLarge(target, limit);
      }
      body.write(buffer, 0, read);
    }
    return body.toByteArray();
  }

  /**
   * Percent-decodes a request path as the JDK server does for its own requests, so that every
   * platform routes the same path alike ({@code /upper%63ase} is {@code /uppercase}, a composition
   * needs its {@code |} encoded). A {@code +} stays a {@code +}; a malformed escape leaves the path
   * as it is, to be refused by routing.
   *
   * @param rawPath the path as the request line or the platform's event carries it
   * @return the decoded path
   */
  public static String decodePath(String rawPath) {
    if (rawPath == null || rawPath.indexOf('%') < 0) {
      return rawPath;
    }
    try {
      return java.net.URLDecoder.decode(
          rawPath.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return rawPath;
    }
  }

  /**
   * Reads and discards the rest of a refused body, up to {@value #MAX_SWALLOWED_BYTES} bytes: a
   * server that closes a connection with request bytes unread makes the kernel reset it, and the
   * reset throws away the 413 the client has not read yet. A larger body is cut off instead.
   */
  private static void swallow(InputStream in) throws IOException {
    byte[] buffer = new byte[8192];
    long swallowed = 0;
    int read;
    while (swallowed < MAX_SWALLOWED_BYTES && (read = in.read(buffer)) != -1) {
      swallowed += read;
    }
  }

  /**
   * Writes a function result: the status it chose (else 200, or 204 when empty), its headers and
   * cookies, and its payload.
   *
   * @param exchange the exchange
   * @param result the result
   * @throws IOException when writing fails
   */
  public static void sendResult(HttpExchange exchange, FunctionResult result) throws IOException {
    sendResult(exchange, result, name -> false);
  }

  /**
   * Writes a function result, dropping the reply headers a platform reserves.
   *
   * @param exchange the exchange
   * @param result the result
   * @param exclude reply header names (as the function wrote them) to drop
   * @throws IOException when writing fails
   */
  public static void sendResult(
      HttpExchange exchange, FunctionResult result, Predicate<String> exclude) throws IOException {
    com.sun.net.httpserver.Headers out = exchange.getResponseHeaders();
    addReplyHeaders(out, result.headers(), exclude);
    for (Cookie cookie : result.cookies()) {
      out.add("Set-Cookie", cookie.toSetCookieHeader());
    }
    String contentType = result.effectiveContentType();
    if (contentType != null && !out.containsKey("Content-Type")) {
      out.set("Content-Type", contentType);
    }
    send(exchange, result.httpStatus(), result.bytes());
  }

  /**
   * Adds a function's reply headers to a response: server-controlled headers and those the caller
   * excludes are skipped, and a header with characters that could split the response is dropped
   * with a warning.
   *
   * @param out the response headers
   * @param headers the function's reply headers
   * @param exclude names (as the function wrote them) the caller writes itself
   */
  public static void addReplyHeaders(
      com.sun.net.httpserver.Headers out, Headers headers, Predicate<String> exclude) {
    addReplyHeaders(out::add, headers, exclude);
  }

  /**
   * Adds a function's reply headers through any server's header setter, with the same rules as
   * {@link #addReplyHeaders(com.sun.net.httpserver.Headers, Headers, Predicate)}.
   *
   * @param out adds one header value to the response
   * @param headers the function's reply headers
   * @param exclude names (as the function wrote them) the caller writes itself
   */
  public static void addReplyHeaders(
      BiConsumer<String, String> out, Headers headers, Predicate<String> exclude) {
    for (Map.Entry<String, List<String>> header : headers.asMap().entrySet()) {
      String name = header.getKey();
      if (isServerControlled(name) || exclude.test(name)) {
        continue;
      }
      for (String value : header.getValue()) {
        if (isSafe(name, value)) {
          out.accept(name, value);
        } else {
          LOG.log(
              Level.WARNING, "Dropped reply header '" + printable(name) + "': invalid characters");
        }
      }
    }
  }

  /**
   * Writes a problem body.
   *
   * @param exchange the exchange
   * @param problem the problem
   * @throws IOException when writing fails
   */
  public static void sendProblem(HttpExchange exchange, Problem problem) throws IOException {
    com.sun.net.httpserver.Headers out = exchange.getResponseHeaders();
    out.set("Content-Type", Problem.CONTENT_TYPE);
    out.set("X-Content-Type-Options", "nosniff");
    send(exchange, problem.status(), problem.toJson().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes a JSON document with status 200.
   *
   * @param exchange the exchange
   * @param json the document
   * @throws IOException when writing fails
   */
  public static void sendJson(HttpExchange exchange, String json) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    send(exchange, 200, json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes a status and body; a body-less status (204, 304, 1xx) or an empty body gets none.
   *
   * @param exchange the exchange
   * @param status the status
   * @param body the body
   * @throws IOException when writing fails
   */
  public static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    boolean noBody =
        body.length == 0
            || status == 204
            || status == 304
            || status < 200
            || "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static boolean isSafe(String name, String value) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= 0x20 || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
        return false;
      }
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n' || c == 0) {
        return false;
      }
    }
    return true;
  }

  private static String printable(String text) {
    return text.replaceAll("[^\\x21-\\x7e]", "?");
  }
}
