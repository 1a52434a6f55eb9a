package dev.fn4j.aws.batch;

import java.io.ByteArrayOutputStream;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/** Writes the partial batch response: {@code {"batchItemFailures":[{"itemIdentifier":"…"}]}}. */
final class BatchResponse {

  private static final JsonFactory JSON = new JsonFactory();

  private BatchResponse() {}

  static byte[] write(List<String> failedIds) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(32 + 64 * failedIds.size());
    try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      json.writeStartObject();
      json.writeName("batchItemFailures");
      json.writeStartArray();
      for (String id : failedIds) {
        json.writeStartObject();
        json.writeStringProperty("itemIdentifier", id);
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    return out.toByteArray();
  }
}
