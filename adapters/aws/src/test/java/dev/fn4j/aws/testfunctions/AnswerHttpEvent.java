package dev.fn4j.aws.testfunctions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.function.Function;

/**
 * The usual AWS-native handler shape: {@link APIGatewayV2HTTPEvent} in, {@link
 * APIGatewayV2HTTPResponse} out (418 with a text body).
 */
public final class AnswerHttpEvent
    implements Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  @Override
  public APIGatewayV2HTTPResponse apply(APIGatewayV2HTTPEvent event) {
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(418)
        .withHeaders(Map.of("Content-Type", "text/plain"))
        .withBody("short and stout")
        .build();
  }
}
