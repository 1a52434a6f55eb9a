package dev.fn4j.bench.quarkus;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@code shout} on an SQS batch, with partial batch failures. */
@Named("sqs")
public class SqsLambda implements RequestHandler<SQSEvent, SQSBatchResponse> {

  @Inject ObjectMapper mapper;

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage message : event.getRecords()) {
      try {
        Shout result = mapper.readValue(message.getBody(), Shout.class).loud();
        if (result.name() == null && result.message() == null) {
          throw new IllegalArgumentException("empty message");
        }
      } catch (IOException | RuntimeException e) {
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
      }
    }
    return new SQSBatchResponse(failures);
  }
}
