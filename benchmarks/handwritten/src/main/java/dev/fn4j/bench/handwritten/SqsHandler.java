package dev.fn4j.bench.handwritten;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code shout} on an SQS batch: each message body is a JSON record; a message that fails is
 * reported as a batch item failure, the others succeed.
 */
public final class SqsHandler implements RequestStreamHandler {

  private static final ObjectMapper MAPPER = HttpResponses.MAPPER;

  /** Creates the handler, as Lambda does. */
  public SqsHandler() {}

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JsonNode event = MAPPER.readTree(input);
    List<String> failures = new ArrayList<>();
    for (JsonNode message : event.path("Records")) {
      try {
        Shout shout = MAPPER.readValue(message.path("body").asText(), Shout.class);
        process(shout.loud());
      } catch (IOException | RuntimeException e) {
        failures.add(message.path("messageId").asText());
      }
    }
    try (JsonGenerator json = MAPPER.getFactory().createGenerator(output)) {
      json.writeStartObject();
      json.writeArrayFieldStart("batchItemFailures");
      for (String id : failures) {
        json.writeStartObject();
        json.writeStringField("itemIdentifier", id);
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  /** Where the result would go (a queue, a table): nowhere here, as in the other variants. */
  private static void process(Shout result) {
    if (result.name() == null && result.message() == null) {
      throw new IllegalArgumentException("empty message");
    }
  }
}
