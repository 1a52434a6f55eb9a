package dev.fn4j.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a path must answer; {@code reason} says why it differs from the entry's default (null for
 * the default itself).
 */
sealed interface Expected
    permits Expected.Problem, Expected.Answer, Expected.Failure, Expected.Status {
  String reason();

  /** Returns the same expectation with a reason. */
  Expected because(String why);

  /** Lists how an answer differs; empty when it is as expected. */
  List<String> mismatches(RawAnswer answer);

  /** The outcome kind, for the summary: for example {@code 400 DECODE}. */
  String kind();

  /**
   * A failure answered with a problem body.
   *
   * @param status the status
   * @param phase the phase named
   * @param function the function named, or null when none may be
   * @param reason why it differs from the default, or null
   */
  record Problem(int status, String phase, String function, String reason) implements Expected {
    @Override
    public Problem because(String why) {
      return new Problem(status, phase, function, why);
    }

    @Override
    public List<String> mismatches(RawAnswer answer) {
      List<String> found = new ArrayList<>();
      if (answer.isFailure()) {
        return List.of("no answer: " + answer.failure());
      }
      Outcome outcome = answer.outcome();
      if (outcome.status() != status) {
        found.add("status " + outcome.status() + ", expected " + status);
      }
      if (!outcome.contentType().equals(Optional.of(dev.fn4j.core.http.Problem.CONTENT_TYPE))) {
        found.add(
            "content type " + outcome.contentType().orElse("(none)") + ", expected a problem");
        return found;
      }
      outcome
          .problem()
          .ifPresentOrElse(
              problem -> {
                if (problem.status() != status) {
                  found.add("problem status " + problem.status());
                }
                if (!phase.equals(problem.phase())) {
                  found.add("phase " + problem.phase() + ", expected " + phase);
                }
                if (!Objects.equals(function, problem.function())) {
                  found.add(
                      "function " + quoted(problem.function()) + ", expected " + quoted(function));
                }
              },
              () -> found.add("not a problem object: " + outcome));
      return found;
    }

    @Override
    public String kind() {
      return status + " " + phase;
    }
  }

  /**
   * An answer of the function's.
   *
   * @param outcome the outcome
   * @param reason why it differs from the default, or null
   */
  record Answer(Outcome outcome, String reason) implements Expected {
    @Override
    public Answer because(String why) {
      return new Answer(outcome, why);
    }

    @Override
    public List<String> mismatches(RawAnswer answer) {
      return answer.isFailure()
          ? List.of("no answer: " + answer.failure())
          : answer.outcome().differencesFrom(outcome);
    }

    @Override
    public String kind() {
      return Integer.toString(outcome.status());
    }
  }

  /**
   * No answer of the function's: the platform reports a failed invocation.
   *
   * @param reason why, and why it differs from the default
   */
  record Failure(String reason) implements Expected {
    @Override
    public Failure because(String why) {
      return new Failure(why);
    }

    @Override
    public List<String> mismatches(RawAnswer answer) {
      return answer.isFailure()
          ? List.of()
          : List.of("answered " + answer + ", expected a failure");
    }

    @Override
    public String kind() {
      return "failed invocation";
    }
  }

  /**
   * A status the server answers itself, before any function is chosen (the JDK server's own 4xx).
   *
   * @param status the status
   * @param reason why it differs from the default, or null
   */
  record Status(int status, String reason) implements Expected {
    @Override
    public Status because(String why) {
      return new Status(status, why);
    }

    @Override
    public List<String> mismatches(RawAnswer answer) {
      if (answer.isFailure()) {
        return List.of("no answer: " + answer.failure());
      }
      return answer.status() == status
          ? List.of()
          : List.of("status " + answer.status() + ", expected " + status);
    }

    @Override
    public String kind() {
      return status + " (server)";
    }
  }

  private static String quoted(String text) {
    return text == null ? "(none)" : "'" + text + "'";
  }
}
