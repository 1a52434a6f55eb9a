package dev.fn4j.aws.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Writes the partial batch response: {@code {"batchItemFailures":[{"itemIdentifier":"…"}]}}. */
final class BatchResponse {

  private static final JsonFactory JSON = new JsonFactory();

  private BatchResponse() {}

  static byte[] write(List<String> failedIds) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(32 + 64 * failedIds.size());
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeFieldName("batchItemFailures");
      json.writeStartArray();
      for (String id : failedIds) {
        json.writeStartObject();
        json.writeStringField("itemIdentifier", id);
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
