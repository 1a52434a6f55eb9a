package dev.fn4j.testkit;

/**
 * How an {@link AzureFunctionsHostFake} writes the scalar values of a request payload. The
 * Functions host's code and its documentation disagree, and a custom handler has to read both.
 */
public enum AzurePayloadStyle {
  /**
   * As the host's code writes them: every value that is not a JSON object (a string, number, date
   * or array) is serialized to JSON text first and sent as a string, so a queue message {@code
   * hello} arrives as {@code "\"hello\""} and a dequeue count as {@code "1"}; objects (the HTTP
   * request, the timer status, an Event Grid event, dictionaries) stay objects. A JSON message's
   * top-level properties are also added to {@code Metadata}, as the host's binding data does.
   */
  HOST,
  /**
   * As the custom handler documentation's samples show them: plain JSON values ({@code "hello"},
   * {@code 1}), and no message properties in {@code Metadata}.
   */
  DOCUMENTED
}
