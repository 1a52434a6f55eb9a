package dev.fn4j.core.testfunctions;

/**
 * A small JSON payload. Its components are in alphabetical order, so its JSON form is the same
 * whether properties are written in declaration or in alphabetical order.
 *
 * @param item what was ordered
 * @param quantity how many
 */
public record Order(String item, int quantity) {}
