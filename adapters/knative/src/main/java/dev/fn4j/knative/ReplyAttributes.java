package dev.fn4j.knative;

import dev.fn4j.core.dispatch.FunctionResult;
import dev.fn4j.core.dispatch.RequestIds;
import dev.fn4j.function.Headers;
import dev.fn4j.knative.event.Attributes;
import dev.fn4j.knative.event.CloudEvent;
import dev.fn4j.knative.event.EventWriter.OutgoingEvent;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The attributes of the events fn4j sends: replies to incoming events, and events a supplier sends
 * to a sink. A new {@code id} each time; {@code type} and {@code source} from the configured
 * templates (by default {@code <function>.output} and {@code /<service>/<function>}, so a reply
 * never carries the type that routed the function); the trace context of the incoming event; then
 * whatever {@code ce-} headers the function's reply sets, which win.
 */
final class ReplyAttributes {

  private static final String TRACEPARENT = "traceparent";
  private static final String TRACESTATE = "tracestate";

  private static final int CACHE_LIMIT = 256;

  private final KnativeSettings settings;
  private final Map<String, String[]> defaults = new ConcurrentHashMap<>();

  ReplyAttributes(KnativeSettings settings) {
    this.settings = settings;
  }

  /**
   * Returns the default reply type of a function.
   *
   * @param function the function's (or composition's) name
   * @return the type
   */
  String typeOf(String function) {
    return defaults(function)[0];
  }

  /**
   * Returns the default reply source of a function.
   *
   * @param function the function's (or composition's) name
   * @return the source, a URI reference
   */
  String sourceOf(String function) {
    return defaults(function)[1];
  }

  /** The default type and source of a function, from the templates, kept after the first time. */
  private String[] defaults(String function) {
    String[] known = defaults.get(function);
    if (known != null) {
      return known;
    }
    String[] computed = {
      settings.replyType().replace("{function}", function),
      settings
          .replySource()
          .replace("{service}", uriSafe(settings.service()))
          .replace("{function}", uriSafe(function))
    };
    if (defaults.size() < CACHE_LIMIT) {
      defaults.put(function, computed);
    }
    return computed;
  }

  /**
   * Builds the attributes of an outgoing event.
   *
   * @param function the function's name
   * @param incoming the event being answered, or null for a supplier's event
   * @param replyHeaders the headers of the function's reply; {@code ce-} ones override
   * @return the attributes, without {@code datacontenttype}
   */
  Map<String, String> build(String function, CloudEvent incoming, Headers replyHeaders) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(Attributes.SPEC_VERSION, Attributes.V1);
    attributes.put(Attributes.ID, RequestIds.next());
    attributes.put(Attributes.SOURCE, sourceOf(function));
    attributes.put(Attributes.TYPE, typeOf(function));
    attributes.put(Attributes.TIME, EventTimes.now());
    if (incoming != null) {
      incoming.attribute(TRACEPARENT).ifPresent(value -> attributes.put(TRACEPARENT, value));
      incoming.attribute(TRACESTATE).ifPresent(value -> attributes.put(TRACESTATE, value));
    }
    for (String header : replyHeaders.names()) {
      if (!isAttributeHeader(header)) {
        continue;
      }
      String name = header.substring(3).toLowerCase(Locale.ROOT);
      List<String> values = replyHeaders.all(header);
      if (Attributes.isValidName(name)
          && !name.equals(Attributes.SPEC_VERSION)
          && !name.equals(Attributes.DATA_CONTENT_TYPE)
          && !values.isEmpty()
          && !values.get(0).isEmpty()) {
        attributes.put(name, values.get(0));
      }
    }
    return attributes;
  }

  /**
   * Builds the reply event to a function's result.
   *
   * @param function the function's name
   * @param incoming the event answered
   * @param result the function's result, which has a value
   * @return the reply event
   */
  OutgoingEvent replyTo(String function, CloudEvent incoming, FunctionResult result) {
    return new OutgoingEvent(
        build(function, incoming, result.headers()), result.bytes(), result.effectiveContentType());
  }

  /**
   * Tells whether a result is worth a reply event: the function returned a value (an empty string
   * is one), not {@code null} or nothing.
   *
   * @param result the result
   * @return true when there is a value to send
   */
  static boolean hasValue(FunctionResult result) {
    return !(result.payload().isEmpty() && result.contentType() == null)
        || result.headers().contains("Content-Type");
  }

  /**
   * Tells whether a reply header sets an attribute of the reply event.
   *
   * @param header the header name
   * @return true for {@code ce-} headers
   */
  static boolean isAttributeHeader(String header) {
    return header.length() > 3 && header.regionMatches(true, 0, "ce-", 0, 3);
  }

  /** Percent-encodes what a URI path segment cannot hold (a composition's {@code |}, spaces). */
  private static String uriSafe(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~$".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
