package dev.fn4j.bench.quarkus;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** What the HTTP handlers share: reading a body, building a v2 response. */
final class HttpResponses {

  private HttpResponses() {}

  /** The request body as text, decoded when API Gateway sent it base64-encoded. */
  static String body(APIGatewayV2HTTPEvent event) {
    String body = event.getBody();
    if (body == null) {
      return "";
    }
    if (event.getIsBase64Encoded()) {
      return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
    }
    return body;
  }

  /** An API Gateway v2 (payload format 2.0) response. */
  static APIGatewayV2HTTPResponse of(int status, String contentType, String body) {
    APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
    response.setStatusCode(status);
    response.setHeaders(Map.of("Content-Type", contentType));
    response.setBody(body);
    response.setIsBase64Encoded(false);
    return response;
  }
}
