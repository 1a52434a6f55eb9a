package dev.fn4j.knative.event;

import dev.fn4j.core.convert.MediaTypes;
import dev.fn4j.function.Headers;
import java.util.Locale;
import java.util.Optional;

/** How a CloudEvent travels in an HTTP message (CloudEvents HTTP protocol binding, section 3). */
public enum EventMode {
  /** Attributes in {@code ce-} headers, the data as the body. */
  BINARY,
  /** The whole event as one {@code application/cloudevents+json} document. */
  STRUCTURED,
  /** Several events as an {@code application/cloudevents-batch+json} array. */
  BATCH;

  /** The media type of a structured JSON event. */
  public static final String STRUCTURED_JSON = "application/cloudevents+json";

  /** The media type of a JSON batch of events. */
  public static final String BATCH_JSON = "application/cloudevents-batch+json";

  /**
   * Tells how a request carries a CloudEvent, from its headers alone: a {@code
   * application/cloudevents...} content type is structured or batch mode, and any {@code ce-}
   * header makes it binary mode (so that a request with some attributes but not all is refused as
   * an invalid event rather than served as plain HTTP).
   *
   * @param headers the request headers
   * @return the mode, or empty when the request is not a CloudEvent at all
   * @throws InvalidEventException for a structured or batch format other than JSON
   */
  public static Optional<EventMode> detect(Headers headers) {
    String contentType = headers.first("Content-Type").orElse(null);
    if (contentType != null) {
      String essence = MediaTypes.essence(contentType);
      if (essence.equals(STRUCTURED_JSON)) {
        return Optional.of(STRUCTURED);
      }
      if (essence.equals(BATCH_JSON)) {
        return Optional.of(BATCH);
      }
      if (essence.startsWith("application/cloudevents")) {
        throw new InvalidEventException(
            "event format '"
                + Attributes.printable(essence)
                + "' is not supported: send binary mode, "
                + STRUCTURED_JSON
                + " or "
                + BATCH_JSON);
      }
    }
    for (String name : headers.names()) {
      if (name.length() > 3 && name.regionMatches(true, 0, "ce-", 0, 3)) {
        return Optional.of(BINARY);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the mode's name as a reply or log shows it.
   *
   * @return for example {@code binary}
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
