/**
 * Drives one application's functions through every adapter's in-process path and strips each
 * vendor's envelope, so that tests can check that every path answers alike.
 *
 * <ul>
 *   <li>{@link dev.fn4j.conformance.Call}: a neutral HTTP request to one function.
 *   <li>{@link dev.fn4j.conformance.AdapterPath}: one platform's way in, run in this process;
 *       {@link dev.fn4j.conformance.AdapterPaths} has them all, for the process's shared runtime.
 *   <li>{@link dev.fn4j.conformance.Outcome}: what a client gets back, envelope stripped; {@link
 *       dev.fn4j.conformance.Comparison}: one call's outcomes along several paths, and which differ
 *       from a reference.
 *   <li>{@code dev.fn4j.conformance.event}: the same for event triggers (SQS, direct Lambda
 *       invocations, Knative events and batches, Google's event functions, FC events, Azure
 *       queues), each delivery normalised to acknowledged, retried or rejected items.
 * </ul>
 *
 * <p>Not part of {@code fn4j-testkit}: every adapter's tests depend on the testkit, and this module
 * depends on every adapter.
 */
package dev.fn4j.conformance;
