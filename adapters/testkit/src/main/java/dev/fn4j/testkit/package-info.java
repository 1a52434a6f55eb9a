/**
 * Test support for fn4j functions and adapters.
 *
 * <ul>
 *   <li>{@link dev.fn4j.testkit.EventFiles}: the project's own event files, from the test class
 *       path ({@code events/<vendor>/<source>/<case>.json}).
 *   <li>{@link dev.fn4j.testkit.VendorFixtures} and {@link
 *       dev.fn4j.testkit.RequiresVendorFixtures}: the shared vendor payloads next to the checkout,
 *       and tests that run only when they are there and say so when they are not.
 *   <li>{@link dev.fn4j.testkit.LocalRunnerTest}, {@link dev.fn4j.testkit.LocalRunner} and {@link
 *       dev.fn4j.testkit.LocalRunnerExtension}: the local runner on a free loopback port, called
 *       through a {@link dev.fn4j.testkit.FunctionClient} that returns {@link
 *       dev.fn4j.testkit.Reply} values.
 * </ul>
 *
 * <p>Nothing here reads or changes the process's environment or system properties on behalf of a
 * test, except that {@link dev.fn4j.testkit.VendorFixtures#find()} reads {@code fn4j.fixtures} and
 * {@code user.dir}: settings are passed as values.
 */
package dev.fn4j.testkit;
