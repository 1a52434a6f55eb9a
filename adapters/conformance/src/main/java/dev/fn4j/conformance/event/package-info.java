/**
 * The event side of the conformance suite: delivers one application's events through every
 * adapter's in-process event path and normalises what each platform is told.
 *
 * <ul>
 *   <li>{@link dev.fn4j.conformance.event.EventCall}: a neutral delivery of one event or a batch to
 *       one function, each item an {@link dev.fn4j.conformance.event.EventPayload}.
 *   <li>{@link dev.fn4j.conformance.event.EventPath}: one platform's way of delivering events, run
 *       in this process; {@link dev.fn4j.conformance.event.EventPaths} has them all.
 *   <li>{@link dev.fn4j.conformance.event.EventOutcome}: a {@link
 *       dev.fn4j.conformance.event.Disposition} per item (acknowledged, retried, rejected), the
 *       replies the platform carries, and what the platform saw, to check that nothing leaked.
 * </ul>
 *
 * <p>DESIGN.md §6 for event triggers, as the paths normalise it: an unknown function is never
 * acknowledged; a DECODE failure is rejected where the platform has a non-retryable failure
 * (Knative: 400) and retried elsewhere; INVOKE and ENCODE failures are retried.
 */
package dev.fn4j.conformance.event;
