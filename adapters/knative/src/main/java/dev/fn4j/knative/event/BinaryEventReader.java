package dev.fn4j.knative.event;

import dev.fn4j.core.convert.Payload;
import dev.fn4j.function.Headers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads a binary-mode CloudEvent: {@code ce-} headers, {@code Content-Type} and the body. */
public final class BinaryEventReader {

  private BinaryEventReader() {}

  /**
   * Reads and checks an event.
   *
   * @param headers the request headers
   * @param body the request body, the event's data
   * @return the event
   * @throws InvalidEventException when an attribute is missing, repeated or malformed
   */
  public static CloudEvent read(Headers headers, byte[] body) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (String header : headers.names()) {
      if (header.length() <= 3 || !header.regionMatches(true, 0, "ce-", 0, 3)) {
        continue;
      }
      String name = header.substring(3).toLowerCase(Locale.ROOT);
      List<String> values = headers.all(header);
      if (values.size() != 1 || attributes.containsKey(name)) {
        throw new InvalidEventException("the attribute '" + name + "' is sent more than once");
      }
      attributes.put(name, HeaderValues.decode(values.get(0)));
    }
    // In binary mode the data's content type is the Content-Type header; a stray
    // ce-datacontenttype only stands in when that header is absent.
    headers
        .first("Content-Type")
        .ifPresent(type -> attributes.put(Attributes.DATA_CONTENT_TYPE, type));
    Attributes.check(attributes);
    return new CloudEvent(attributes, Payload.ofBytes(body));
  }
}
