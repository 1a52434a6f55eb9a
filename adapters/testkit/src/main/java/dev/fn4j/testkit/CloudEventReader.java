package dev.fn4j.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads CloudEvents from an HTTP message, following the CloudEvents HTTP protocol binding (1.0; 0.3
 * read too): binary mode ({@code ce-} headers, percent-decoded), structured mode ({@code
 * application/cloudevents+json}) and batch mode ({@code application/cloudevents-batch+json}).
 * Stateless.
 */
final class CloudEventReader {

  /** The structured mode's media type. */
  static final String STRUCTURED = "application/cloudevents+json";

  /** The batch mode's media type. */
  static final String BATCH = "application/cloudevents-batch+json";

  static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private CloudEventReader() {}

  /** Why a message is not a CloudEvent this reader accepts, with the HTTP status to answer. */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    /** The status to answer: 400 (bad event) or 415 (an event format other than JSON). */
    final int status;

    Unreadable(int status, String reason) {
      super(reason, null, false, false);
      this.status = status;
    }
  }

  /**
   * Tells whether an HTTP message carries a CloudEvent at all, as a reply may or may not.
   *
   * @param headers the message's headers, names compared without regard to case
   * @return true with a {@code ce-specversion} header or a CloudEvents content type
   */
  static boolean isCloudEvent(Map<String, List<String>> headers) {
    String media = mediaType(first(headers, "Content-Type")).orElse("");
    return first(headers, "ce-specversion") != null
        || media.startsWith("application/cloudevents+")
        || media.startsWith("application/cloudevents-batch+");
  }

  /**
   * Reads every event in an HTTP message.
   *
   * @param headers the message's headers, names compared without regard to case
   * @param body the body
   * @return one event (binary or structured mode) or the batch's events, in order
   * @throws Unreadable when the message is not a well-formed CloudEvent of a supported version
   */
  static List<CloudEventMessage> read(Map<String, List<String>> headers, byte[] body)
      throws Unreadable {
    String contentType = first(headers, "Content-Type");
    String media = mediaType(contentType).orElse("");
    if (media.equals(STRUCTURED)) {
      return List.of(structured(CloudEventMessage.Mode.STRUCTURED, tree(body), headers));
    }
    if (media.equals(BATCH)) {
      JsonNode array = tree(body);
      if (!array.isArray()) {
        throw new Unreadable(400, "A batch must be a JSON array, got " + array.getNodeType());
      }
      List<CloudEventMessage> events = new ArrayList<>();
      for (JsonNode element : array) {
        events.add(structured(CloudEventMessage.Mode.BATCH, element, headers));
      }
      return List.copyOf(events);
    }
    if (media.startsWith("application/cloudevents")) {
      throw new Unreadable(415, "Unsupported CloudEvents format " + contentType);
    }
    if (first(headers, "ce-specversion") == null) {
      throw new Unreadable(
          400,
          "Not a CloudEvent: no ce-specversion header and the content type is "
              + (contentType == null ? "absent" : contentType));
    }
    return List.of(binary(headers, body, contentType));
  }

  private static CloudEventMessage binary(
      Map<String, List<String>> headers, byte[] body, String contentType) throws Unreadable {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      String name = header.getKey() == null ? "" : header.getKey().toLowerCase(Locale.ROOT);
      if (name.startsWith("ce-") && !header.getValue().isEmpty()) {
        attributes.put(name.substring(3), percentDecode(String.join(",", header.getValue())));
      }
    }
    if (contentType != null) {
      attributes.put("datacontenttype", contentType);
    }
    return message(CloudEventMessage.Mode.BINARY, attributes, body, headers);
  }

  private static CloudEventMessage structured(
      CloudEventMessage.Mode mode, JsonNode event, Map<String, List<String>> headers)
      throws Unreadable {
    if (!event.isObject()) {
      throw new Unreadable(400, "A structured event must be a JSON object, got " + event);
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : event.properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (name.equals("data") || name.equals("data_base64") || value.isNull()) {
        continue;
      }
      if (value.isContainerNode()) {
        throw new Unreadable(
            400, "Attribute '" + name + "' must be a string, number or boolean, got " + value);
      }
      attributes.put(name, value.isTextual() ? value.textValue() : value.toString());
    }
    return message(mode, attributes, data(event, attributes), headers);
  }

  private static byte[] data(JsonNode event, Map<String, String> attributes) throws Unreadable {
    JsonNode data = event.get("data");
    JsonNode base64 = event.get("data_base64");
    boolean hasData = data != null && !data.isNull();
    boolean hasBase64 = base64 != null && !base64.isNull();
    if (hasData && hasBase64) {
      throw new Unreadable(400, "An event must not have both data and data_base64");
    }
    if (hasBase64) {
      if (!base64.isTextual()) {
        throw new Unreadable(400, "data_base64 must be a string, got " + base64);
      }
      return decodeBase64(base64.textValue(), "data_base64");
    }
    if (!hasData) {
      return new byte[0];
    }
    String contentType = attributes.get("datacontenttype");
    if (data.isTextual() && "base64".equals(attributes.get("datacontentencoding"))) {
      return decodeBase64(data.textValue(), "data (datacontentencoding base64)"); // spec 0.3
    }
    if (data.isTextual() && contentType != null && !isJson(contentType)) {
      return data.textValue().getBytes(StandardCharsets.UTF_8);
    }
    try {
      return JSON.writeValueAsBytes(data);
    } catch (JsonProcessingException e) {
      throw new Unreadable(400, "Unwritable data: " + e.getOriginalMessage());
    }
  }

  private static CloudEventMessage message(
      CloudEventMessage.Mode mode,
      Map<String, String> attributes,
      byte[] data,
      Map<String, List<String>> headers)
      throws Unreadable {
    List<String> missing = CloudEventMessage.missing(attributes);
    if (!missing.isEmpty()) {
      throw new Unreadable(
          400,
          "Missing required attribute"
              + (missing.size() > 1 ? "s " : " ")
              + String.join(", ", missing)
              + " (has "
              + attributes.keySet()
              + ")");
    }
    String version = attributes.get("specversion");
    if (!CloudEventMessage.SPEC_VERSIONS.contains(version)) {
      throw new Unreadable(400, "Unsupported specversion " + version);
    }
    try {
      return new CloudEventMessage(mode, attributes, Optional.empty(), data, headers);
    } catch (IllegalArgumentException e) {
      throw new Unreadable(400, e.getMessage());
    }
  }

  /**
   * Tells whether a content type is JSON: {@code application/json}, {@code text/json} or any {@code
   * +json} suffix.
   *
   * @param contentType a content type, parameters allowed
   * @return true for JSON
   */
  static boolean isJson(String contentType) {
    String media = mediaType(contentType).orElse("");
    return media.equals("application/json") || media.equals("text/json") || media.endsWith("+json");
  }

  /**
   * Returns the media type of a content type: without parameters, in lower case.
   *
   * @param contentType for example {@code Application/JSON; charset=utf-8}, or null
   * @return for example {@code application/json}; empty for null or blank
   */
  static Optional<String> mediaType(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    String media = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return media.isEmpty() ? Optional.empty() : Optional.of(media);
  }

  /**
   * Decodes a binary-mode header value: each {@code %XX} sequence is a byte of UTF-8 text; other
   * characters stand for themselves, and a {@code %} not followed by two hex digits is kept.
   *
   * @param value the header value, for example {@code caf%C3%A9%20au%20lait}
   * @return the decoded text, for example {@code café au lait}
   */
  static String percentDecode(String value) {
    if (value.indexOf('%') < 0) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = 0;
    while (i < value.length()) {
      int high = i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
      int low = i + 2 < value.length() ? Character.digit(value.charAt(i + 2), 16) : -1;
      if (value.charAt(i) == '%' && high >= 0 && low >= 0) {
        bytes.write(high * 16 + low);
        i += 3;
        continue;
      }
      if (bytes.size() > 0) {
        out.append(bytes.toString(StandardCharsets.UTF_8));
        bytes.reset();
      }
      out.append(value.charAt(i++));
    }
    return out.append(bytes.toString(StandardCharsets.UTF_8)).toString();
  }

  private static JsonNode tree(byte[] body) throws Unreadable {
    try {
      JsonNode tree = JSON.readTree(body);
      if (tree == null || tree.isMissingNode()) {
        throw new Unreadable(400, "The body is empty, not a JSON event");
      }
      return tree;
    } catch (JsonProcessingException e) {
      throw new Unreadable(400, "Malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new Unreadable(400, "Unreadable body: " + e);
    }
  }

  private static byte[] decodeBase64(String text, String what) throws Unreadable {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new Unreadable(400, what + " is not base64: " + e.getMessage());
    }
  }

  private static String first(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (name.equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty()) {
        return header.getValue().get(0);
      }
    }
    return null;
  }
}
