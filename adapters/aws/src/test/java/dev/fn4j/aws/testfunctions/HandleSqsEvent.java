package dev.fn4j.aws.testfunctions;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Declares AWS's own {@link SQSEvent}: gets the whole batch and answers AWS's {@link
 * SQSBatchResponse}, reporting the messages whose body contains a marker.
 */
public final class HandleSqsEvent implements Function<SQSEvent, SQSBatchResponse> {

  private final String failMarker;
  private final List<SQSEvent> received = new CopyOnWriteArrayList<>();

  /**
   * Creates the function.
   *
   * @param failMarker text whose presence in a body makes that message fail
   */
  public HandleSqsEvent(String failMarker) {
    this.failMarker = failMarker;
  }

  @Override
  public SQSBatchResponse apply(SQSEvent event) {
    received.add(event);
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage message : event.getRecords()) {
      if (message.getBody().contains(failMarker)) {
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
      }
    }
    return new SQSBatchResponse(failures);
  }

  /**
   * Returns the events received, in order.
   *
   * @return the events
   */
  public List<SQSEvent> received() {
    return List.copyOf(received);
  }
}
