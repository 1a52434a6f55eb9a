package dev.fn4j.aws.testfunctions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Declares AWS's own {@link APIGatewayV2HTTPEvent}; answers its method and raw path. */
public final class HandleHttpEvent implements Function<APIGatewayV2HTTPEvent, String> {

  private final List<APIGatewayV2HTTPEvent> received = new CopyOnWriteArrayList<>();

  @Override
  public String apply(APIGatewayV2HTTPEvent event) {
    received.add(event);
    return event.getRequestContext().getHttp().getMethod() + " " + event.getRawPath();
  }

  /**
   * Returns the events received, in order.
   *
   * @return the events
   */
  public List<APIGatewayV2HTTPEvent> received() {
    return List.copyOf(received);
  }
}
