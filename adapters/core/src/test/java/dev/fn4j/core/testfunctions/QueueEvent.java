package dev.fn4j.core.testfunctions;

import java.util.List;

/**
 * Stands in for a vendor event type such as AWS's {@code SQSEvent}: an adapter puts the raw event
 * in the invocation context, and a function that declares this type receives it as is.
 *
 * @param bodies the message bodies
 */
public record QueueEvent(List<String> bodies) {}
