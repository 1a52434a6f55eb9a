package dev.fn4j.azure;

import dev.fn4j.core.http.HttpServerSettings;
import dev.fn4j.core.platform.Environment;

/**
 * What the custom handler reads from the environment.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><th>variable</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code FUNCTIONS_CUSTOMHANDLER_PORT}</td><td>set by the host</td><td>the port, on
 *       loopback (the host is on the same machine; {@code FN4J_HTTP_HOST} overrides)</td></tr>
 *   <tr><td>{@code FN4J_AZURE_ROUTE_PREFIX}</td><td>{@code api}</td><td>the HTTP route prefix of
 *       {@code host.json}: forwarded HTTP requests under it are served by path</td></tr>
 *   <tr><td>{@code FN4J_AZURE_HTTP_OUTPUT}</td><td>{@code res}</td><td>the name of the HTTP output
 *       binding in {@code function.json}; {@code $return} answers in {@code ReturnValue}</td></tr>
 *   <tr><td>{@code FN4J_AZURE_TRIGGER_BINDING}</td><td>none</td><td>the trigger binding's name,
 *       needed only when a function has input bindings besides its trigger</td></tr>
 * </table>
 *
 * @param http the embedded server's settings
 * @param routePrefix the HTTP route prefix, without slashes
 * @param httpOutput the HTTP output binding's name
 * @param triggerBinding the trigger binding's name, or null
 */
record CustomHandlerSettings(
    HttpServerSettings http, String routePrefix, String httpOutput, String triggerBinding) {

  static CustomHandlerSettings from(Environment environment) {
    int port = environment.intValue("FUNCTIONS_CUSTOMHANDLER_PORT", 8080);
    HttpServerSettings defaults = HttpServerSettings.from(environment, "127.0.0.1", port);
    return new CustomHandlerSettings(
        defaults.withPort(port),
        environment.value("FN4J_AZURE_ROUTE_PREFIX").orElse("api").replaceAll("^/+|/+$", ""),
        environment.value("FN4J_AZURE_HTTP_OUTPUT").orElse("res"),
        environment.value("FN4J_AZURE_TRIGGER_BINDING").orElse(null));
  }
}
