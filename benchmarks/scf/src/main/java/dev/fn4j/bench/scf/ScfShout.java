package dev.fn4j.bench.scf;

/**
 * The {@code shout} function's input and output.
 *
 * @param name who speaks
 * @param message what they say
 */
public record ScfShout(String name, String message) {}
