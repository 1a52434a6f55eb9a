package dev.fn4j.aws.testfunctions;

/**
 * What {@link Greet} answers, as JSON.
 *
 * @param text the greeting
 */
public record Salutation(String text) {}
