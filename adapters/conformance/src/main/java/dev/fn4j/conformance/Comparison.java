package dev.fn4j.conformance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one {@link Call} gave along several paths ({@link AdapterPaths#compare}): an {@link Outcome}
 * per path, or the {@link PathFailure} of a path that gave none. Immutable.
 *
 * <pre>{@code
 * Comparison greet = paths.compare(Call.json("greet", "{\"name\":\"Ada\"}"));
 * greet.assertSameAs(AdapterPaths.LOCAL);                       // every path, or
 * greet.without(AdapterPaths.KNATIVE_CLOUDEVENT).assertSameAs(AdapterPaths.LOCAL);
 * assertThat(greet.outcome(AdapterPaths.KNATIVE_CLOUDEVENT).status()).isEqualTo(202);
 * }</pre>
 */
public final class Comparison {

  private final Call call;
  private final Map<String, Object> results;

  private Comparison(Call call, Map<String, Object> results) {
    this.call = call;
    this.results = results;
  }

  /**
   * Creates a comparison.
   *
   * @param call the call that was sent
   * @param results by path name, in order: an {@link Outcome} or a {@link PathFailure}
   * @return the comparison
   * @throws IllegalArgumentException when a result is neither
   */
  static Comparison of(Call call, Map<String, Object> results) {
    Objects.requireNonNull(call, "call");
    results.forEach(
        (path, result) -> {
          if (!(result instanceof Outcome) && !(result instanceof PathFailure)) {
            throw new IllegalArgumentException("Not a result of " + path + ": " + result);
          }
        });
    return new Comparison(call, Collections.unmodifiableMap(new LinkedHashMap<>(results)));
  }

  /**
   * Returns the call that was sent.
   *
   * @return the call
   */
  public Call call() {
    return call;
  }

  /**
   * Returns the names of the paths compared.
   *
   * @return the names, in order
   */
  public List<String> paths() {
    return List.copyOf(results.keySet());
  }

  /**
   * Returns the outcomes of the paths that gave one.
   *
   * @return by path name, in order; paths that failed are left out
   */
  public Map<String, Outcome> outcomes() {
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    results.forEach(
        (path, result) -> {
          if (result instanceof Outcome outcome) {
            outcomes.put(path, outcome);
          }
        });
    return Collections.unmodifiableMap(outcomes);
  }

  /**
   * Returns the failures of the paths that gave no outcome.
   *
   * @return by path name, in order; empty when every path gave an outcome
   */
  public Map<String, PathFailure> failures() {
    Map<String, PathFailure> failures = new LinkedHashMap<>();
    results.forEach(
        (path, result) -> {
          if (result instanceof PathFailure failure) {
            failures.put(path, failure);
          }
        });
    return Collections.unmodifiableMap(failures);
  }

  /**
   * Returns one path's outcome.
   *
   * @param path the path's name
   * @return its outcome
   * @throws IllegalArgumentException when the path was not compared
   * @throws PathFailure the path's failure, when it gave no outcome
   */
  public Outcome outcome(String path) {
    Object result = results.get(path);
    if (result == null) {
      throw new IllegalArgumentException("The path '" + path + "' was not compared: " + paths());
    }
    if (result instanceof PathFailure failure) {
      throw failure;
    }
    return (Outcome) result;
  }

  /**
   * Returns the comparison without some paths, for example those whose platform legitimately
   * answers otherwise and is checked on its own.
   *
   * @param paths the names to leave out; names not compared are ignored
   * @return the smaller comparison
   */
  public Comparison without(String... paths) {
    Map<String, Object> kept = new LinkedHashMap<>(results);
    kept.keySet().removeAll(Set.of(paths));
    return new Comparison(call, Collections.unmodifiableMap(kept));
  }

  /**
   * Lists, for each path that does not give the reference's outcome, how it differs.
   *
   * @param reference the name of the reference path, usually {@link AdapterPaths#LOCAL}
   * @return by path name, each difference a sentence ({@link Outcome#differencesFrom}), a failed
   *     path with its failure; empty when every path agrees with the reference
   * @throws IllegalArgumentException when the reference was not compared
   * @throws PathFailure the reference's failure, when it gave no outcome
   */
  public Map<String, List<String>> differencesFrom(String reference) {
    Outcome expected = outcome(reference);
    Map<String, List<String>> differences = new LinkedHashMap<>();
    results.forEach(
        (path, result) -> {
          if (result instanceof PathFailure failure) {
            differences.put(path, List.of("failed: " + failure.getMessage()));
          } else {
            List<String> found = ((Outcome) result).differencesFrom(expected);
            if (!found.isEmpty()) {
              differences.put(path, found);
            }
          }
        });
    return Collections.unmodifiableMap(differences);
  }

  /**
   * Checks that every path gave the reference's outcome.
   *
   * @param reference the name of the reference path, usually {@link AdapterPaths#LOCAL}
   * @throws AssertionError naming each path that differs and how, with the reference's outcome
   */
  public void assertSameAs(String reference) {
    Map<String, List<String>> differences = differencesFrom(reference);
    if (differences.isEmpty()) {
      return;
    }
    List<String> lines = new ArrayList<>();
    lines.add(
        call
            + ": "
            + differences.size()
            + " of "
            + results.size()
            + " paths differ from "
            + reference
            + " ("
            + outcome(reference)
            + ")");
    differences.forEach((path, found) -> lines.add("  " + path + ": " + String.join("; ", found)));
    throw new AssertionError(String.join(System.lineSeparator(), lines));
  }

  /**
   * Describes every path's result, for assertion messages.
   *
   * @return one line per path
   */
  @Override
  public String toString() {
    List<String> lines = new ArrayList<>();
    lines.add(call.toString());
    results.forEach(
        (path, result) ->
            lines.add(
                "  "
                    + path
                    + ": "
                    + (result instanceof PathFailure failure
                        ? "failed: " + failure.getMessage()
                        : result)));
    return String.join(System.lineSeparator(), lines);
  }
}
