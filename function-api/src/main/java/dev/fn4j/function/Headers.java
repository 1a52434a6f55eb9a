package dev.fn4j.function;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Immutable, multi-valued message headers whose names compare case-insensitively, as HTTP header
 * names do.
 *
 * <p>Names keep the spelling of their first occurrence; lookups ignore case. Values keep their
 * insertion order. Methods that change something return a copy.
 *
 * <pre>{@code
 * Headers headers = Headers.builder().add("Accept", "text/plain").add("accept", "text/html").build();
 * headers.all("ACCEPT");   // [text/plain, text/html]
 * headers.first("accept"); // Optional[text/plain]
 * }</pre>
 */
public interface Headers {

  /**
   * Returns headers with no entry.
   *
   * @return the empty headers
   */
  static Headers empty() {
    return MultiValueHeaders.EMPTY;
  }

  /**
   * Returns headers holding a copy of the given map.
   *
   * @param values header names and their values; names that differ only in case are merged
   * @return immutable headers
   */
  static Headers of(Map<String, ? extends Collection<String>> values) {
    Builder builder = builder();
    values.forEach((name, list) -> list.forEach(value -> builder.add(name, value)));
    return builder.build();
  }

  /**
   * Returns headers with one value per name.
   *
   * @param values header names and their single value
   * @return immutable headers
   */
  static Headers ofSingle(Map<String, String> values) {
    Builder builder = builder();
    values.forEach(builder::add);
    return builder.build();
  }

  /**
   * Starts building headers.
   *
   * @return a new, empty builder
   */
  static Builder builder() {
    return new MultiValueHeaders.Builder();
  }

  /**
   * Returns the first value of a header.
   *
   * @param name the header name, in any case
   * @return the first value, or empty when the header is absent
   */
  Optional<String> first(String name);

  /**
   * Returns every value of a header, in order.
   *
   * @param name the header name, in any case
   * @return the values; empty but never null when the header is absent
   */
  List<String> all(String name);

  /**
   * Tells whether a header is present.
   *
   * @param name the header name, in any case
   * @return true when the header has at least one value
   */
  boolean contains(String name);

  /**
   * Returns the header names, spelled as they first occurred.
   *
   * @return the names in insertion order; never null
   */
  Set<String> names();

  /**
   * Tells whether there is no header.
   *
   * @return true when there is no header
   */
  boolean isEmpty();

  /**
   * Returns the headers as an unmodifiable map from name to values.
   *
   * @return the headers, names spelled as they first occurred
   */
  Map<String, List<String>> asMap();

  /**
   * Returns a copy with one more value for a header.
   *
   * @param name the header name
   * @param value the value to append
   * @return the new headers
   */
  Headers with(String name, String value);

  /**
   * Returns a copy in which a header has exactly the given values.
   *
   * @param name the header name
   * @param values the values that replace any existing ones
   * @return the new headers
   */
  Headers withOnly(String name, String... values);

  /**
   * Returns a copy without a header.
   *
   * @param name the header name, in any case
   * @return the new headers
   */
  Headers without(String name);

  /** Collects header values, then builds immutable {@link Headers}. */
  interface Builder {

    /**
     * Appends a value to a header.
     *
     * @param name the header name
     * @param value the value
     * @return this builder
     */
    Builder add(String name, String value);

    /**
     * Replaces all values of a header.
     *
     * @param name the header name
     * @param values the new values
     * @return this builder
     */
    Builder set(String name, String... values);

    /**
     * Appends every value of other headers.
     *
     * @param headers the headers to add
     * @return this builder
     */
    Builder addAll(Headers headers);

    /**
     * Builds the headers; the builder may be reused afterwards without affecting them.
     *
     * @return immutable headers
     */
    Headers build();
  }
}
