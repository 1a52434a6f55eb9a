/**
 * The neutral types a function may use beside {@code java.util.function}: {@link
 * dev.fn4j.function.Message}, {@link dev.fn4j.function.Headers}, {@link
 * dev.fn4j.function.InvocationContext}, {@link dev.fn4j.function.HttpReply}, {@link
 * dev.fn4j.function.BatchResult}, {@link dev.fn4j.function.Lifecycle} and the registration SPI
 * {@link dev.fn4j.function.FunctionRegistrar}.
 *
 * <p>Nothing here depends on a platform, on Spring or on any library: a function written against
 * these types is tested as plain Java and runs on every platform fn4j has an adapter for.
 */
package dev.fn4j.function;
