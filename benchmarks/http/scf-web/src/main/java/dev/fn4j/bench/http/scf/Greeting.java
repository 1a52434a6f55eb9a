package dev.fn4j.bench.http.scf;

/**
 * The HTTP benchmark's record: {@code {"message":"hello"}} on the wire.
 *
 * @param message the text
 */
public record Greeting(String message) {}
