package dev.fn4j.testkit;

/**
 * The Function Compute generation whose environment {@link FcHostFake#environment(FcVersion, int)}
 * describes. The two speak the same custom-runtime HTTP protocol; they differ in how the runtime
 * learns its port.
 */
public enum FcVersion {

  /** FC 2.0 (services and functions): the port to listen on is in {@code FC_SERVER_PORT}. */
  FC2("FC_SERVER_PORT"),

  /** FC 3.0 (functions only): the port to listen on is in {@code FC_CUSTOM_LISTEN_PORT}. */
  FC3("FC_CUSTOM_LISTEN_PORT");

  private final String portVariable;

  FcVersion(String portVariable) {
    this.portVariable = portVariable;
  }

  /**
   * Returns the environment variable that carries the port the runtime must listen on.
   *
   * @return {@code FC_SERVER_PORT} or {@code FC_CUSTOM_LISTEN_PORT}
   */
  public String portVariable() {
    return portVariable;
  }
}
