package dev.fn4j.conformance.event;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Set;

/**
 * A CloudEvent (spec 1.0) as Google's Java function invoker hands it to a {@code
 * CloudEventsFunction} after reading an Eventarc delivery: the required attributes, {@code
 * datacontenttype}, {@code time}, no extensions, and the data as bytes. Immutable.
 */
final class InvokerCloudEvent implements CloudEvent {

  private final String id;
  private final URI source;
  private final String type;
  private final String dataContentType;
  private final OffsetDateTime time;
  private final byte[] data;

  InvokerCloudEvent(String id, URI source, String type, EventPayload item) {
    this.id = Objects.requireNonNull(id, "id");
    this.source = Objects.requireNonNull(source, "source");
    this.type = Objects.requireNonNull(type, "type");
    this.dataContentType = item.contentType().orElse(null);
    this.time = OffsetDateTime.now();
    this.data = item.isEmpty() ? null : item.bytes();
  }

  @Override
  public CloudEventData getData() {
    if (data == null) {
      return null;
    }
    byte[] copy = data.clone();
    return copy::clone;
  }

  @Override
  public SpecVersion getSpecVersion() {
    return SpecVersion.V1;
  }

  @Override
  public String getId() {
    return id;
  }

  @Override
  public String getType() {
    return type;
  }

  @Override
  public URI getSource() {
    return source;
  }

  @Override
  public String getDataContentType() {
    return dataContentType;
  }

  @Override
  public URI getDataSchema() {
    return null;
  }

  @Override
  public String getSubject() {
    return null;
  }

  @Override
  public OffsetDateTime getTime() {
    return time;
  }

  @Override
  public Object getAttribute(String name) {
    return switch (name) {
      case "specversion" -> getSpecVersion();
      case "id" -> id;
      case "source" -> source;
      case "type" -> type;
      case "datacontenttype" -> dataContentType;
      case "dataschema" -> null;
      case "subject" -> null;
      case "time" -> time;
      default -> throw new IllegalArgumentException("Not a spec 1.0 attribute: " + name);
    };
  }

  @Override
  public Object getExtension(String name) {
    return null;
  }

  @Override
  public Set<String> getExtensionNames() {
    return Set.of();
  }

  @Override
  public String toString() {
    return "CloudEvent{id=" + id + ", source=" + source + ", type=" + type + "}";
  }
}
