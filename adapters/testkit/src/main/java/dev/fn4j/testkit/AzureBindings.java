package dev.fn4j.testkit;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The binding names in the {@code function.json} files an {@link AzureFunctionsHostFake} plays the
 * host for: the trigger binding's name per trigger (the key of its value in {@code Data}) and the
 * name of the HTTP output binding of HTTP functions. Immutable.
 *
 * @param triggerNames the trigger binding's name for each trigger
 * @param httpOutput the HTTP output binding's name: {@code res} (read from {@code Outputs.res}),
 *     {@code $return} (read from {@code ReturnValue}), or empty for HTTP functions without one
 */
public record AzureBindings(Map<AzureTrigger, String> triggerNames, String httpOutput) {

  /** The name of the output binding that stands for the function's return value. */
  public static final String RETURN = "$return";

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  /**
   * Checks the names and copies the map.
   *
   * @param triggerNames a name for every trigger
   * @param httpOutput the HTTP output's name, {@value #RETURN}, or empty
   * @throws IllegalArgumentException when a trigger has no name or a name is not a binding name
   */
  public AzureBindings {
    Objects.requireNonNull(triggerNames, "triggerNames");
    Objects.requireNonNull(httpOutput, "httpOutput");
    EnumMap<AzureTrigger, String> copy = new EnumMap<>(AzureTrigger.class);
    for (AzureTrigger trigger : AzureTrigger.values()) {
      String name = triggerNames.get(trigger);
      if (name == null || !NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("Not a binding name for " + trigger + ": " + name);
      }
      copy.put(trigger, name);
    }
    if (!httpOutput.isEmpty()
        && !httpOutput.equals(RETURN)
        && !NAME.matcher(httpOutput).matches()) {
      throw new IllegalArgumentException("Not an output binding name: " + httpOutput);
    }
    triggerNames = Collections.unmodifiableMap(copy);
  }

  /**
   * Returns the names the portal's templates use ({@link AzureTrigger#defaultName()}) and an HTTP
   * output named {@code res}, as in the custom handler documentation.
   *
   * @return the defaults
   */
  public static AzureBindings defaults() {
    EnumMap<AzureTrigger, String> names = new EnumMap<>(AzureTrigger.class);
    for (AzureTrigger trigger : AzureTrigger.values()) {
      names.put(trigger, trigger.defaultName());
    }
    return new AzureBindings(names, "res");
  }

  /**
   * Returns the trigger binding's name for a trigger.
   *
   * @param trigger the trigger
   * @return for example {@code myQueueItem}
   */
  public String triggerName(AzureTrigger trigger) {
    return triggerNames.get(Objects.requireNonNull(trigger, "trigger"));
  }

  /**
   * Returns bindings that name one trigger otherwise.
   *
   * @param trigger the trigger
   * @param name its binding name, for example {@code message}
   * @return the new bindings
   * @throws IllegalArgumentException when the name is not a binding name
   */
  public AzureBindings withTriggerName(AzureTrigger trigger, String name) {
    EnumMap<AzureTrigger, String> names = new EnumMap<>(triggerNames);
    names.put(Objects.requireNonNull(trigger, "trigger"), name);
    return new AzureBindings(names, httpOutput);
  }

  /**
   * Returns bindings with another HTTP output.
   *
   * @param name {@code res} or another name, {@value #RETURN}, or empty for none
   * @return the new bindings
   * @throws IllegalArgumentException when the name is not a binding name
   */
  public AzureBindings withHttpOutput(String name) {
    return new AzureBindings(triggerNames, name);
  }
}
