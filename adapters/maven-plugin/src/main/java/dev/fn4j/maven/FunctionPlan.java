package dev.fn4j.maven;

import java.util.Objects;

/**
 * One function of the catalog as it is deployed: its trigger and resources.
 *
 * @param name the function's name in the catalog, which {@code FN4J_FUNCTION} selects
 * @param supplier true for a {@code Supplier} (called with GET over HTTP)
 * @param trigger what invokes it
 * @param memoryMb its memory, in MiB
 * @param timeoutSeconds how long one invocation may take
 */
public record FunctionPlan(
    String name, boolean supplier, Trigger trigger, int memoryMb, int timeoutSeconds) {

  /** Checks the values. */
  public FunctionPlan {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(trigger, "trigger");
  }

  /**
   * Returns the name as a resource name of platforms that allow letters and digits only (AWS
   * logical ids): {@code order-created} becomes {@code OrderCreated}.
   *
   * @return the name in upper camel case, letters and digits only
   */
  public String resourceName() {
    return Names.upperCamel(name);
  }

  /**
   * Returns the name as platforms that allow lower-case letters, digits and hyphens take it
   * (Knative, Google, Azure function folders): {@code orderCreated} becomes {@code order-created}.
   *
   * @return the name in lower case with hyphens
   */
  public String dnsName() {
    StringBuilder name = new StringBuilder();
    for (char c : this.name.toCharArray()) {
      if (Character.isUpperCase(c) && c < 128) {
        if (name.length() > 0 && name.charAt(name.length() - 1) != '-') {
          name.append('-');
        }
        name.append(Character.toLowerCase(c));
      } else if (Character.isLetterOrDigit(c) && c < 128) {
        name.append(c);
      } else if (name.length() > 0 && name.charAt(name.length() - 1) != '-') {
        name.append('-');
      }
    }
    while (name.length() > 0 && name.charAt(name.length() - 1) == '-') {
      name.setLength(name.length() - 1);
    }
    return name.toString();
  }
}
