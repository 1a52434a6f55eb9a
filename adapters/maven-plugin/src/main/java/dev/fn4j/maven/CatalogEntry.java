package dev.fn4j.maven;

import java.util.Objects;

/**
 * A function the built application holds, as far as deployment cares: its name and whether it is a
 * supplier.
 *
 * @param name the function's name in the catalog
 * @param supplier true for a {@code Supplier}
 */
public record CatalogEntry(String name, boolean supplier) {

  /** Checks the values. */
  public CatalogEntry {
    Objects.requireNonNull(name, "name");
  }
}
