package dev.fn4j.bench.quarkus;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import jakarta.inject.Named;

/** {@code uppercase} behind API Gateway (HTTP API, payload 2.0): text in, text out. */
@Named("http-text")
public class HttpTextLambda
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return HttpResponses.of(
        200, "text/plain; charset=utf-8", Shout.upper(HttpResponses.body(event)));
  }
}
