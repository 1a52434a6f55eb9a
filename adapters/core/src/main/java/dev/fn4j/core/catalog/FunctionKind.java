package dev.fn4j.core.catalog;

/** The three function shapes of {@code java.util.function} that the catalog holds. */
public enum FunctionKind {
  /** A {@code Function<I, O>}: takes input, returns output. */
  FUNCTION,
  /** A {@code Supplier<O>}: takes nothing, returns output. */
  SUPPLIER,
  /** A {@code Consumer<I>}: takes input, returns nothing. */
  CONSUMER;

  /**
   * Returns the lower-case name used in listings.
   *
   * @return {@code function}, {@code supplier} or {@code consumer}
   */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
