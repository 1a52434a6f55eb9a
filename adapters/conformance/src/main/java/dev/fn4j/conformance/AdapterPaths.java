package dev.fn4j.conformance;

import dev.fn4j.core.FunctionRuntime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Every in-process path to the process's application ({@link FunctionRuntime#shared()}, the runtime
 * the vendor entry classes use themselves), or a chosen few; close it to stop the servers the paths
 * started.
 *
 * <pre>{@code
 * try (AdapterPaths paths = AdapterPaths.all()) {
 *   paths.compare(Call.post("uppercase", "text/plain", "hello")).assertSameAs(AdapterPaths.LOCAL);
 * }
 * }</pre>
 *
 * <table>
 *   <caption>The paths, in {@link #NAMES} order</caption>
 *   <tr><th>name</th><th>what runs</th></tr>
 *   <tr><td>{@value #LOCAL}</td><td>the local runner on loopback, plain HTTP: the
 *       reference</td></tr>
 *   <tr><td>{@value #AWS_LAMBDA_HANDLER}</td><td>{@code dev.fn4j.aws.LambdaHandler} with an API
 *       Gateway HTTP API event (payload 2.0)</td></tr>
 *   <tr><td>{@value #AWS_RUNTIME_API}</td><td>the aws adapter's Runtime API loop against the
 *       testkit's Lambda Runtime API fake, same event</td></tr>
 *   <tr><td>{@value #GCP_HTTP}</td><td>{@code dev.fn4j.gcp.GcfHttpFunction} with in-memory invoker
 *       request and response</td></tr>
 *   <tr><td>{@value #ALIBABA_BUILTIN}</td><td>{@code dev.fn4j.alibaba.FcHandler} with an FC 3.0
 *       HTTP trigger event</td></tr>
 *   <tr><td>{@value #ALIBABA_CUSTOM_RUNTIME}</td><td>the FC custom runtime on loopback, sent HTTP
 *       function requests by the testkit's FC host fake</td></tr>
 *   <tr><td>{@value #AZURE_CUSTOM_HANDLER}</td><td>the Azure custom handler on loopback, sent HTTP
 *       trigger invocations by the testkit's Functions host fake</td></tr>
 *   <tr><td>{@value #AZURE_CUSTOM_HANDLER_PROXIED}</td><td>the same, with the requests forwarded as
 *       they are ({@code enableProxyingHttpRequest})</td></tr>
 *   <tr><td>{@value #KNATIVE}</td><td>the Knative adapter on loopback, plain HTTP</td></tr>
 *   <tr><td>{@value #KNATIVE_CLOUDEVENT}</td><td>the Knative adapter on loopback, sent binary-mode CloudEvents
 *       routed by path</td></tr>
 * </table>
 *
 * <p>A path that needs a server or a fake starts it on its first call, so choosing or creating
 * paths costs nothing until they are used. Server paths serve the shared runtime's catalog (the
 * same function objects) with only their port and address changed; see each path's description.
 */
public final class AdapterPaths extends PathSet<AdapterPath> {

  /** The local runner, plain HTTP: the reference path. */
  public static final String LOCAL = PlainHttpPath.LOCAL;

  /** {@code dev.fn4j.aws.LambdaHandler}, as Lambda's managed Java runtime calls it. */
  public static final String AWS_LAMBDA_HANDLER = LambdaHandlerPath.NAME;

  /** The aws adapter's Lambda Runtime API loop, against the testkit's fake. */
  public static final String AWS_RUNTIME_API = LambdaRuntimeApiPath.NAME;

  /** {@code dev.fn4j.gcp.GcfHttpFunction}, as Google's Java function invoker calls it. */
  public static final String GCP_HTTP = GcfHttpPath.NAME;

  /** {@code dev.fn4j.alibaba.FcHandler}, as FC's built-in Java runtime calls it. */
  public static final String ALIBABA_BUILTIN = FcHandlerPath.NAME;

  /** The FC custom runtime's server, as FC forwards HTTP trigger requests. */
  public static final String ALIBABA_CUSTOM_RUNTIME = FcCustomRuntimePath.NAME;

  /** The Azure custom handler, invoked through an HTTP trigger by the Functions host. */
  public static final String AZURE_CUSTOM_HANDLER = AzureCustomHandlerPath.NAME;

  /** The Azure custom handler, sent requests as the Functions host proxies them. */
  public static final String AZURE_CUSTOM_HANDLER_PROXIED = AzureCustomHandlerPath.PROXIED_NAME;

  /** The Knative adapter's server, plain HTTP. */
  public static final String KNATIVE = PlainHttpPath.KNATIVE;

  /** The Knative adapter's server, binary-mode CloudEvents. */
  public static final String KNATIVE_CLOUDEVENT = KnativeCloudEventPath.NAME;

  /** Every path's name, the reference ({@value #LOCAL}) first. */
  public static final List<String> NAMES =
      List.of(
          LOCAL,
          AWS_LAMBDA_HANDLER,
          AWS_RUNTIME_API,
          GCP_HTTP,
          ALIBABA_BUILTIN,
          ALIBABA_CUSTOM_RUNTIME,
          AZURE_CUSTOM_HANDLER,
          AZURE_CUSTOM_HANDLER_PROXIED,
          KNATIVE,
          KNATIVE_CLOUDEVENT);

  private AdapterPaths(String[] names, Supplier<FunctionRuntime> runtime) {
    super(names, name -> create(name, runtime));
  }

  /**
   * Returns every path to the process's application.
   *
   * @return the paths, in {@link #NAMES} order; close them when done
   */
  public static AdapterPaths all() {
    return of(NAMES.toArray(String[]::new));
  }

  /**
   * Returns the named paths to the process's application.
   *
   * @param names names from {@link #NAMES}
   * @return the paths, in the order given; close them when done
   * @throws IllegalArgumentException when a name is unknown or given twice
   */
  public static AdapterPaths of(String... names) {
    return new AdapterPaths(names, FunctionRuntime::shared);
  }

  private static AdapterPath create(String name, Supplier<FunctionRuntime> runtime) {
    return switch (name) {
      case PlainHttpPath.LOCAL -> PlainHttpPath.local(runtime);
      case LambdaHandlerPath.NAME -> new LambdaHandlerPath();
      case LambdaRuntimeApiPath.NAME -> new LambdaRuntimeApiPath(runtime);
      case GcfHttpPath.NAME -> new GcfHttpPath();
      case FcHandlerPath.NAME -> new FcHandlerPath();
      case FcCustomRuntimePath.NAME -> new FcCustomRuntimePath(runtime);
      case AzureCustomHandlerPath.NAME -> new AzureCustomHandlerPath(runtime, false);
      case AzureCustomHandlerPath.PROXIED_NAME -> new AzureCustomHandlerPath(runtime, true);
      case PlainHttpPath.KNATIVE -> PlainHttpPath.knative(runtime);
      case KnativeCloudEventPath.NAME -> new KnativeCloudEventPath(runtime);
      default ->
          throw new IllegalArgumentException("No path named '" + name + "'; the paths: " + NAMES);
    };
  }

  /**
   * Sends a call along every path of this set, one after the other, and keeps what each gave.
   *
   * @param call the call
   * @return the outcomes and failures, by path
   */
  public Comparison compare(Call call) {
    Objects.requireNonNull(call, "call");
    Map<String, Object> results = new LinkedHashMap<>();
    for (AdapterPath path : this) {
      try {
        results.put(path.name(), path.call(call));
      } catch (PathFailure failure) {
        results.put(path.name(), failure);
      }
    }
    return Comparison.of(call, results);
  }
}
