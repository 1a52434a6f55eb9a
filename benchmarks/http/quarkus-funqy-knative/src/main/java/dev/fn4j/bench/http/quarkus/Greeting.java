package dev.fn4j.bench.http.quarkus;

/**
 * The HTTP benchmark's record: {@code {"message":"hello"}} on the wire.
 *
 * @param message the text
 */
public record Greeting(String message) {}
