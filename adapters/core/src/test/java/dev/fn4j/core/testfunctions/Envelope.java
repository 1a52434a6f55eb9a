package dev.fn4j.core.testfunctions;

/**
 * A generic payload: only the declared type argument tells JSON decoding what {@code item} is.
 *
 * @param id an id
 * @param item the wrapped value
 * @param <T> the wrapped type
 */
public record Envelope<T>(String id, T item) {}
