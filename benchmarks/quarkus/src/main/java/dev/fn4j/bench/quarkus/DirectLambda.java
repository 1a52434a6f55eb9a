package dev.fn4j.bench.quarkus;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import jakarta.inject.Named;

/** {@code shout} invoked directly: Quarkus binds the event to the record and back. */
@Named("direct")
public class DirectLambda implements RequestHandler<Shout, Shout> {

  @Override
  public Shout handleRequest(Shout input, Context context) {
    return input.loud();
  }
}
