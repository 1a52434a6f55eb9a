package dev.fn4j.conformance.event;

import dev.fn4j.conformance.NamedPath;
import dev.fn4j.conformance.PathFailure;

/**
 * One way a platform delivers events to the application's functions, run in this process: a vendor
 * entry class called as the vendor's runtime calls it, or an adapter's server on a loopback port
 * driven as the platform's host drives it. {@link #deliver} makes a neutral {@link EventCall} in
 * the platform's own form and normalises what the platform is told into an {@link EventOutcome}.
 *
 * <p>A path that needs a server starts it on its first delivery, on a free loopback port, and
 * {@link #close()} stops it. Paths are thread-safe.
 */
public interface EventPath extends NamedPath {

  /**
   * Returns the path's name, stable across releases: one of {@link EventPaths#NAMES}.
   *
   * @return for example {@code aws-sqs}
   */
  String name();

  /**
   * Delivers events along this path and returns what the platform makes of them.
   *
   * @param call the events and their function
   * @return one disposition per item, the replies, and what the platform saw
   * @throws IllegalArgumentException when the platform cannot carry an item as it is (bytes on a
   *     platform whose messages are text, see {@link #carriesBytes()})
   * @throws PathFailure when the path cannot run, or an answer breaks the platform's contract
   */
  EventOutcome deliver(EventCall call);

  /**
   * Tells whether the platform delivers a batch in one invocation (SQS, Knative's batch mode); the
   * other paths deliver a batch as one invocation per item.
   *
   * @return true for a native batch
   */
  boolean deliversBatches();

  /**
   * Tells whether the platform carries any bytes as an event's payload. SQS message bodies, Lambda
   * invocation payloads (JSON documents) and Azure Storage queue messages are text.
   *
   * @return false when only text items can be delivered
   */
  boolean carriesBytes();

  /**
   * Tells whether the platform carries a reply back: the outcome's replies are then what the
   * platform got.
   *
   * @return false for SQS and Google's event functions, which drop a function's output
   */
  boolean carriesReplies();
}
