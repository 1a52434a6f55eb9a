package dev.fn4j.gcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the tests deliver events to the invoker, as the platforms do: a CloudEvent in binary mode
 * (attributes as {@code ce-} headers, {@code datacontenttype} as {@code Content-Type}, the data as
 * the body) or structured mode ({@code application/cloudevents+json}), and a legacy GCF event as
 * the JSON body of an {@code application/json} POST; and how they read what {@code echo} saw.
 */
final class CloudEventHttp {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private CloudEventHttp() {}

  /**
   * Parses JSON.
   *
   * @param json the bytes
   * @return the tree
   */
  static JsonNode json(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + new String(json, StandardCharsets.UTF_8).strip(), e);
    }
  }

  /**
   * Returns a structured CloudEvent's attributes and extensions: every member but the data, as
   * text.
   *
   * @param event the event in the JSON event format
   * @return the attributes by name, sorted
   */
  static Map<String, String> attributes(JsonNode event) {
    Map<String, String> attributes = new TreeMap<>();
    event
        .properties()
        .forEach(
            member -> {
              if (!member.getKey().equals("data") && !member.getKey().equals("data_base64")) {
                attributes.put(member.getKey(), member.getValue().asText());
              }
            });
    return attributes;
  }

  /**
   * Returns a structured CloudEvent's data as the bytes binary mode carries: {@code data_base64}
   * decoded; text data of a non-JSON content type as UTF-8; any other data as JSON.
   *
   * @param event the event in the JSON event format
   * @return the bytes, empty when there is no data
   */
  static byte[] data(JsonNode event) {
    if (event.has("data_base64")) {
      return Base64.getDecoder().decode(event.get("data_base64").asText());
    }
    JsonNode data = event.get("data");
    if (data == null || data.isNull()) {
      return new byte[0];
    }
    if (data.isTextual() && !isJson(event.path("datacontenttype").asText(null))) {
      return data.asText().getBytes(StandardCharsets.UTF_8);
    }
    try {
      return JSON.writeValueAsBytes(data);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static boolean isJson(String contentType) {
    if (contentType == null) {
      return true;
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    int semicolon = type.indexOf(';');
    type = (semicolon < 0 ? type : type.substring(0, semicolon)).trim();
    return type.equals("application/json") || type.endsWith("+json");
  }

  /**
   * Returns a binary-mode request for a structured CloudEvent.
   *
   * @param invoker where to send it
   * @param event the event in the JSON event format
   * @return the request
   */
  static HttpRequest binary(InvokerProcess invoker, JsonNode event) {
    HttpRequest.Builder request = invoker.request("/");
    attributes(event)
        .forEach(
            (name, value) ->
                request.header(
                    name.equals("datacontenttype") ? "Content-Type" : "ce-" + name, value));
    return request.POST(BodyPublishers.ofByteArray(data(event))).build();
  }

  /**
   * Returns a structured-mode request.
   *
   * @param invoker where to send it
   * @param event the event in the JSON event format
   * @return the request
   */
  static HttpRequest structured(InvokerProcess invoker, byte[] event) {
    return invoker
        .request("/")
        .header("Content-Type", "application/cloudevents+json; charset=utf-8")
        .POST(BodyPublishers.ofByteArray(event))
        .build();
  }

  /**
   * Returns a legacy GCF event request, as GCF delivers background events.
   *
   * @param invoker where to send it
   * @param event the legacy event's JSON
   * @return the request
   */
  static HttpRequest legacy(InvokerProcess invoker, byte[] event) {
    return invoker
        .request("/")
        .header("Content-Type", "application/json")
        .POST(BodyPublishers.ofByteArray(event))
        .build();
  }

  /**
   * What {@code echo} saw of one event.
   *
   * @param headers the attributes as the function's {@code ce-*} and {@code Content-Type} headers
   *     gave them ({@code Content-Type} as {@code datacontenttype})
   * @param context the attributes as its {@code ce.*} context attributes gave them
   * @param requestId the context's request id
   * @param platform the context's platform
   * @param traceParent the context's W3C trace parent, or null
   * @param data the data bytes
   */
  record Echo(
      Map<String, String> headers,
      Map<String, String> context,
      String requestId,
      String platform,
      String traceParent,
      byte[] data) {

    static Echo of(JsonNode seen) {
      Map<String, String> headers = new TreeMap<>();
      for (Map.Entry<String, JsonNode> header : seen.path("headers").properties()) {
        assertThat(header.getValue().size())
            .as("values of the header %s: %s", header.getKey(), header.getValue())
            .isEqualTo(1);
        String name = header.getKey();
        headers.put(
            name.equals("content-type") ? "datacontenttype" : name.substring("ce-".length()),
            header.getValue().get(0).asText());
      }
      Map<String, String> context = new LinkedHashMap<>();
      seen.path("context")
          .properties()
          .forEach(
              attribute ->
                  context.put(
                      attribute.getKey().substring("ce.".length()), attribute.getValue().asText()));
      return new Echo(
          headers,
          new TreeMap<>(context),
          seen.path("requestId").asText(),
          seen.path("platform").asText(),
          seen.path("traceParent").isNull() ? null : seen.path("traceParent").asText(),
          Base64.getDecoder().decode(seen.path("data").asText()));
    }

    /**
     * Returns the data as JSON.
     *
     * @return the tree
     */
    JsonNode dataJson() {
      return json(data);
    }
  }
}
