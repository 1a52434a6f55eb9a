package dev.fn4j.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One CloudEvent as it travelled over HTTP: how it was encoded, its context attributes (extensions
 * included, every value as a string), its data and the HTTP headers that carried it. Received by a
 * {@link KnativeBrokerFake}, parsed from a subscriber's reply, or built with {@link #builder()} to
 * be {@linkplain KnativeBrokerFake#deliver(java.net.URI, CloudEventMessage) delivered} (in the mode
 * the delivery asks for, whatever its own {@code mode}). Immutable: the data is copied in and out.
 *
 * <p>{@code dataContentType} and the {@code datacontenttype} attribute always agree: the
 * constructor fills in whichever of the two is missing.
 *
 * @param mode how the event was encoded on the wire; binary for an event built in a test
 * @param attributes the context attributes by name, for example {@code id}, {@code source}, {@code
 *     specversion}, {@code type}, {@code subject} and any extension; sorted, unmodifiable
 * @param dataContentType the {@code datacontenttype} attribute (in binary mode the {@code
 *     Content-Type} header); empty when the event has none
 * @param data the event's data; empty when it has none
 * @param httpHeaders the HTTP headers the event came with (lookups ignore the case of names); empty
 *     for an event built in a test
 */
public record CloudEventMessage(
    Mode mode,
    Map<String, String> attributes,
    Optional<String> dataContentType,
    byte[] data,
    Map<String, List<String>> httpHeaders) {

  /** The attributes every CloudEvent carries. */
  static final List<String> REQUIRED = List.of("id", "source", "specversion", "type");

  /** The spec versions the fake reads: 1.0 and 0.3. */
  static final Set<String> SPEC_VERSIONS = Set.of("1.0", "0.3");

  private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-z0-9]+");

  /** How a CloudEvent is encoded in an HTTP message (the HTTP protocol binding's content modes). */
  public enum Mode {
    /** Attributes in {@code ce-} headers, data as the body, {@code Content-Type} its type. */
    BINARY,
    /** The whole event as a JSON object, {@code Content-Type: application/cloudevents+json}. */
    STRUCTURED,
    /** A JSON array of structured events, {@code application/cloudevents-batch+json}. */
    BATCH
  }

  /**
   * Checks the parts, fills in the data content type or its attribute, and copies the data and the
   * maps.
   *
   * @param mode how the event was encoded
   * @param attributes the attributes by name
   * @param dataContentType the data content type, or empty
   * @param data the data, copied
   * @param httpHeaders the HTTP headers, copied
   * @throws IllegalArgumentException when a required attribute is missing or empty, an attribute
   *     name is not lower-case letters and digits, or the data content type contradicts the {@code
   *     datacontenttype} attribute
   */
  public CloudEventMessage {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(attributes, "attributes");
    Objects.requireNonNull(dataContentType, "dataContentType");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(httpHeaders, "httpHeaders");
    TreeMap<String, String> sorted = new TreeMap<>();
    attributes.forEach(
        (name, value) -> {
          if (name == null || !ATTRIBUTE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                "Attribute name '" + name + "' is not lower-case letters and digits");
          }
          sorted.put(name, Objects.requireNonNull(value, name));
        });
    String typeAttribute = sorted.get("datacontenttype");
    if (typeAttribute != null
        && dataContentType.isPresent()
        && !typeAttribute.equals(dataContentType.get())) {
      throw new IllegalArgumentException(
          "dataContentType "
              + dataContentType.get()
              + " contradicts the datacontenttype attribute "
              + typeAttribute);
    }
    if (typeAttribute != null) {
      dataContentType = Optional.of(typeAttribute);
    } else {
      dataContentType.ifPresent(type -> sorted.put("datacontenttype", type));
    }
    List<String> missing = missing(sorted);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "A CloudEvent needs the attributes " + missing + "; it has " + sorted.keySet());
    }
    attributes = Collections.unmodifiableMap(sorted);
    data = data.clone();
    TreeMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    httpHeaders.forEach(
        (name, values) -> {
          if (name != null) {
            headers.computeIfAbsent(name, key -> new ArrayList<>()).addAll(values);
          }
        });
    headers.replaceAll((name, values) -> List.copyOf(values));
    httpHeaders = Collections.unmodifiableMap(headers);
  }

  /**
   * Lists the required attributes an attribute map lacks or has empty.
   *
   * @param attributes attributes by name
   * @return the names, in the order of {@link #REQUIRED}; empty when all are there
   */
  static List<String> missing(Map<String, String> attributes) {
    List<String> missing = new ArrayList<>();
    for (String name : REQUIRED) {
      String value = attributes.get(name);
      if (value == null || value.isEmpty()) {
        missing.add(name);
      }
    }
    return missing;
  }

  /**
   * Starts an event to send, in binary mode, spec version 1.0.
   *
   * @return a builder; set at least {@code id}, {@code source} and {@code type}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the event's data.
   *
   * @return a fresh copy; empty when the event has no data
   */
  @Override
  public byte[] data() {
    return data.clone();
  }

  /**
   * Returns the data as text, decoded with the charset of the data content type (UTF-8 when it
   * names none).
   *
   * @return the text; empty when the event has no data
   */
  public String dataAsString() {
    return new String(data, Reply.charsetOf(dataContentType.orElse(null), false));
  }

  /**
   * Tells whether the event has data.
   *
   * @return false when the data is empty
   */
  public boolean hasData() {
    return data.length > 0;
  }

  /**
   * Returns the {@code id} attribute.
   *
   * @return the id
   */
  public String id() {
    return attributes.get("id");
  }

  /**
   * Returns the {@code type} attribute.
   *
   * @return for example {@code com.example.order.created}
   */
  public String type() {
    return attributes.get("type");
  }

  /**
   * Returns the {@code source} attribute.
   *
   * @return a URI reference, as text
   */
  public String source() {
    return attributes.get("source");
  }

  /**
   * Returns the {@code specversion} attribute.
   *
   * @return {@code 1.0} or {@code 0.3}
   */
  public String specVersion() {
    return attributes.get("specversion");
  }

  /**
   * Returns one attribute.
   *
   * @param name the attribute's name, for example {@code subject} or an extension's name
   * @return the value as a string, or empty when the event does not have it
   */
  public Optional<String> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }

  /**
   * Returns the attributes that are neither required nor optional in the CloudEvents 1.0 or 0.3
   * spec, that is the extensions.
   *
   * @return the extensions by name, sorted, unmodifiable
   */
  public Map<String, String> extensions() {
    TreeMap<String, String> extensions = new TreeMap<>(attributes);
    extensions
        .keySet()
        .removeAll(
            List.of(
                "id",
                "source",
                "specversion",
                "type",
                "datacontenttype",
                "dataschema",
                "subject",
                "time",
                "schemaurl",
                "datacontentencoding"));
    return Collections.unmodifiableMap(extensions);
  }

  /**
   * Returns an HTTP header's first value.
   *
   * @param name the header name, in any case
   * @return the value, or empty when absent (always empty for an event built in a test)
   */
  public Optional<String> httpHeader(String name) {
    List<String> values = httpHeaders.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Compares mode, attributes, data content type, data (by content) and HTTP headers.
   *
   * @param other another object
   * @return true when all parts are equal
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof CloudEventMessage that
        && mode == that.mode
        && attributes.equals(that.attributes)
        && dataContentType.equals(that.dataContentType)
        && Arrays.equals(data, that.data)
        && httpHeaders.equals(that.httpHeaders);
  }

  @Override
  public int hashCode() {
    return Objects.hash(mode, attributes, dataContentType, Arrays.hashCode(data), httpHeaders);
  }

  /**
   * Describes the event for assertion messages.
   *
   * @return for example {@code BINARY {id=1, source=/s, specversion=1.0, type=t} data: {"a":1}}
   */
  @Override
  public String toString() {
    String text = dataAsString();
    return mode
        + " "
        + attributes
        + (data.length == 0
            ? " (no data)"
            : " data: " + (text.length() > 200 ? text.substring(0, 200) + "..." : text));
  }

  /** Builds an event to send. Not thread-safe; each {@code build()} returns a new event. */
  public static final class Builder {

    private final TreeMap<String, String> attributes = new TreeMap<>();
    private String dataContentType;
    private byte[] data = new byte[0];

    private Builder() {
      attributes.put("specversion", "1.0");
    }

    /**
     * Sets the {@code id}.
     *
     * @param id unique for the source
     * @return this builder
     */
    public Builder id(String id) {
      return extension("id", id);
    }

    /**
     * Sets the {@code source}.
     *
     * @param source a URI reference, for example {@code /orders}
     * @return this builder
     */
    public Builder source(String source) {
      return extension("source", source);
    }

    /**
     * Sets the {@code type}.
     *
     * @param type for example {@code com.example.order.created}
     * @return this builder
     */
    public Builder type(String type) {
      return extension("type", type);
    }

    /**
     * Sets the {@code specversion}; {@code 1.0} unless set.
     *
     * @param specVersion {@code 1.0} or {@code 0.3}
     * @return this builder
     */
    public Builder specVersion(String specVersion) {
      return extension("specversion", specVersion);
    }

    /**
     * Sets the {@code subject}.
     *
     * @param subject the subject
     * @return this builder
     */
    public Builder subject(String subject) {
      return extension("subject", subject);
    }

    /**
     * Sets the {@code time}.
     *
     * @param time an RFC 3339 timestamp, for example {@code 2024-01-02T03:04:05Z}
     * @return this builder
     */
    public Builder time(String time) {
      return extension("time", time);
    }

    /**
     * Sets the data and its content type.
     *
     * @param contentType for example {@code application/json}, or null for none
     * @param data the bytes, copied
     * @return this builder
     */
    public Builder data(String contentType, byte[] data) {
      this.dataContentType = contentType;
      this.data = data.clone();
      attributes.remove("datacontenttype");
      return this;
    }

    /**
     * Sets the data as text, in UTF-8, and its content type.
     *
     * @param contentType for example {@code text/plain}, or null for none
     * @param text the text
     * @return this builder
     */
    public Builder data(String contentType, String text) {
      return data(contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sets any attribute: an extension, or one of the spec's attributes by its name.
     *
     * @param name lower-case letters and digits
     * @param value the value, as a string
     * @return this builder
     */
    public Builder extension(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      attributes.put(name, value);
      return this;
    }

    /**
     * Builds the event.
     *
     * @return the event, in binary mode, without HTTP headers
     * @throws IllegalArgumentException when {@code id}, {@code source} or {@code type} is not set,
     *     or an attribute name is not lower-case letters and digits
     */
    public CloudEventMessage build() {
      return new CloudEventMessage(
          Mode.BINARY, attributes, Optional.ofNullable(dataContentType), data, Map.of());
    }
  }
}
