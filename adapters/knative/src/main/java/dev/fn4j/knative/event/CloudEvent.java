package dev.fn4j.knative.event;

import dev.fn4j.core.convert.Payload;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated CloudEvent as it arrived: its context attributes (extensions included) in their
 * canonical string form, and its data.
 *
 * @param attributes every context attribute by name, in arrival order; the required ones ({@code
 *     id}, {@code source}, {@code specversion}, {@code type}) are always present
 * @param data the data, {@link Payload#EMPTY} when the event has none
 */
public record CloudEvent(Map<String, String> attributes, Payload data) {

  public CloudEvent {
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    Objects.requireNonNull(data, "data");
  }

  /**
   * Returns the {@code id} attribute.
   *
   * @return the id
   */
  public String id() {
    return attributes.get(Attributes.ID);
  }

  /**
   * Returns the {@code source} attribute.
   *
   * @return the source
   */
  public String source() {
    return attributes.get(Attributes.SOURCE);
  }

  /**
   * Returns the {@code type} attribute.
   *
   * @return the type
   */
  public String type() {
    return attributes.get(Attributes.TYPE);
  }

  /**
   * Returns the {@code specversion} attribute.
   *
   * @return {@code 1.0} or {@code 0.3}
   */
  public String specVersion() {
    return attributes.get(Attributes.SPEC_VERSION);
  }

  /**
   * Returns the {@code datacontenttype} attribute.
   *
   * @return the content type of the data, or empty when the event names none
   */
  public Optional<String> dataContentType() {
    return attribute(Attributes.DATA_CONTENT_TYPE);
  }

  /**
   * Returns an attribute.
   *
   * @param name the attribute's name
   * @return its value, or empty when absent
   */
  public Optional<String> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }
}
