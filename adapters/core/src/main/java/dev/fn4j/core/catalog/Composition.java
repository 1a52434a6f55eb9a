package dev.fn4j.core.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A function, or a pipeline of functions written {@code a|b|c} (or {@code a,b,c}) whose output
 * feeds the next one's input: Function|Function, Supplier|Function and Function|Consumer, in any
 * length up to {@value #MAX_STAGES}. A single function is a composition of one stage.
 *
 * @param definition the text it was resolved from, for example {@code uppercase|reverse}
 * @param stages the functions in call order
 */
public record Composition(String definition, List<FunctionDefinition> stages) {

  /** The longest pipeline accepted. */
  public static final int MAX_STAGES = 16;

  public Composition {
    Objects.requireNonNull(definition, "definition");
    stages = List.copyOf(stages);
    if (stages.isEmpty()) {
      throw new CatalogException("An empty function definition names no function");
    }
    if (stages.size() > MAX_STAGES) {
      throw new CatalogException("'" + definition + "' has more than " + MAX_STAGES + " stages");
    }
    for (int i = 0; i < stages.size(); i++) {
      FunctionDefinition stage = stages.get(i);
      if (stage.kind() == FunctionKind.SUPPLIER && i > 0) {
        throw new CatalogException(
            "In '" + definition + "', supplier '" + stage.name() + "' can only come first");
      }
      if (stage.kind() == FunctionKind.CONSUMER && i < stages.size() - 1) {
        throw new CatalogException(
            "In '" + definition + "', consumer '" + stage.name() + "' can only come last");
      }
    }
  }

  /**
   * Splits a definition into function names.
   *
   * @param definition for example {@code a|b} or {@code a,b}
   * @return the trimmed names
   * @throws CatalogException when a name is empty or there are too many
   */
  public static List<String> split(String definition) {
    List<String> names = new ArrayList<>(2);
    int start = 0;
    for (int i = 0; i <= definition.length(); i++) {
      if (i == definition.length() || definition.charAt(i) == '|' || definition.charAt(i) == ',') {
        String name = definition.substring(start, i).trim();
        if (name.isEmpty()) {
          throw new CatalogException("Function definition '" + definition + "' has an empty name");
        }
        names.add(name);
        start = i + 1;
        if (names.size() > MAX_STAGES) {
          throw new CatalogException("Function definition has more than " + MAX_STAGES + " stages");
        }
      }
    }
    return names;
  }

  /**
   * Resolves a definition against a catalog.
   *
   * @param catalog the functions
   * @param definition for example {@code a|b}
   * @return the composition
   * @throws CatalogException when a name is unknown or the kinds do not compose
   */
  public static Composition resolve(FunctionCatalog catalog, String definition) {
    List<FunctionDefinition> stages = new ArrayList<>(2);
    for (String name : split(definition)) {
      stages.add(
          catalog.find(name).orElseThrow(() -> new UnknownFunctionException(name, definition)));
    }
    return new Composition(definition, stages);
  }

  /**
   * Returns the first stage.
   *
   * @return the function that receives the input
   */
  public FunctionDefinition first() {
    return stages.get(0);
  }

  /**
   * Returns the last stage.
   *
   * @return the function whose output is the result
   */
  public FunctionDefinition last() {
    return stages.get(stages.size() - 1);
  }

  /**
   * Returns the kind of the whole pipeline.
   *
   * @return a supplier when it starts with one, a consumer when it ends with one, else a function
   */
  public FunctionKind kind() {
    if (first().kind() == FunctionKind.SUPPLIER) {
      return FunctionKind.SUPPLIER;
    }
    return last().kind() == FunctionKind.CONSUMER ? FunctionKind.CONSUMER : FunctionKind.FUNCTION;
  }

  /**
   * Tells whether this is one function rather than a pipeline.
   *
   * @return true for one stage
   */
  public boolean isSingle() {
    return stages.size() == 1;
  }

  /**
   * Returns the composition's name: the definition without blanks, {@code |}-separated.
   *
   * @return for example {@code uppercase|reverse}
   */
  public String name() {
    if (isSingle()) {
      return first().name();
    }
    StringBuilder name = new StringBuilder();
    for (FunctionDefinition stage : stages) {
      name.append(name.length() == 0 ? "" : "|").append(stage.name());
    }
    return name.toString();
  }
}
