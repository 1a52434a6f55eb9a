package dev.fn4j.spring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code fn4j.*} settings of a Spring Boot application. Each one stands for the environment
 * variable of the same meaning (DESIGN §3), which keeps working: {@code fn4j.function} is {@code
 * FN4J_FUNCTION}, {@code fn4j.routing.types} is {@code FN4J_ROUTING_TYPES}, {@code fn4j.http.port}
 * is {@code PORT}. An unset value leaves the platform's default.
 */
@ConfigurationProperties("fn4j")
public class Fn4jProperties {

  /**
   * The function every invocation goes to: a bean name or a composition such as "uppercase|reverse"
   * (FN4J_FUNCTION). When unset, spring.cloud.function.definition is read instead; with a single
   * function nothing needs configuring.
   */
  private String function;

  /** How requests find their function when no function is selected. */
  private final Routing routing = new Routing();

  /** The embedded HTTP server of the local runner and the HTTP-based platforms. */
  private final Http http = new Http();

  /**
   * Returns the selected function.
   *
   * @return the definition, or null
   */
  public String getFunction() {
    return function;
  }

  /**
   * Sets the selected function.
   *
   * @param function the definition
   */
  public void setFunction(String function) {
    this.function = function;
  }

  /**
   * Returns the routing settings.
   *
   * @return the routing settings
   */
  public Routing getRouting() {
    return routing;
  }

  /**
   * Returns the HTTP settings.
   *
   * @return the HTTP settings
   */
  public Http getHttp() {
    return http;
  }

  /** Routing by header, CloudEvent type and path. */
  public static class Routing {

    /**
     * The one request header whose value may select the function (FN4J_ROUTING_HEADER). Off when
     * unset; no other header is ever read for routing.
     */
    private String header;

    /**
     * CloudEvent type to function (FN4J_ROUTING_TYPES), for example
     * fn4j.routing.types[com.acme.order.created]=ship.
     */
    private Map<String, String> types = new LinkedHashMap<>();

    /**
     * Path prefix to function (FN4J_ROUTING_PATHS), for example fn4j.routing.paths[/orders]=create.
     * Without an entry the first path segment names the function.
     */
    private Map<String, String> paths = new LinkedHashMap<>();

    /**
     * Returns the routing header.
     *
     * @return the header name, or null
     */
    public String getHeader() {
      return header;
    }

    /**
     * Sets the routing header.
     *
     * @param header the header name
     */
    public void setHeader(String header) {
      this.header = header;
    }

    /**
     * Returns the CloudEvent type routes.
     *
     * @return type to function
     */
    public Map<String, String> getTypes() {
      return types;
    }

    /**
     * Sets the CloudEvent type routes.
     *
     * @param types type to function
     */
    public void setTypes(Map<String, String> types) {
      this.types = types;
    }

    /**
     * Returns the path routes.
     *
     * @return path prefix to function
     */
    public Map<String, String> getPaths() {
      return paths;
    }

    /**
     * Sets the path routes.
     *
     * @param paths path prefix to function
     */
    public void setPaths(Map<String, String> paths) {
      this.paths = paths;
    }
  }

  /** The embedded HTTP server. */
  public static class Http {

    /** The port to listen on (PORT); 8080 when unset. */
    private Integer port;

    /**
     * The address to bind (FN4J_HTTP_HOST); loopback for the local runner and all interfaces on the
     * platforms when unset.
     */
    private String host;

    /** The number of worker threads (FN4J_HTTP_THREADS); 4 per core, at least 8, when unset. */
    private Integer threads;

    /** The largest request body accepted, in bytes (FN4J_MAX_BODY_BYTES); larger ones get 413. */
    private Integer maxBodyBytes;

    /**
     * How long a stopping server lets requests in progress finish, in seconds (FN4J_DRAIN_SECONDS);
     * 10 when unset.
     */
    private Integer drainSeconds;

    /**
     * Returns the port.
     *
     * @return the port, or null
     */
    public Integer getPort() {
      return port;
    }

    /**
     * Sets the port.
     *
     * @param port the port
     */
    public void setPort(Integer port) {
      this.port = port;
    }

    /**
     * Returns the bind address.
     *
     * @return the host, or null
     */
    public String getHost() {
      return host;
    }

    /**
     * Sets the bind address.
     *
     * @param host the host
     */
    public void setHost(String host) {
      this.host = host;
    }

    /**
     * Returns the number of worker threads.
     *
     * @return the threads, or null
     */
    public Integer getThreads() {
      return threads;
    }

    /**
     * Sets the number of worker threads.
     *
     * @param threads the threads
     */
    public void setThreads(Integer threads) {
      this.threads = threads;
    }

    /**
     * Returns the body size limit.
     *
     * @return the limit in bytes, or null
     */
    public Integer getMaxBodyBytes() {
      return maxBodyBytes;
    }

    /**
     * Sets the body size limit.
     *
     * @param maxBodyBytes the limit in bytes
     */
    public void setMaxBodyBytes(Integer maxBodyBytes) {
      this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Returns the drain time.
     *
     * @return the seconds, or null
     */
    public Integer getDrainSeconds() {
      return drainSeconds;
    }

    /**
     * Sets the drain time.
     *
     * @param drainSeconds the seconds
     */
    public void setDrainSeconds(Integer drainSeconds) {
      this.drainSeconds = drainSeconds;
    }
  }
}
