package dev.fn4j.core.catalog;

/**
 * The function catalog cannot be built: an invalid or duplicate name, a class that is not a
 * function, types that cannot be resolved, a selection ({@code FN4J_FUNCTION}) that names nothing.
 * Raised at start-up, so a misconfigured deployment fails before its first invocation.
 */
public final class CatalogException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, naming the function or class
   */
  public CatalogException(String message) {
    super(message);
  }
}
