package dev.fn4j.bench.quarkus;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** {@code shout} behind API Gateway (HTTP API, payload 2.0): a JSON record in and out. */
@Named("http-json")
public class HttpJsonLambda
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  @Inject ObjectMapper mapper;

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    try {
      Shout request = mapper.readValue(HttpResponses.body(event), Shout.class);
      return HttpResponses.of(200, "application/json", mapper.writeValueAsString(request.loud()));
    } catch (JsonProcessingException e) {
      return HttpResponses.of(400, "text/plain; charset=utf-8", "malformed JSON body");
    }
  }
}
