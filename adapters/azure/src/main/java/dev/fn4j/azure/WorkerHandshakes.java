package dev.fn4j.azure;

import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import dev.fn4j.core.http.Problem;
import dev.fn4j.function.Headers;
import java.util.Optional;

/**
 * Event Grid's webhook handshakes, for events delivered to the HTTP trigger (an {@code
 * eventGridTrigger} binding has the host do them): they are answered before any function is looked
 * up, and no function is called.
 *
 * <ul>
 *   <li>Event Grid schema: a {@code POST} with {@code aeg-event-type: SubscriptionValidation} is
 *       answered {@code {"validationResponse": "<validationCode>"}} with 200, as {@link
 *       EventGridValidation} answers it for the custom handler; one without a validation code is a
 *       400 problem.
 *   <li>CloudEvents schema (CloudEvents webhook abuse protection): an {@code OPTIONS} with {@code
 *       WebHook-Request-Origin} is answered 200 with {@code WebHook-Allowed-Origin} naming that
 *       origin, {@code WebHook-Allowed-Rate: *} and {@code Allow: POST}. The function key still
 *       guards the endpoint ({@code authLevel = FUNCTION}).
 * </ul>
 */
final class WorkerHandshakes {

  private WorkerHandshakes() {}

  /**
   * Answers a handshake.
   *
   * @param request the request
   * @param method its method
   * @param headers its headers
   * @param body its body
   * @return the answer, or null when the request is not a handshake
   */
  static HttpResponseMessage answer(
      HttpRequestMessage<?> request, String method, Headers headers, byte[] body) {
    if (headers
        .first("aeg-event-type")
        .map("SubscriptionValidation"::equalsIgnoreCase)
        .orElse(false)) {
      Optional<String> answer = EventGridValidation.answer(headers, body);
      if (answer.isPresent()) {
        return WorkerHttp.json(request, answer.get());
      }
      return WorkerHttp.problem(
          request,
          badHandshake("an Event Grid subscription validation without data.validationCode"),
          null);
    }
    Optional<String> origin = headers.first("WebHook-Request-Origin");
    if (method.equals("OPTIONS") && origin.isPresent()) {
      if (!isOrigin(origin.get())) {
        return WorkerHttp.problem(
            request, badHandshake("the WebHook-Request-Origin header is not a host name"), null);
      }
      return request
          .createResponseBuilder(HttpStatus.OK)
          .header("WebHook-Allowed-Origin", origin.get())
          .header("WebHook-Allowed-Rate", "*")
          .header("Allow", "POST")
          .build();
    }
    return null;
  }

  private static Problem badHandshake(String detail) {
    return new Problem(400, "Bad input", detail, null, "DECODE", null);
  }

  /** A host name, possibly with a port: visible ASCII without separators that split headers. */
  private static boolean isOrigin(String origin) {
    if (origin.isEmpty() || origin.length() > 255) {
      return false;
    }
    for (int i = 0; i < origin.length(); i++) {
      char c = origin.charAt(i);
      if (c <= 0x20 || c >= 0x7f || c == ',' || c == ';') {
        return false;
      }
    }
    return true;
  }
}
