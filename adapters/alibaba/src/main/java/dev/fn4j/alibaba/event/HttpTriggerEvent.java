package dev.fn4j.alibaba.event;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.Map;

/**
 * The event an HTTP trigger sends a function in FC 3.0's built-in runtimes (payload version {@code
 * v1}). fn4j maps this event itself: a function normally gets the request body, routed by {@code
 * rawPath}, and its result becomes the HTTP response. A function that declares this type gets the
 * whole event instead (still routed by {@code rawPath}); its result is still the response body.
 *
 * <p>In custom runtimes and custom containers, FC 3.0 forwards an HTTP trigger's requests as HTTP
 * requests, as FC 2.0 did, rather than as this event.
 *
 * @param version the payload format version, {@code v1}
 * @param rawPath the request path, without the query
 * @param headers the request headers; a header sent several times has its values joined by commas
 * @param queryParameters the query parameters; a parameter sent several times has its values joined
 *     by commas
 * @param body the request body: text, or base64 when {@code isBase64Encoded}
 * @param isBase64Encoded whether {@code body} is base64 (a binary request body); false when absent
 * @param requestContext the request's context
 */
public record HttpTriggerEvent(
    String version,
    String rawPath,
    Map<String, String> headers,
    Map<String, String> queryParameters,
    String body,
    @JsonSetter(nulls = Nulls.AS_EMPTY) boolean isBase64Encoded,
    RequestContext requestContext) {

  /**
   * Creates the event; null maps become empty ones.
   *
   * @param version the payload format version, {@code v1}
   * @param rawPath the request path, without the query
   * @param headers the request headers; a header sent several times has its values joined by commas
   * @param queryParameters the query parameters; a parameter sent several times has its values
   *     joined by commas
   * @param body the request body: text, or base64 when {@code isBase64Encoded}
   * @param isBase64Encoded whether {@code body} is base64 (a binary request body); false when
   *     absent
   * @param requestContext the request's context
   */
  public HttpTriggerEvent {
    headers = Copies.map(headers);
    queryParameters = Copies.map(queryParameters);
  }

  /**
   * The request's context.
   *
   * @param accountId the account id of the function's owner
   * @param domainName the domain the request was sent to, for example {@code
   *     <trigger-id>.<region>.fcapp.run}
   * @param domainPrefix the first label of the domain
   * @param requestId FC's request id
   * @param time when the request arrived, ISO 8601 as sent (for example {@code
   *     2024-05-11T08:30:12Z})
   * @param timeEpoch the same time in milliseconds since the epoch, as FC sends it (text)
   * @param http the HTTP request line and client
   */
  public record RequestContext(
      String accountId,
      String domainName,
      String domainPrefix,
      String requestId,
      String time,
      String timeEpoch,
      Http http) {}

  /**
   * The HTTP request line and client.
   *
   * @param method the method, for example {@code GET}
   * @param path the path
   * @param protocol the protocol, for example {@code HTTP/1.1}
   * @param sourceIp the client's address
   * @param userAgent the client's {@code User-Agent}
   */
  public record Http(
      String method, String path, String protocol, String sourceIp, String userAgent) {}
}
