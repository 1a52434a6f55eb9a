package dev.fn4j.conformance;

/**
 * One way a platform reaches the application's functions, run in this process: a vendor entry class
 * called as the vendor's runtime calls it, or an adapter's server on a loopback port called as the
 * platform's host calls it. {@link #call} sends a neutral {@link Call} in the platform's own form
 * and strips the platform's envelope from the answer.
 *
 * <p>A path that needs a server starts it on its first call, on a free loopback port, and {@link
 * #close()} stops it; paths are thread-safe, but the servers and fakes they start belong to the
 * {@link AdapterPaths} that made them.
 */
public interface AdapterPath extends NamedPath {

  /**
   * Returns the path's name, stable across releases: one of {@link AdapterPaths#NAMES}.
   *
   * @return for example {@code aws-lambda-handler}
   */
  String name();

  /**
   * Sends a call along this path and returns what a client would get.
   *
   * @param call the request
   * @return the answer, envelope stripped
   * @throws PathFailure when the platform would not answer the client with an HTTP response of the
   *     function's (a Lambda function error, a failed invocation of a built-in runtime, a host that
   *     rejects the handler's answer), or the path cannot run
   */
  Outcome call(Call call);
}
