package dev.fn4j.conformance.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a platform is told about one {@link EventCall}, normalised: a {@link Disposition} for each
 * delivered item, in order; the reply payloads, where the platform carries replies (a Knative reply
 * event's data, an FC invocation's response body, a Lambda invocation's response, an Azure {@code
 * ReturnValue}); and the platform's view, everything it was told as text (response status, headers
 * and body, or the exception thrown to its runtime as that runtime logs it, stack frames included),
 * to check that nothing leaked. Immutable.
 *
 * <p>Outcomes are equal when their dispositions, replies and reply channel are; the platform's view
 * is not compared. {@link #differencesFrom} compares replies only when both outcomes carry them, so
 * that a path without a reply channel (SQS, Google's event functions) can be held against an
 * expected outcome that lists replies.
 */
public final class EventOutcome {

  /** A stack frame as {@link Throwable#printStackTrace()} or a logger prints it. */
  private static final Pattern FRAME =
      Pattern.compile(
          "(?m)(\\tat |^\\s*at [\\w$.]+\\.[\\w$<>]+\\((?:[\\w$]+\\.java:\\d+|Native Method"
              + "|Unknown Source)\\))");

  private final List<Disposition> dispositions;
  private final List<EventPayload> replies;
  private final boolean carriesReplies;
  private final String platformView;

  private EventOutcome(
      List<Disposition> dispositions,
      List<EventPayload> replies,
      boolean carriesReplies,
      String platformView) {
    this.dispositions = List.copyOf(dispositions);
    this.replies = List.copyOf(replies);
    this.carriesReplies = carriesReplies;
    this.platformView = Objects.requireNonNull(platformView, "platformView");
    if (this.dispositions.isEmpty()) {
      throw new IllegalArgumentException("An outcome has a disposition per item, at least one");
    }
    if (!carriesReplies && !this.replies.isEmpty()) {
      throw new IllegalArgumentException("Replies on a path that carries none: " + replies);
    }
  }

  /**
   * Creates the outcome of a platform that carries replies.
   *
   * @param dispositions one per delivered item, in order
   * @param replies the non-empty replies, in order; empty for none
   * @param platformView everything the platform was told, as text
   * @return the outcome
   */
  public static EventOutcome of(
      List<Disposition> dispositions, List<EventPayload> replies, String platformView) {
    return new EventOutcome(dispositions, replies, true, platformView);
  }

  /**
   * Creates the outcome of a platform that has no reply channel (an SQS batch, a Google event
   * function).
   *
   * @param dispositions one per delivered item, in order
   * @param platformView everything the platform was told, as text
   * @return the outcome
   */
  public static EventOutcome withoutReplies(List<Disposition> dispositions, String platformView) {
    return new EventOutcome(dispositions, List.of(), false, platformView);
  }

  /**
   * Creates an expected outcome, to compare with {@link #differencesFrom}.
   *
   * @param dispositions one per item
   * @param replies the replies expected where the platform carries them
   * @return the outcome, with an empty platform view
   */
  public static EventOutcome expected(List<Disposition> dispositions, List<EventPayload> replies) {
    return new EventOutcome(dispositions, replies, true, "");
  }

  /**
   * Joins the outcomes of one invocation per item into the outcome of the whole delivery.
   *
   * @param parts each item's outcome, in order
   * @return the joined outcome
   */
  static EventOutcome joined(List<EventOutcome> parts) {
    List<Disposition> dispositions = new ArrayList<>();
    List<EventPayload> replies = new ArrayList<>();
    StringBuilder view = new StringBuilder();
    boolean carries = true;
    for (EventOutcome part : parts) {
      dispositions.addAll(part.dispositions);
      replies.addAll(part.replies);
      carries &= part.carriesReplies;
      view.append(view.length() == 0 ? "" : "\n---\n").append(part.platformView);
    }
    return new EventOutcome(dispositions, replies, carries, view.toString());
  }

  /**
   * Returns each item's disposition.
   *
   * @return one per delivered item, in order
   */
  public List<Disposition> dispositions() {
    return dispositions;
  }

  /**
   * Returns one item's disposition.
   *
   * @param item the item's position, from 0
   * @return its disposition
   */
  public Disposition disposition(int item) {
    return dispositions.get(item);
  }

  /**
   * Tells whether every item was acknowledged.
   *
   * @return true when the platform delivers none of them again
   */
  public boolean allAcknowledged() {
    return dispositions.stream().allMatch(Disposition.ACKNOWLEDGED::equals);
  }

  /**
   * Tells whether the platform carries replies at all.
   *
   * @return false for an SQS batch and a Google event function
   */
  public boolean carriesReplies() {
    return carriesReplies;
  }

  /**
   * Returns the replies the platform carried on: each non-empty reply, in order (a function that
   * returns nothing gives none).
   *
   * @return the replies; empty when there were none or the platform carries none
   */
  public List<EventPayload> replies() {
    return replies;
  }

  /**
   * Returns everything the platform was told, as text: the response's status, headers and body, or
   * the exception thrown to its runtime as that runtime logs it.
   *
   * @return the text; several invocations' views are separated by {@code ---} lines
   */
  public String platformView() {
    return platformView;
  }

  /**
   * Tells whether the platform was told a text, for example the function's exception message.
   *
   * @param text the text to look for
   * @return true when the platform's view contains it
   */
  public boolean reveals(String text) {
    return platformView.contains(text);
  }

  /**
   * Tells whether the platform was shown a stack trace: a frame as {@code printStackTrace} writes
   * it ({@code \tat com.acme.Fn.apply(Fn.java:42)}).
   *
   * @return true when the platform's view holds a stack frame
   */
  public boolean showsStackTrace() {
    return FRAME.matcher(platformView).find();
  }

  /**
   * Lists how this outcome differs from a reference, each difference a sentence: the dispositions,
   * and the replies when both outcomes carry replies.
   *
   * @param reference the outcome expected
   * @return for example {@code [dispositions [RETRY], expected [ACKNOWLEDGED]]}; empty when they
   *     agree
   */
  public List<String> differencesFrom(EventOutcome reference) {
    Objects.requireNonNull(reference, "reference");
    List<String> differences = new ArrayList<>();
    if (!dispositions.equals(reference.dispositions)) {
      differences.add("dispositions " + dispositions + ", expected " + reference.dispositions);
    }
    if (carriesReplies && reference.carriesReplies) {
      if (replies.size() != reference.replies.size()) {
        differences.add("replies " + replies + ", expected " + reference.replies);
      } else {
        for (int i = 0; i < replies.size(); i++) {
          for (String difference : replies.get(i).differencesFrom(reference.replies.get(i))) {
            differences.add("reply " + i + ": " + difference);
          }
        }
      }
    }
    return differences;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EventOutcome outcome
        && dispositions.equals(outcome.dispositions)
        && replies.equals(outcome.replies)
        && carriesReplies == outcome.carriesReplies;
  }

  @Override
  public int hashCode() {
    return Objects.hash(dispositions, replies, carriesReplies);
  }

  /**
   * Describes the outcome for assertion messages.
   *
   * @return for example {@code [ACKNOWLEDGED] replies [text/plain "HELLO"]}, or {@code [RETRY] (no
   *     reply channel)}; the platform's view follows when it is not empty
   */
  @Override
  public String toString() {
    return dispositions
        + (carriesReplies ? " replies " + replies : " (no reply channel)")
        + (platformView.isEmpty() ? "" : "; the platform saw: " + platformView);
  }
}
