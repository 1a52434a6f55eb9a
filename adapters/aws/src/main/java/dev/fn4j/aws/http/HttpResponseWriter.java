package dev.fn4j.aws.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.fn4j.core.convert.Payload;
import dev.fn4j.function.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an HTTP response in the exact format of the event kind that came in:
 *
 * <ul>
 *   <li>HTTP API and function URL (2.0): {@code statusCode}, {@code headers} (several values joined
 *       with commas), {@code cookies}, {@code body}, {@code isBase64Encoded};
 *   <li>REST API (1.0): {@code statusCode}, {@code headers} for single values, {@code
 *       multiValueHeaders} for headers with several values and for {@code Set-Cookie}, {@code
 *       body}, {@code isBase64Encoded};
 *   <li>ALB: as REST, plus {@code statusDescription}; in multi-value mode every header goes to
 *       {@code multiValueHeaders} and {@code headers} is left out.
 * </ul>
 *
 * <p>A text body is written as is; a byte body always as base64 with {@code isBase64Encoded}.
 */
public final class HttpResponseWriter {

  private static final JsonFactory JSON = new JsonFactory();

  private HttpResponseWriter() {}

  /**
   * Writes a response.
   *
   * @param request the request it answers, which decides the format
   * @param status the HTTP status
   * @param headers the headers, {@code Set-Cookie} excluded
   * @param cookies {@code Set-Cookie} values
   * @param body the body
   * @return the response JSON
   */
  public static byte[] write(
      HttpEvent request, int status, Headers headers, List<String> cookies, Payload body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + estimate(body));
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeNumberField("statusCode", status);
      switch (request.kind()) {
        case API_GATEWAY_HTTP, FUNCTION_URL -> version2(json, headers, cookies);
        case API_GATEWAY_REST -> version1(json, headers, cookies, false);
        case ALB -> {
          json.writeStringField("statusDescription", status + " " + ReasonPhrases.of(status));
          version1(json, headers, cookies, request.multiValue());
        }
        default -> throw new IllegalArgumentException("not an HTTP event: " + request.kind());
      }
      writeBody(json, body);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static int estimate(Payload body) {
    return body instanceof Payload.Text text ? text.text().length() : body.asBytes().length * 4 / 3;
  }

  private static void version2(JsonGenerator json, Headers headers, List<String> cookies)
      throws IOException {
    json.writeFieldName("headers");
    json.writeStartObject();
    for (Map.Entry<String, List<String>> header : headers.asMap().entrySet()) {
      json.writeStringField(header.getKey(), String.join(",", header.getValue()));
    }
    json.writeEndObject();
    if (!cookies.isEmpty()) {
      json.writeFieldName("cookies");
      json.writeStartArray();
      for (String cookie : cookies) {
        json.writeString(cookie);
      }
      json.writeEndArray();
    }
  }

  private static void version1(
      JsonGenerator json, Headers headers, List<String> cookies, boolean allMultiValue)
      throws IOException {
    Map<String, String> single = new LinkedHashMap<>();
    Map<String, List<String>> multi = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> header : headers.asMap().entrySet()) {
      if (allMultiValue || header.getValue().size() > 1) {
        multi.put(header.getKey(), header.getValue());
      } else {
        single.put(header.getKey(), header.getValue().get(0));
      }
    }
    if (!cookies.isEmpty()) {
      multi.put("Set-Cookie", new ArrayList<>(cookies));
    }
    if (!allMultiValue) {
      json.writeFieldName("headers");
      json.writeStartObject();
      for (Map.Entry<String, String> header : single.entrySet()) {
        json.writeStringField(header.getKey(), header.getValue());
      }
      json.writeEndObject();
    }
    if (!multi.isEmpty() || allMultiValue) {
      json.writeFieldName("multiValueHeaders");
      json.writeStartObject();
      for (Map.Entry<String, List<String>> header : multi.entrySet()) {
        json.writeFieldName(header.getKey());
        json.writeStartArray();
        for (String value : header.getValue()) {
          json.writeString(value);
        }
        json.writeEndArray();
      }
      json.writeEndObject();
    }
  }

  private static void writeBody(JsonGenerator json, Payload body) throws IOException {
    if (body instanceof Payload.Text text) {
      json.writeStringField("body", text.text());
      json.writeBooleanField("isBase64Encoded", false);
    } else if (body.isEmpty()) {
      json.writeStringField("body", "");
      json.writeBooleanField("isBase64Encoded", false);
    } else {
      json.writeStringField("body", Base64.getEncoder().encodeToString(body.asBytes()));
      json.writeBooleanField("isBase64Encoded", true);
    }
  }
}
