package dev.fn4j.core.catalog;

/** A definition names a function the catalog does not have. */
public final class UnknownFunctionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String functionName;

  /**
   * Creates the exception.
   *
   * @param functionName the unknown name
   * @param definition the definition it appeared in
   */
  public UnknownFunctionException(String functionName, String definition) {
    super(
        definition.equals(functionName)
            ? "No function named '" + functionName + "'"
            : "No function named '" + functionName + "' (in '" + definition + "')");
    this.functionName = functionName;
  }

  /**
   * Returns the unknown name.
   *
   * @return the name
   */
  public String functionName() {
    return functionName;
  }
}
