package dev.fn4j.maven;

/**
 * The plugin's configuration cannot describe a deployment: an unknown function, a trigger without
 * its parameter, parameters of another trigger kind, an invalid value. The message names where (the
 * POM and the function) and what is wrong; the build fails before any file is written.
 */
public final class DescriptorConfigurationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message where and what
   */
  public DescriptorConfigurationException(String message) {
    super(message);
  }
}
