package dev.fn4j.bench.handwritten;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** What the HTTP handlers share: the one ObjectMapper, reading a body, writing a v2 response. */
final class HttpResponses {

  /** The one mapper: thread-safe once configured, expensive to create. */
  static final ObjectMapper MAPPER = new ObjectMapper();

  private HttpResponses() {}

  /** The request body as text, decoded when API Gateway sent it base64-encoded. */
  static String body(JsonNode event) {
    JsonNode body = event.get("body");
    if (body == null || body.isNull()) {
      return "";
    }
    if (event.path("isBase64Encoded").asBoolean(false)) {
      return new String(Base64.getDecoder().decode(body.asText()), StandardCharsets.UTF_8);
    }
    return body.asText();
  }

  /** Writes an API Gateway v2 (payload format 2.0) response. */
  static void write(OutputStream out, int status, String contentType, String body)
      throws IOException {
    try (JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
      json.writeStartObject();
      json.writeNumberField("statusCode", status);
      json.writeObjectFieldStart("headers");
      json.writeStringField("Content-Type", contentType);
      json.writeEndObject();
      json.writeStringField("body", body);
      json.writeBooleanField("isBase64Encoded", false);
      json.writeEndObject();
    }
  }
}
