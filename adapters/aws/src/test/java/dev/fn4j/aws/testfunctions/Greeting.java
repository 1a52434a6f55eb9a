package dev.fn4j.aws.testfunctions;

/**
 * The JSON body of the sample {@code /greet} requests: {@code {"name":"Ada","language":"de"}}.
 *
 * @param name who to greet
 * @param language an ISO 639-1 code, or null
 */
public record Greeting(String name, String language) {}
