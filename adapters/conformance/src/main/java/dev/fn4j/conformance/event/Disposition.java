package dev.fn4j.conformance.event;

/**
 * What a platform makes of one delivered event after the function's adapter answered: the
 * normalised form of each platform's own signals (an SQS {@code batchItemFailures} entry, a Lambda
 * function error, a Knative status, {@code x-fc-status}, an exception thrown to Google's or FC's
 * runtime, a failed Azure invocation).
 */
public enum Disposition {

  /** Done: the platform deletes or forgets the event and does not deliver it again. */
  ACKNOWLEDGED,

  /**
   * Failed, and the platform delivers the event again (as its retry policy says, then to its
   * dead-letter destination): a Lambda function error or an SQS item failure, a 5xx or 404 from a
   * Knative subscriber, {@code x-fc-status: 404}, an exception thrown to Google's invoker or FC's
   * runtime, a failed Azure invocation.
   */
  RETRY,

  /**
   * Failed for good: the platform does not deliver the event again (Knative gives up on a 4xx other
   * than 404, 408, 409, 425 and 429, and sends the event to the dead letter sink).
   */
  REJECTED
}
