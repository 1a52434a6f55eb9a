package dev.fn4j.testkit;

/**
 * The triggers an {@link AzureFunctionsHostFake} invokes a custom handler for, each with its {@code
 * function.json} binding type and the binding name the portal's templates use.
 */
public enum AzureTrigger {
  /** An HTTP request ({@code httpTrigger}); {@code Data.req} holds the request. */
  HTTP("httpTrigger", "req"),
  /** A Storage queue message ({@code queueTrigger}). */
  QUEUE("queueTrigger", "myQueueItem"),
  /** A Service Bus queue or topic message ({@code serviceBusTrigger}). */
  SERVICE_BUS("serviceBusTrigger", "mySbMsg"),
  /** A schedule ({@code timerTrigger}); the data is the timer's status. */
  TIMER("timerTrigger", "myTimer"),
  /** A new or updated blob ({@code blobTrigger}). */
  BLOB("blobTrigger", "myBlob"),
  /** One Event Grid event, in either schema ({@code eventGridTrigger}). */
  EVENT_GRID("eventGridTrigger", "eventGridEvent");

  private final String bindingType;
  private final String defaultName;

  AzureTrigger(String bindingType, String defaultName) {
    this.bindingType = bindingType;
    this.defaultName = defaultName;
  }

  /**
   * Returns the binding's {@code type} in {@code function.json}.
   *
   * @return for example {@code queueTrigger}
   */
  public String bindingType() {
    return bindingType;
  }

  /**
   * Returns the binding name the portal's templates give the trigger, the key of its value in
   * {@code Data} unless {@link AzureBindings} says otherwise.
   *
   * @return for example {@code myQueueItem}
   */
  public String defaultName() {
    return defaultName;
  }
}
