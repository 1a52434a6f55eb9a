package dev.fn4j.conformance;

import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.platform.Environment;
import java.util.Map;
import java.util.Optional;

/**
 * The runtime a server path serves: the shared runtime's catalog (the very function objects, so an
 * application started once, Spring Boot's included, is reused and never started again) and its
 * settings, with only the variables that place the server changed: a free port on loopback.
 *
 * <p>Why not the shared runtime itself: every platform reads its port from {@link
 * FunctionRuntime#environment()}, and the process's environment names none (or one meant for
 * production). A runtime over the same catalog differs in nothing else: the router and the
 * dispatcher hold no state, and the {@code onInit} hooks already ran on the shared runtime, so the
 * derived runtime's hooks are never run.
 *
 * <p>Public for the event paths ({@code dev.fn4j.conformance.event}), which derive runtimes the
 * same way: for their servers, and with {@code FN4J_FUNCTION} set where a platform routes events by
 * the function the deployment selects.
 */
public final class ServerRuntimes {

  private ServerRuntimes() {}

  /**
   * Derives a runtime for a server of fn4j's own on a free loopback port.
   *
   * @param shared the process's runtime
   * @return a runtime over the same catalog with {@code PORT=0} and {@code FN4J_HTTP_HOST} loopback
   */
  public static FunctionRuntime onLoopback(FunctionRuntime shared) {
    return derive(shared, Map.of("PORT", "0", "FN4J_HTTP_HOST", "127.0.0.1"));
  }

  /**
   * Derives a runtime for a server.
   *
   * @param shared the process's runtime
   * @param placement the variables to set, for example {@code PORT=0}
   * @return a runtime over the same catalog with those variables changed
   */
  public static FunctionRuntime derive(FunctionRuntime shared, Map<String, String> placement) {
    Map<String, String> overrides = Map.copyOf(placement);
    Environment base = shared.environment();
    Environment environment =
        name -> overrides.containsKey(name) ? Optional.of(overrides.get(name)) : base.get(name);
    return FunctionRuntime.of(environment, shared.catalog());
  }
}
